// Generated from config/schema.yaml by scripts/generate-types.ts (ajv standalone code). Do not edit; run `npm run generate`.
// @ts-nocheck
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** The SHA-256 of the config/schema.yaml text this validator was compiled from. */
export const CONFIG_SCHEMA_SHA256 = '48995efbbd65660962dee740dc41b74046fd5d0ba1ecee5c7be9e1423ec2de29';

const schema11 = {"$ref":"config#/components/schemas/GatewayConfig"};
const schema13 = {"type":"object","required":["party","storage","signing","services","partners"],"additionalProperties":false,"properties":{"party":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,62}$","description":"This gateway's party id; partners address messages `to` it."},"name":{"type":"string","minLength":1}}},"listen":{"type":"object","additionalProperties":false,"properties":{"host":{"type":"string","default":"127.0.0.1"},"port":{"type":"integer","minimum":0,"maximum":65535,"default":8080},"tls":{"$ref":"#/components/schemas/ListenTlsConfig"}}},"publicUrl":{"type":"string","pattern":"^https?://","description":"The base URL partners reach this gateway at."},"storage":{"type":"string","pattern":"^(sqlite:|postgres://|postgresql://)","description":"`sqlite:<path>` for the embedded store; `postgres://user@host:5432/db?schema=name` for replicas sharing PostgreSQL."},"postgres":{"type":"object","additionalProperties":false,"properties":{"poolSize":{"type":"integer","minimum":1,"maximum":500,"default":10},"timeoutMs":{"type":"integer","minimum":100,"default":5000,"description":"How long to wait for a connection or a query before answering 503."}}},"signing":{"$ref":"#/components/schemas/SigningConfig"},"security":{"type":"object","additionalProperties":false,"properties":{"algorithms":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","enum":["EdDSA","ES256"]},"default":["EdDSA","ES256"]},"messageWindowSeconds":{"type":"integer","minimum":1,"maximum":86400,"default":300,"description":"How far a message's `time` may be from this gateway's clock."},"readTokenMaxLifetimeSeconds":{"type":"integer","minimum":1,"maximum":3600,"default":300}}},"limits":{"type":"object","additionalProperties":false,"properties":{"bodyBytes":{"type":"integer","minimum":1024,"maximum":10485760,"default":262144},"requestTimeoutMs":{"type":"integer","minimum":100,"default":30000},"partnerRequestsPerSecond":{"type":"number","minimum":0.1,"default":50,"description":"Each partner's sustained request rate; more gets 429 with Retry-After."},"partnerBurst":{"type":"integer","minimum":1,"default":200,"description":"How many requests a partner may send at once."}}},"services":{"type":"array","items":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"name":{"type":"string","minLength":1},"description":{"type":"string"}}}},"partners":{"type":"array","items":{"$ref":"#/components/schemas/PartnerConfig"}},"agreements":{"type":"array","items":{"$ref":"#/components/schemas/AgreementConfig"}},"teams":{"type":"array","description":"Internal teams: suppliers without a gateway. An `underpinning` agreement whose `supplier`\nis a team is an operational agreement (OLA); a route may name a team, and its sub-calls\nare worked at our desk (no message is sent) under the OLA's service levels.\n","items":{"type":"object","required":["id","name","services"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,62}$"},"name":{"type":"string","minLength":1},"services":{"type":"array","minItems":1,"description":"The services the team provides to us.","items":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"name":{"type":"string","minLength":1}}}}}}},"underpinning":{"type":"array","description":"Our agreements as the customer of our suppliers (underpinning contracts) and of our internal teams (operational agreements).","items":{"$ref":"#/components/schemas/UnderpinningConfig"}},"routes":{"type":"array","description":"Which supplier service underpins one of our services, for which call types.","items":{"$ref":"#/components/schemas/RouteConfig"}},"triggers":{"type":"array","description":"Rules that raise triggered calls by themselves: a call of one of `callTypes` under\n`service` that the desk advances onto a trigger step of its own process raising `raise`\n(Agree 6, Change 6, Recover 5, Improve 5) gets that triggered call at once, raised by the\ngateway, and waits for it (as `POST /v1/desk/calls/{id}/triggered` does).\n","items":{"$ref":"#/components/schemas/TriggerRuleConfig"}},"closing":{"type":"object","additionalProperties":false,"description":"How a resolved call's closing steps (review .. evaluate and close) are worked.","properties":{"steps":{"type":"string","enum":["auto","desk"],"default":"auto","description":"`auto`: the gateway works them when the customer confirms the resolution, and the call\ncloses at once. `desk`: the desk works them (advance) and completing evaluate and close\ncloses the call, once the customer confirmed. Either way a call still resolved when the\nagreement's confirmation window (`serviceLevels.confirmationHours`) ends is closed by\nthe gateway.\n"}}},"witness":{"type":"object","additionalProperties":false,"description":"Witnessing the partners' message logs: how often the gateway fetches each partner\ngateway's newest checkpoint and checks it against the last one it kept (docs/protocol.md,\n\"Witnessing\").\n","properties":{"intervalSeconds":{"type":"integer","minimum":0,"maximum":86400,"default":60,"description":"Seconds between looks at every partner gateway's log; 0 turns witnessing off."}}},"evidence":{"type":"object","additionalProperties":false,"description":"Evidence of the gateway's own message log beyond its signed checkpoints.","properties":{"tsa":{"type":"object","required":["url","certificates"],"additionalProperties":false,"description":"RFC 3161 timestamps of the log's checkpoints by a Time Stamping Authority\n(docs/protocol.md, \"Timestamps\"). Without it nothing is stamped and writes never\nwait on a TSA. With it the gateway refuses every write with 503\n`USM_ERR_TIMESTAMPING_UNAVAILABLE` once `maxFailureMinutes` have passed without a\ngood token, and `/readyz` says so, until stamping works again.\n","properties":{"url":{"type":"string","pattern":"^https?://","description":"The TSA's URL; requests are POSTed as `application/timestamp-query`."},"certificates":{"type":"string","minLength":1,"description":"A PEM file of the certificates trusted for the TSA (its CA, or its chain up to one); a token's signer must chain to one of them and carry the timeStamping extended key usage."},"maxFailureMinutes":{"type":"number","minimum":0,"maximum":10080,"default":10,"description":"How long stamping may fail (since the first failed attempt after the last good token) before writes are refused; fractions allowed (0.05 is 3 seconds)."},"intervalSeconds":{"type":"number","minimum":0.05,"maximum":3600,"default":30,"description":"Seconds between looks at the newest checkpoint (also looked at shortly after each commit); a checkpoint without a token is sent to the TSA."},"timeoutMs":{"type":"integer","minimum":100,"maximum":120000,"default":10000,"description":"How long one TSA request may take."}}}}},"attachments":{"type":"object","additionalProperties":false,"description":"Attachments: references a call, a note or a sub-call carries. The gateway fetches each\nreference once, when it arrives, and refuses the message unless the content's size and\nSHA-256 are the declared ones; what it fetched it keeps content-addressed in `folder`\nand serves only to the parties entitled to it (docs/security.md).\n","properties":{"allowedHosts":{"type":"array","maxItems":256,"items":{"type":"string","minLength":1,"maxLength":253,"pattern":"^(\\*\\.)?[A-Za-z0-9.:_-]+$"},"default":[],"description":"Host names (or IP literals) a reference may name; `*.example.org` names every host under example.org. A partner gateway's own URL is always allowed (its downloads, with a read token)."},"allowPrivateAddresses":{"type":"boolean","default":false,"description":"Let an allowed host resolve to a loopback, link-local, private or otherwise internal address. Off, such a reference is refused whatever its name."},"maxBytes":{"type":"integer","minimum":1,"maximum":1073741824,"default":10485760,"description":"The largest attachment the gateway fetches and keeps."},"fetchTimeoutMs":{"type":"integer","minimum":100,"maximum":120000,"default":10000,"description":"How long one fetch may take in all."},"folder":{"type":"string","minLength":1,"default":"./attachments","description":"Where fetched content is kept, one file per SHA-256; relative to the config file. Gateways sharing PostgreSQL need it on a shared file system."}}},"delivery":{"type":"object","additionalProperties":false,"description":"Delivery of signed messages to partner gateways.","properties":{"maxAttempts":{"type":"integer","minimum":1,"maximum":1000,"default":12},"maxAgeSeconds":{"type":"integer","minimum":1,"default":86400},"timeoutMs":{"type":"integer","minimum":100,"maximum":120000,"default":5000},"backoffBaseMs":{"type":"integer","minimum":1,"default":500},"backoffMaxMs":{"type":"integer","minimum":1,"default":60000},"circuitFailureThreshold":{"type":"integer","minimum":1,"default":5},"circuitCooldownMs":{"type":"integer","minimum":1,"default":30000},"connections":{"type":"integer","minimum":1,"maximum":256,"default":32},"batchSize":{"type":"integer","minimum":1,"maximum":64,"default":16,"description":"The most call submissions and updates sent to a partner gateway in one signed batch; 1 sends each on its own."},"leaseMs":{"type":"integer","minimum":100,"default":30000,"description":"How long a replica holds the messages it is sending; when it dies, another replica takes them over after this."}}},"admin":{"type":"object","additionalProperties":false,"properties":{"tokens":{"type":"array","items":{"$ref":"#/components/schemas/TokenConfig"}}}},"desk":{"type":"object","additionalProperties":false,"properties":{"tokens":{"type":"array","items":{"$ref":"#/components/schemas/TokenConfig"}},"idempotencyHours":{"type":"integer","minimum":1,"maximum":720,"default":24,"description":"How long a desk write sent with an Idempotency-Key is remembered, with its answer."}}},"webhooks":{"type":"object","additionalProperties":false,"properties":{"maxAttempts":{"type":"integer","minimum":1,"maximum":100,"default":10},"timeoutMs":{"type":"integer","minimum":100,"maximum":60000,"default":5000},"backoffBaseMs":{"type":"integer","minimum":1,"default":1000},"backoffMaxMs":{"type":"integer","minimum":1,"default":300000}}},"log":{"type":"object","additionalProperties":false,"properties":{"level":{"type":"string","enum":["fatal","error","warn","info","debug","trace","silent"],"default":"info"},"pretty":{"type":"boolean","description":"Readable log lines (pino-pretty) instead of JSON lines. When absent, lines are readable when standard output is a terminal and JSON otherwise."}}},"retention":{"type":"object","additionalProperties":false,"description":"How long what a closed call holds is kept after it ends (closed, cancelled or rejected):\n`default` for every agreement without a `retention` of its own. The purge job runs every\n`intervalSeconds` and removes message bodies, notes' text and requester details whose\ntime is up; the message log's records, digests, signatures, receipts and proofs stay\n(docs/security.md, Retention). Nothing is purged when neither is set.\n","properties":{"default":{"$ref":"#/components/schemas/RetentionPolicy"},"intervalSeconds":{"type":"integer","minimum":1,"maximum":86400,"default":3600,"description":"How often the purge job looks for calls whose time is up."}}},"metrics":{"type":"object","additionalProperties":false,"description":"`GET /metrics` is always served to admin tokens on the main listener; `listen` serves it without a token on an address of its own.","properties":{"listen":{"type":"object","required":["port"],"additionalProperties":false,"properties":{"host":{"type":"string","default":"127.0.0.1","description":"Keep it on loopback or a private network."},"port":{"type":"integer","minimum":0,"maximum":65535}}}}},"deskConnector":{"type":"object","required":["baseUrl","issuer","audience"],"additionalProperties":false,"description":"The provider's desk tool, when it speaks TMF621 (docs/tmf621.md, \"The desk connector\"): every\nopen call is opened there as a trouble ticket, and the tool's status changes and notes are\ntaken back into the call by polling it.\n","properties":{"baseUrl":{"type":"string","pattern":"^https?://","description":"The tool's TMF621 base URL (ending in `/tmf-api/troubleTicket/v5`)."},"issuer":{"type":"string","minLength":1,"description":"Our account at the tool: the `iss` of the JWTs we sign."},"audience":{"type":"string","minLength":1,"description":"The tool's `aud` for those JWTs."},"keyFile":{"type":"string","description":"File holding the private JWK (Ed25519 or P-256","with a `kid`) that signs our JWTs at the tool.":null},"keyEnv":{"type":"string","description":"Environment variable holding that private JWK as JSON."},"service":{"type":"string","minLength":1,"description":"The service to name at the tool (`relatedEntity` role `service`); default none, the tool's only one."},"agreement":{"type":"string","minLength":1,"description":"The agreement to name at the tool (`relatedEntity` role `agreement`)."},"pollMs":{"type":"integer","minimum":100,"maximum":3600000,"default":5000,"description":"How often the tool is asked for news."},"timeoutMs":{"type":"integer","minimum":100,"maximum":60000,"default":5000}}},"console":{"type":"object","additionalProperties":false,"description":"The web console at `/console` (docs/console.md): who may sign in, and how long a session lasts. Desk and admin tokens always sign in too.","properties":{"accounts":{"type":"array","description":"People who sign in by name, each with a password hash or a personal token, and their roles.","items":{"$ref":"#/components/schemas/ConsoleAccount"}},"sessionMinutes":{"type":"integer","minimum":5,"maximum":10080,"default":480,"description":"A session ends this long after sign-in (or at sign-out, or when the gateway restarts)."},"signInAttemptsPerMinute":{"type":"integer","minimum":1,"maximum":1000,"default":10,"description":"Failed sign-in attempts allowed per name and per client address, in a minute (the same number at once); once they are used up, sign-ins get 429 with Retry-After."}}},"network":{"type":"object","additionalProperties":false,"description":"The signed network directory of the chain's operator (docs/directory.md).","properties":{"serveFile":{"type":"string","description":"A signed directory (`usm-link network publish`) this gateway serves at `/.well-known/usm-link-directory`, read on every request so a newly published file is served without a restart."},"url":{"type":"string","pattern":"^https?://","description":"Follow the operator's signed directory published here (docs/directory.md): this gateway\nfetches it every `refreshSeconds`, checks the operator's signature, that its sequence\nnever goes back and that it has not expired, and takes its partners' URLs, keys and\nroles from it. A partner entry under `partners` may then omit its keys (they come from\nthe directory) and only narrows what the directory allows (roles, keys); a partner that is\nno member of the network (a customer without a gateway) stays as configured.\n"},"operatorKeys":{"description":"The operator's public keys (two during a rotation of the operator's key), a JWKS file or inline. Required with `url`.","oneOf":[{"type":"string","description":"A file with the operator's public JWKS."},{"type":"object","required":["keys"],"properties":{"keys":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":true}}}}]},"refreshSeconds":{"type":"integer","minimum":1,"maximum":86400,"default":300,"description":"How often the directory is fetched (with several replicas on PostgreSQL, one replica fetches and the others read the document it stored)."}}}}};
const schema14 = {"type":"object","required":["cert"],"additionalProperties":false,"description":"Serve HTTPS (docs/deploy.md, \"TLS and mutual TLS\"). With `ca`, partners are asked for a client\ncertificate checked against it, and a partner's `tls.clientCertSha256` or `tls.clientCertSubject`\nbinds its signed messages and read tokens to its own certificate. Files are read at start: a\nnew certificate takes a restart.\n","properties":{"cert":{"type":"string","minLength":1,"description":"PEM file with the server certificate (and the intermediates after it)."},"key":{"type":"string","minLength":1,"description":"PEM file with its private key."},"keyEnv":{"type":"string","minLength":1,"description":"Environment variable holding that private key as PEM (instead of `key`)."},"ca":{"type":"string","minLength":1,"description":"PEM file with the CAs partners' client certificates must chain to; set","the gateway asks every client for a certificate.":null},"requireClientCert":{"type":"boolean","default":false,"description":"With `ca`, the TLS handshake itself refuses a client without a certificate that chains to it (the desk, the console and /healthz too then need one)."}}};
const schema15 = {"type":"object","additionalProperties":false,"description":"The gateway's private signing key, a JWK (OKP Ed25519 or EC P-256) with a `kid`.","properties":{"keyFile":{"type":"string","description":"File holding the private JWK."},"keyEnv":{"type":"string","description":"Environment variable holding the private JWK as JSON."},"createIfMissing":{"type":"boolean","default":false,"description":"Development only. Generate an Ed25519 key in `keyFile` when it does not exist."},"publishKeyFiles":{"type":"array","description":"Key rotation: more JWK files (private or public) whose public keys are published in\n/.well-known/jwks.json beside the signing key, so that two keys are live at once: the next\nkey before switching to it, or the previous one until every partner has the new one.\n","items":{"type":"string"}},"next":{"type":"object","additionalProperties":false,"required":["keyFile","activateAt"],"description":"Key rollover: the key to sign with from `activateAt` on. Its public half is published in\n/.well-known/jwks.json from the start, so partners fetching the JWKS know it before the switch.\n","properties":{"keyFile":{"type":"string","description":"File holding the next private JWK."},"activateAt":{"type":"string","minLength":1,"description":"When the gateway starts signing with the next key (RFC 3339)."}}},"retireAfterSeconds":{"type":"integer","minimum":0,"default":604800,"description":"After the switch to `next`, how long the previous key stays published (so receipts and\nmessages signed with it still verify); a week by default.\n"}}};
const schema28 = {"type":"object","required":["service","supplier","supplierService","agreement"],"additionalProperties":false,"properties":{"service":{"type":"string","description":"Our service."},"supplier":{"type":"string"},"supplierService":{"type":"string"},"agreement":{"type":"string","description":"The underpinning agreement the sub-call falls under."},"callTypes":{"type":"array","description":"The call types routed this way; all when absent.","items":{"type":"string","enum":["wish","rfc","service_request","incident","risk"]}},"mode":{"type":"string","enum":["manual","auto"],"default":"manual","description":"`auto` forks every matching call to the supplier as soon as it arrives: the gateway accepts\nit and walks it to the fork step (`at`), then raises the sub-call. `manual` lets the desk\nescalate along this route.\n"},"at":{"type":"object","required":["process","step"],"additionalProperties":false,"description":"The fork step for `auto` (default the first supplier fork step of the call's process).","properties":{"process":{"type":"string","enum":["agree","change","recover","operate","improve"]},"step":{"type":"integer","minimum":1}}},"subCallType":{"type":"string","enum":["wish","rfc","service_request","incident","risk"]},"onSupplierResolved":{"type":"string","enum":["resume","resolve"],"default":"resume","description":"`resume` puts the parent back in progress for the desk; `resolve` also resolves it with the\nsupplier's resolution (the gateway walks it to its last fulfilment step).\n"},"relayNotes":{"type":"boolean","default":false,"description":"Pass the supplier's public notes on to our customer as public notes."}}};
const schema29 = {"type":"object","required":["service","callTypes","raise"],"additionalProperties":false,"properties":{"service":{"type":"string","description":"Our service."},"callTypes":{"type":"array","minItems":1,"description":"The types of the calls that raise it; each one's process must trigger `raise`.","items":{"type":"string","enum":["wish","rfc","incident","risk"]}},"raise":{"type":"string","enum":["wish","rfc","service_request"],"description":"The type of the triggered call."},"agreement":{"type":"string","description":"The provider's own agreement the triggered call falls under (default the first active one of `party.id` that covers the service)."}}};
const schema30 = {"type":"object","required":["name"],"additionalProperties":false,"properties":{"name":{"type":"string","minLength":1},"env":{"type":"string","description":"Environment variable holding the token."},"file":{"type":"string","description":"File holding the token."},"createIfMissing":{"type":"boolean","default":false,"description":"Development only. Create a random token in `file` when it does not exist."}}};
const schema24 = {"type":"object","additionalProperties":false,"description":"Days after a call ends that its data is kept. In an agreement, a member left out takes\n`retention.default`'s; left out there too, that data is kept for good.\n`bodiesDays`: the signed message bytes and stored answers of the call's inbound messages\nand its delivered outbox messages, and its attachments' content (unless another call whose\nbodies are kept holds the same bytes). `notesDays`: the notes' text and history comments.\n`requesterDays`: the requester's name, e-mail address, phone and id, wherever the call's\nrecords hold them. Message bodies hold notes and requester details too: they go at the\nearliest of the three. The log's leaves (digests, signatures, receipts) always stay.\n","properties":{"bodiesDays":{"type":"integer","minimum":0,"maximum":36500},"notesDays":{"type":"integer","minimum":0,"maximum":36500},"requesterDays":{"type":"integer","minimum":0,"maximum":36500}}};
const schema33 = {"type":"object","required":["name","roles"],"additionalProperties":false,"properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$","description":"The name the person signs in with; the call history records it for what they do."},"passwordHash":{"type":"string","pattern":"^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$","description":"The password as `usm-link console hash-password` writes it: `scrypt$N$r$p$salt$hash` (node:crypto scrypt, base64url). A hash, never the password."},"token":{"type":"object","additionalProperties":false,"description":"A personal token to sign in with instead of a password, from an environment variable or a file.","properties":{"env":{"type":"string"},"file":{"type":"string"}}},"roles":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","enum":["desk","admin"]},"description":"`desk` works calls (the desk API); `admin` sees the operator pages (the admin API)."}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
const pattern1 = new RegExp("^https?://", "u");
const pattern2 = new RegExp("^(sqlite:|postgres://|postgresql://)", "u");
const pattern3 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", "u");
const pattern17 = new RegExp("^(\\*\\.)?[A-Za-z0-9.:_-]+$", "u");
const pattern19 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", "u");
const pattern20 = new RegExp("^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$", "u");
const schema16 = {"type":"object","required":["id","name","roles"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,62}$"},"name":{"type":"string","minLength":1},"roles":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","enum":["customer","supplier"]}},"jwks":{"type":"object","description":"The partner's public keys, inline.","required":["keys"],"properties":{"keys":{"type":"array","items":{"type":"object","additionalProperties":true}}}},"jwksFile":{"type":"string","description":"A file with the partner's public JWKS."},"jwksUrl":{"type":"string","pattern":"^https?://","description":"Where the partner publishes its keys (its gateway's /.well-known/jwks.json), fetched at start\nand every `jwksRefreshSeconds`; only this URL is fetched. Must be https, except on a loopback\naddress. A fetch that fails keeps the last good keys; a key gone from the JWKS is refused from\nthe next refresh on. With `jwks`/`jwksFile` or `kids` beside it, those pin: only fetched keys\namong them are accepted.\n"},"jwksRefreshSeconds":{"type":"integer","minimum":1,"default":300,"description":"How often `jwksUrl` is fetched again."},"kids":{"type":"array","uniqueItems":true,"minItems":1,"description":"A pin: the key ids accepted from `jwksUrl` (a fetched key with another kid is refused).","items":{"type":"string","minLength":1}},"devKeyFile":{"type":"string","description":"Development only. A private JWK file for this partner; generated when missing and its\npublic half trusted. Lets the CLI act as this partner on a test gateway.\n"},"url":{"type":"string","pattern":"^https?://","description":"The partner's usm-link gateway. Required for a supplier (calls are raised there); for a\ncustomer it means status changes of its calls are sent there as signed messages.\n"},"services":{"type":"array","description":"For a supplier, the services it provides to us.","items":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"name":{"type":"string","minLength":1}}}},"tmf":{"type":"object","additionalProperties":false,"description":"The partner's use of the TMF621 facade (docs/tmf621.md).","properties":{"callbackHosts":{"type":"array","uniqueItems":true,"description":"The hosts the partner's `/hub` listener callbacks may name: a host name (`listener.example.com`),\n`*.` and a domain for its subdomains (`*.example.com`), or an IP address. Without it the\npartner cannot subscribe.\n","items":{"type":"string","pattern":"^(\\*\\.)?[A-Za-z0-9.:-]+$","minLength":1,"maxLength":253}},"allowPrivateAddresses":{"type":"boolean","default":false,"description":"Let the callbacks reach loopback, link-local, private and other non-public addresses\n(checked on the resolved address at subscription and at every delivery). Off by default,\nso that a partner cannot make the gateway call into the provider's own network.\n"}}},"tls":{"$ref":"#/components/schemas/PartnerTlsConfig"}}};
const schema17 = {"type":"object","additionalProperties":false,"description":"TLS toward and from this partner's gateway (docs/deploy.md, \"TLS and mutual TLS\").","properties":{"clientCertSha256":{"type":"array","minItems":1,"uniqueItems":true,"description":"Inbound, with `listen.tls.ca`: the client certificates the partner's signed messages and read\ntokens must come over, each the SHA-256 fingerprint of the certificate (hex, colons allowed) or\nthe base64 SHA-256 of its SubjectPublicKeyInfo (an SPKI pin, which survives a renewal with the\nsame key). Another certificate, or none, is refused with USM_ERR_CLIENT_CERTIFICATE before the body is read.\n","items":{"type":"string","pattern":"^([0-9A-Fa-f]{2}(:?[0-9A-Fa-f]{2}){31}|[A-Za-z0-9+/]{43}=)$"}},"clientCertSubject":{"type":"string","minLength":1,"description":"Inbound, with `listen.tls.ca`, instead of or besides `clientCertSha256`; the subject common name (CN) the partner's client certificate must have."},"clientCert":{"type":"string","minLength":1,"description":"Outbound: PEM file with our client certificate toward this partner's gateway (and its intermediates)."},"clientKey":{"type":"string","minLength":1,"description":"Outbound","PEM file with that certificate's private key.":null},"clientKeyEnv":{"type":"string","minLength":1,"description":"Outbound","environment variable holding that private key as PEM (instead of `clientKey`).":null},"ca":{"type":"string","minLength":1,"description":"Outbound: PEM file with the CAs the partner's server certificate must chain to (instead of the system's)."},"pinSha256":{"type":"array","minItems":1,"uniqueItems":true,"description":"Outbound: the base64 SHA-256 of the SubjectPublicKeyInfo of the partner gateway's server\ncertificate (one or more, for a rollover). A server whose certificate has none of them is\nrefused: messages to it stay in the outbox and are retried, with the reason in the log.\n","items":{"type":"string","pattern":"^[A-Za-z0-9+/]{43}=$"}}}};
const pattern8 = new RegExp("^(\\*\\.)?[A-Za-z0-9.:-]+$", "u");
const pattern9 = new RegExp("^([0-9A-Fa-f]{2}(:?[0-9A-Fa-f]{2}){31}|[A-Za-z0-9+/]{43}=)$", "u");
const pattern10 = new RegExp("^[A-Za-z0-9+/]{43}=$", "u");

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.jwksRefreshSeconds === undefined){
data.jwksRefreshSeconds = 300;
}
let missing0;
if((((data.id === undefined) && (missing0 = "id")) || ((data.name === undefined) && (missing0 = "name"))) || ((data.roles === undefined) && (missing0 = "roles"))){
validate13.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema16.properties, key0))){
validate13.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate13.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,62}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,62}$"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
let data1 = data.name;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func3(data1) < 1){
validate13.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.roles !== undefined){
let data2 = data.roles;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
if(data2.length < 1){
validate13.errors = [{instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs8 = errors;
if(typeof data3 !== "string"){
validate13.errors = [{instancePath:instancePath+"/roles/" + i0,schemaPath:"#/properties/roles/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data3 === "customer") || (data3 === "supplier"))){
validate13.errors = [{instancePath:instancePath+"/roles/" + i0,schemaPath:"#/properties/roles/items/enum",keyword:"enum",params:{allowedValues: schema16.properties.roles.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs8 === errors;
if(!valid1){
break;
}
}
if(valid1){
let i1 = data2.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data2[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
validate13.errors = [{instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)"}];
return false;
break;
}
indices0[item0] = i1;
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/roles",schemaPath:"#/properties/roles/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.jwks !== undefined){
let data4 = data.jwks;
const _errs10 = errors;
if(errors === _errs10){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((data4.keys === undefined) && (missing1 = "keys")){
validate13.errors = [{instancePath:instancePath+"/jwks",schemaPath:"#/properties/jwks/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data4.keys !== undefined){
let data5 = data4.keys;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data5)){
var valid4 = true;
const len1 = data5.length;
for(let i2=0; i2<len1; i2++){
let data6 = data5[i2];
const _errs14 = errors;
if(errors === _errs14){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
}
else {
validate13.errors = [{instancePath:instancePath+"/jwks/keys/" + i2,schemaPath:"#/properties/jwks/properties/keys/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs14 === errors;
if(!valid4){
break;
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/jwks/keys",schemaPath:"#/properties/jwks/properties/keys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/jwks",schemaPath:"#/properties/jwks/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.jwksFile !== undefined){
const _errs17 = errors;
if(typeof data.jwksFile !== "string"){
validate13.errors = [{instancePath:instancePath+"/jwksFile",schemaPath:"#/properties/jwksFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.jwksUrl !== undefined){
let data8 = data.jwksUrl;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data8 === "string"){
if(!pattern1.test(data8)){
validate13.errors = [{instancePath:instancePath+"/jwksUrl",schemaPath:"#/properties/jwksUrl/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/jwksUrl",schemaPath:"#/properties/jwksUrl/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
let data9 = data.jwksRefreshSeconds;
const _errs21 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate13.errors = [{instancePath:instancePath+"/jwksRefreshSeconds",schemaPath:"#/properties/jwksRefreshSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if(typeof data9 == "number"){
if(data9 < 1 || isNaN(data9)){
validate13.errors = [{instancePath:instancePath+"/jwksRefreshSeconds",schemaPath:"#/properties/jwksRefreshSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs21 === errors;
if(valid0){
if(data.kids !== undefined){
let data10 = data.kids;
const _errs23 = errors;
if(errors === _errs23){
if(Array.isArray(data10)){
if(data10.length < 1){
validate13.errors = [{instancePath:instancePath+"/kids",schemaPath:"#/properties/kids/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid5 = true;
const len2 = data10.length;
for(let i3=0; i3<len2; i3++){
let data11 = data10[i3];
const _errs25 = errors;
if(errors === _errs25){
if(typeof data11 === "string"){
if(func3(data11) < 1){
validate13.errors = [{instancePath:instancePath+"/kids/" + i3,schemaPath:"#/properties/kids/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/kids/" + i3,schemaPath:"#/properties/kids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs25 === errors;
if(!valid5){
break;
}
}
if(valid5){
let i4 = data10.length;
let j1;
if(i4 > 1){
const indices1 = {};
for(;i4--;){
let item1 = data10[i4];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
validate13.errors = [{instancePath:instancePath+"/kids",schemaPath:"#/properties/kids/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)"}];
return false;
break;
}
indices1[item1] = i4;
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/kids",schemaPath:"#/properties/kids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.devKeyFile !== undefined){
const _errs27 = errors;
if(typeof data.devKeyFile !== "string"){
validate13.errors = [{instancePath:instancePath+"/devKeyFile",schemaPath:"#/properties/devKeyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.url !== undefined){
let data13 = data.url;
const _errs29 = errors;
if(errors === _errs29){
if(typeof data13 === "string"){
if(!pattern1.test(data13)){
validate13.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.services !== undefined){
let data14 = data.services;
const _errs31 = errors;
if(errors === _errs31){
if(Array.isArray(data14)){
var valid7 = true;
const len3 = data14.length;
for(let i5=0; i5<len3; i5++){
let data15 = data14[i5];
const _errs33 = errors;
if(errors === _errs33){
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
let missing2;
if(((data15.id === undefined) && (missing2 = "id")) || ((data15.name === undefined) && (missing2 = "name"))){
validate13.errors = [{instancePath:instancePath+"/services/" + i5,schemaPath:"#/properties/services/items/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs35 = errors;
for(const key1 in data15){
if(!((key1 === "id") || (key1 === "name"))){
validate13.errors = [{instancePath:instancePath+"/services/" + i5,schemaPath:"#/properties/services/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs35 === errors){
if(data15.id !== undefined){
let data16 = data15.id;
const _errs36 = errors;
if(errors === _errs36){
if(typeof data16 === "string"){
if(!pattern3.test(data16)){
validate13.errors = [{instancePath:instancePath+"/services/" + i5+"/id",schemaPath:"#/properties/services/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/services/" + i5+"/id",schemaPath:"#/properties/services/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid8 = _errs36 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data15.name !== undefined){
let data17 = data15.name;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data17 === "string"){
if(func3(data17) < 1){
validate13.errors = [{instancePath:instancePath+"/services/" + i5+"/name",schemaPath:"#/properties/services/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/services/" + i5+"/name",schemaPath:"#/properties/services/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid8 = _errs38 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/services/" + i5,schemaPath:"#/properties/services/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid7 = _errs33 === errors;
if(!valid7){
break;
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tmf !== undefined){
let data18 = data.tmf;
const _errs40 = errors;
if(errors === _errs40){
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.allowPrivateAddresses === undefined){
data18.allowPrivateAddresses = false;
}
const _errs42 = errors;
for(const key2 in data18){
if(!((key2 === "callbackHosts") || (key2 === "allowPrivateAddresses"))){
validate13.errors = [{instancePath:instancePath+"/tmf",schemaPath:"#/properties/tmf/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs42 === errors){
if(data18.callbackHosts !== undefined){
let data19 = data18.callbackHosts;
const _errs43 = errors;
if(errors === _errs43){
if(Array.isArray(data19)){
var valid10 = true;
const len4 = data19.length;
for(let i6=0; i6<len4; i6++){
let data20 = data19[i6];
const _errs45 = errors;
if(errors === _errs45){
if(typeof data20 === "string"){
if(func3(data20) > 253){
validate13.errors = [{instancePath:instancePath+"/tmf/callbackHosts/" + i6,schemaPath:"#/properties/tmf/properties/callbackHosts/items/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"}];
return false;
}
else {
if(func3(data20) < 1){
validate13.errors = [{instancePath:instancePath+"/tmf/callbackHosts/" + i6,schemaPath:"#/properties/tmf/properties/callbackHosts/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern8.test(data20)){
validate13.errors = [{instancePath:instancePath+"/tmf/callbackHosts/" + i6,schemaPath:"#/properties/tmf/properties/callbackHosts/items/pattern",keyword:"pattern",params:{pattern: "^(\\*\\.)?[A-Za-z0-9.:-]+$"},message:"must match pattern \""+"^(\\*\\.)?[A-Za-z0-9.:-]+$"+"\""}];
return false;
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tmf/callbackHosts/" + i6,schemaPath:"#/properties/tmf/properties/callbackHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid10 = _errs45 === errors;
if(!valid10){
break;
}
}
if(valid10){
let i7 = data19.length;
let j2;
if(i7 > 1){
const indices2 = {};
for(;i7--;){
let item2 = data19[i7];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
validate13.errors = [{instancePath:instancePath+"/tmf/callbackHosts",schemaPath:"#/properties/tmf/properties/callbackHosts/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i7+" are identical)"}];
return false;
break;
}
indices2[item2] = i7;
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tmf/callbackHosts",schemaPath:"#/properties/tmf/properties/callbackHosts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid9 = _errs43 === errors;
}
else {
var valid9 = true;
}
if(valid9){
const _errs47 = errors;
if(typeof data18.allowPrivateAddresses !== "boolean"){
validate13.errors = [{instancePath:instancePath+"/tmf/allowPrivateAddresses",schemaPath:"#/properties/tmf/properties/allowPrivateAddresses/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid9 = _errs47 === errors;
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tmf",schemaPath:"#/properties/tmf/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs40 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tls !== undefined){
let data22 = data.tls;
const _errs49 = errors;
const _errs50 = errors;
if(errors === _errs50){
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
const _errs52 = errors;
for(const key3 in data22){
if(!(((((((key3 === "clientCertSha256") || (key3 === "clientCertSubject")) || (key3 === "clientCert")) || (key3 === "clientKey")) || (key3 === "clientKeyEnv")) || (key3 === "ca")) || (key3 === "pinSha256"))){
validate13.errors = [{instancePath:instancePath+"/tls",schemaPath:"#/components/schemas/PartnerTlsConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs52 === errors){
if(data22.clientCertSha256 !== undefined){
let data23 = data22.clientCertSha256;
const _errs53 = errors;
if(errors === _errs53){
if(Array.isArray(data23)){
if(data23.length < 1){
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSha256",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSha256/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid14 = true;
const len5 = data23.length;
for(let i8=0; i8<len5; i8++){
let data24 = data23[i8];
const _errs55 = errors;
if(errors === _errs55){
if(typeof data24 === "string"){
if(!pattern9.test(data24)){
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSha256/" + i8,schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSha256/items/pattern",keyword:"pattern",params:{pattern: "^([0-9A-Fa-f]{2}(:?[0-9A-Fa-f]{2}){31}|[A-Za-z0-9+/]{43}=)$"},message:"must match pattern \""+"^([0-9A-Fa-f]{2}(:?[0-9A-Fa-f]{2}){31}|[A-Za-z0-9+/]{43}=)$"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSha256/" + i8,schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSha256/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid14 = _errs55 === errors;
if(!valid14){
break;
}
}
if(valid14){
let i9 = data23.length;
let j3;
if(i9 > 1){
const indices3 = {};
for(;i9--;){
let item3 = data23[i9];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSha256",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSha256/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i9+" are identical)"}];
return false;
break;
}
indices3[item3] = i9;
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSha256",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSha256/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid13 = _errs53 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data22.clientCertSubject !== undefined){
let data25 = data22.clientCertSubject;
const _errs57 = errors;
if(errors === _errs57){
if(typeof data25 === "string"){
if(func3(data25) < 1){
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSubject",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSubject/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/clientCertSubject",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCertSubject/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid13 = _errs57 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data22.clientCert !== undefined){
let data26 = data22.clientCert;
const _errs59 = errors;
if(errors === _errs59){
if(typeof data26 === "string"){
if(func3(data26) < 1){
validate13.errors = [{instancePath:instancePath+"/tls/clientCert",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCert/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/clientCert",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientCert/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid13 = _errs59 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data22.clientKey !== undefined){
let data27 = data22.clientKey;
const _errs61 = errors;
if(errors === _errs61){
if(typeof data27 === "string"){
if(func3(data27) < 1){
validate13.errors = [{instancePath:instancePath+"/tls/clientKey",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/clientKey",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientKey/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid13 = _errs61 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data22.clientKeyEnv !== undefined){
let data28 = data22.clientKeyEnv;
const _errs63 = errors;
if(errors === _errs63){
if(typeof data28 === "string"){
if(func3(data28) < 1){
validate13.errors = [{instancePath:instancePath+"/tls/clientKeyEnv",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientKeyEnv/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/clientKeyEnv",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/clientKeyEnv/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid13 = _errs63 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data22.ca !== undefined){
let data29 = data22.ca;
const _errs65 = errors;
if(errors === _errs65){
if(typeof data29 === "string"){
if(func3(data29) < 1){
validate13.errors = [{instancePath:instancePath+"/tls/ca",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/ca/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/ca",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/ca/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid13 = _errs65 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data22.pinSha256 !== undefined){
let data30 = data22.pinSha256;
const _errs67 = errors;
if(errors === _errs67){
if(Array.isArray(data30)){
if(data30.length < 1){
validate13.errors = [{instancePath:instancePath+"/tls/pinSha256",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/pinSha256/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid16 = true;
const len6 = data30.length;
for(let i10=0; i10<len6; i10++){
let data31 = data30[i10];
const _errs69 = errors;
if(errors === _errs69){
if(typeof data31 === "string"){
if(!pattern10.test(data31)){
validate13.errors = [{instancePath:instancePath+"/tls/pinSha256/" + i10,schemaPath:"#/components/schemas/PartnerTlsConfig/properties/pinSha256/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9+/]{43}=$"},message:"must match pattern \""+"^[A-Za-z0-9+/]{43}=$"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/pinSha256/" + i10,schemaPath:"#/components/schemas/PartnerTlsConfig/properties/pinSha256/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid16 = _errs69 === errors;
if(!valid16){
break;
}
}
if(valid16){
let i11 = data30.length;
let j4;
if(i11 > 1){
const indices4 = {};
for(;i11--;){
let item4 = data30[i11];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
validate13.errors = [{instancePath:instancePath+"/tls/pinSha256",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/pinSha256/uniqueItems",keyword:"uniqueItems",params:{i: i11, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i11+" are identical)"}];
return false;
break;
}
indices4[item4] = i11;
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls/pinSha256",schemaPath:"#/components/schemas/PartnerTlsConfig/properties/pinSha256/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid13 = _errs67 === errors;
}
else {
var valid13 = true;
}
}
}
}
}
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/tls",schemaPath:"#/components/schemas/PartnerTlsConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate13.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate13.errors = vErrors;
return errors === 0;
}

const schema18 = {"type":"object","required":["id","customer","services","serviceLevels"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"customer":{"type":"string","description":"A partner with the customer role, or this gateway's own `party.id`: an operational agreement for the provider's internal calls (raised at the desk)."},"services":{"type":"array","minItems":1,"items":{"type":"string"}},"status":{"type":"string","enum":["active","terminated"],"default":"active"},"serviceLevels":{"$ref":"#/components/schemas/ServiceLevels"},"validFrom":{"type":"string","description":"An RFC 3339 date-time: from when calls are taken under the agreement (inclusive); open when absent."},"validUntil":{"type":"string","description":"An RFC 3339 date-time: until when calls are taken under the agreement (exclusive); open when absent."},"serviceLevelsByService":{"type":"object","description":"Service levels per service id of this agreement, each overriding `serviceLevels` member by member (`targets` as a whole).","additionalProperties":{"type":"object","additionalProperties":false,"properties":{"supportHours":{"type":"string","maxLength":200},"availability":{"type":"number","minimum":0,"maximum":100},"confirmationHours":{"type":"integer","minimum":1,"maximum":8760},"onRejection":{"$ref":"#/components/schemas/RejectionReturn"},"targets":{"type":"array","maxItems":5,"items":{"$ref":"#/components/schemas/ServiceLevelTarget"}}}}},"requesters":{"type":"object","additionalProperties":false,"description":"The users the customer authorises under this agreement: a requester is known when its\n`id` is in `ids` or its e-mail address is at one of `emailDomains` (the domain exactly,\nany case). A wish (a change to the agreement) is taken only from a contract holder, a\nrequester whose `id` or e-mail address is in `contractHolders`, when that list is given.\nWhat happens to others is `onUnknownRequester`.\n","properties":{"ids":{"type":"array","items":{"type":"string","minLength":1,"maxLength":128}},"emailDomains":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"}},"contractHolders":{"type":"array","description":"Requester ids or e-mail addresses (any case) of those who may submit a wish.","items":{"type":"string","minLength":1,"maxLength":320}}}},"retention":{"$ref":"#/components/schemas/RetentionPolicy"},"onUnknownRequester":{"type":"string","enum":["accept","refuse","flag"],"default":"accept","description":"A call from a requester `requesters` does not know (or a wish from one who is not a contract\nholder): `accept` it as any other (the default), `refuse` it (422\n`USM_ERR_REQUESTER_UNKNOWN`), or accept and `flag` it (`requesterUnknown` on the desk's view\nof the call and an internal note).\n"}}};
const schema20 = {"type":"object","required":["process","step"],"additionalProperties":false,"description":"The step a rejected resolution goes back to, for the calls whose workflow has it among its\nfulfilment steps (e.g. `{process: recover, step: 3}`); the last fulfilment step otherwise.\n","properties":{"process":{"type":"string","enum":["agree","change","recover","operate","improve"]},"step":{"type":"integer","minimum":1,"maximum":9}}};
const schema21 = {"type":"object","description":"The targets for calls of one priority, in minutes of support time, from 1 to 525600 (one year).","required":["priority","responseMinutes","resolutionMinutes"],"additionalProperties":false,"properties":{"priority":{"type":"integer","minimum":1,"maximum":5},"responseMinutes":{"type":"integer","minimum":1,"maximum":525600},"resolutionMinutes":{"type":"integer","minimum":1,"maximum":525600}}};
const pattern12 = new RegExp("^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", "u");
const schema19 = {"type":"object","required":["supportHours","targets"],"additionalProperties":false,"properties":{"supportHours":{"type":"string","maxLength":200,"description":"`24x7`, or days, hours and a time zone: `Mo-Fr 08:00-18:00 Europe/Amsterdam`,\n`Mo,We,Fr 07:30-16:00 UTC` (the grammar is in the contract, `ServiceLevels.supportHours`).\n"},"availability":{"type":"number","minimum":0,"maximum":100},"confirmationHours":{"type":"integer","minimum":1,"maximum":8760,"description":"How long a resolved call waits for the customer's answer; then the provider closes it. Never, when absent."},"onRejection":{"$ref":"#/components/schemas/RejectionReturn"},"targets":{"type":"array","maxItems":5,"items":{"$ref":"#/components/schemas/ServiceLevelTarget"}}}};

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.supportHours === undefined) && (missing0 = "supportHours")) || ((data.targets === undefined) && (missing0 = "targets"))){
validate16.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "supportHours") || (key0 === "availability")) || (key0 === "confirmationHours")) || (key0 === "onRejection")) || (key0 === "targets"))){
validate16.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.supportHours !== undefined){
let data0 = data.supportHours;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func3(data0) > 200){
validate16.errors = [{instancePath:instancePath+"/supportHours",schemaPath:"#/properties/supportHours/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
}
else {
validate16.errors = [{instancePath:instancePath+"/supportHours",schemaPath:"#/properties/supportHours/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.availability !== undefined){
let data1 = data.availability;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 > 100 || isNaN(data1)){
validate16.errors = [{instancePath:instancePath+"/availability",schemaPath:"#/properties/availability/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate16.errors = [{instancePath:instancePath+"/availability",schemaPath:"#/properties/availability/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate16.errors = [{instancePath:instancePath+"/availability",schemaPath:"#/properties/availability/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.confirmationHours !== undefined){
let data2 = data.confirmationHours;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate16.errors = [{instancePath:instancePath+"/confirmationHours",schemaPath:"#/properties/confirmationHours/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 > 8760 || isNaN(data2)){
validate16.errors = [{instancePath:instancePath+"/confirmationHours",schemaPath:"#/properties/confirmationHours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8760},message:"must be <= 8760"}];
return false;
}
else {
if(data2 < 1 || isNaN(data2)){
validate16.errors = [{instancePath:instancePath+"/confirmationHours",schemaPath:"#/properties/confirmationHours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.onRejection !== undefined){
let data3 = data.onRejection;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((data3.process === undefined) && (missing1 = "process")) || ((data3.step === undefined) && (missing1 = "step"))){
validate16.errors = [{instancePath:instancePath+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs11 = errors;
for(const key1 in data3){
if(!((key1 === "process") || (key1 === "step"))){
validate16.errors = [{instancePath:instancePath+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs11 === errors){
if(data3.process !== undefined){
let data4 = data3.process;
const _errs12 = errors;
if(typeof data4 !== "string"){
validate16.errors = [{instancePath:instancePath+"/onRejection/process",schemaPath:"#/components/schemas/RejectionReturn/properties/process/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data4 === "agree") || (data4 === "change")) || (data4 === "recover")) || (data4 === "operate")) || (data4 === "improve"))){
validate16.errors = [{instancePath:instancePath+"/onRejection/process",schemaPath:"#/components/schemas/RejectionReturn/properties/process/enum",keyword:"enum",params:{allowedValues: schema20.properties.process.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data3.step !== undefined){
let data5 = data3.step;
const _errs14 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate16.errors = [{instancePath:instancePath+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data5 == "number"){
if(data5 > 9 || isNaN(data5)){
validate16.errors = [{instancePath:instancePath+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9},message:"must be <= 9"}];
return false;
}
else {
if(data5 < 1 || isNaN(data5)){
validate16.errors = [{instancePath:instancePath+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate16.errors = [{instancePath:instancePath+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.targets !== undefined){
let data6 = data.targets;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data6)){
if(data6.length > 5){
validate16.errors = [{instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/maxItems",keyword:"maxItems",params:{limit: 5},message:"must NOT have more than 5 items"}];
return false;
}
else {
var valid3 = true;
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
const _errs18 = errors;
const _errs19 = errors;
if(errors === _errs19){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing2;
if((((data7.priority === undefined) && (missing2 = "priority")) || ((data7.responseMinutes === undefined) && (missing2 = "responseMinutes"))) || ((data7.resolutionMinutes === undefined) && (missing2 = "resolutionMinutes"))){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0,schemaPath:"#/components/schemas/ServiceLevelTarget/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs21 = errors;
for(const key2 in data7){
if(!(((key2 === "priority") || (key2 === "responseMinutes")) || (key2 === "resolutionMinutes"))){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0,schemaPath:"#/components/schemas/ServiceLevelTarget/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs21 === errors){
if(data7.priority !== undefined){
let data8 = data7.priority;
const _errs22 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs22){
if(typeof data8 == "number"){
if(data8 > 5 || isNaN(data8)){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/maximum",keyword:"maximum",params:{comparison: "<=", limit: 5},message:"must be <= 5"}];
return false;
}
else {
if(data8 < 1 || isNaN(data8)){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid5 = _errs22 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.responseMinutes !== undefined){
let data9 = data7.responseMinutes;
const _errs24 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data9 == "number"){
if(data9 > 525600 || isNaN(data9)){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data9 < 1 || isNaN(data9)){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid5 = _errs24 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.resolutionMinutes !== undefined){
let data10 = data7.resolutionMinutes;
const _errs26 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs26){
if(typeof data10 == "number"){
if(data10 > 525600 || isNaN(data10)){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data10 < 1 || isNaN(data10)){
validate16.errors = [{instancePath:instancePath+"/targets/" + i0+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid5 = _errs26 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
else {
validate16.errors = [{instancePath:instancePath+"/targets/" + i0,schemaPath:"#/components/schemas/ServiceLevelTarget/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs18 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate16.errors = [{instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate16.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate16.errors = vErrors;
return errors === 0;
}


function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
data.status = "active";
}
if(data.onUnknownRequester === undefined){
data.onUnknownRequester = "accept";
}
let missing0;
if(((((data.id === undefined) && (missing0 = "id")) || ((data.customer === undefined) && (missing0 = "customer"))) || ((data.services === undefined) && (missing0 = "services"))) || ((data.serviceLevels === undefined) && (missing0 = "serviceLevels"))){
validate15.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema18.properties, key0))){
validate15.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern3.test(data0)){
validate15.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.customer !== undefined){
const _errs4 = errors;
if(typeof data.customer !== "string"){
validate15.errors = [{instancePath:instancePath+"/customer",schemaPath:"#/properties/customer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.services !== undefined){
let data2 = data.services;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
if(data2.length < 1){
validate15.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs8 = errors;
if(typeof data2[i0] !== "string"){
validate15.errors = [{instancePath:instancePath+"/services/" + i0,schemaPath:"#/properties/services/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs8 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
let data4 = data.status;
const _errs10 = errors;
if(typeof data4 !== "string"){
validate15.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data4 === "active") || (data4 === "terminated"))){
validate15.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema18.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs10 === errors;
if(valid0){
if(data.serviceLevels !== undefined){
const _errs12 = errors;
if(!(validate16(data.serviceLevels, {instancePath:instancePath+"/serviceLevels",parentData:data,parentDataProperty:"serviceLevels",rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.validFrom !== undefined){
const _errs13 = errors;
if(typeof data.validFrom !== "string"){
validate15.errors = [{instancePath:instancePath+"/validFrom",schemaPath:"#/properties/validFrom/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.validUntil !== undefined){
const _errs15 = errors;
if(typeof data.validUntil !== "string"){
validate15.errors = [{instancePath:instancePath+"/validUntil",schemaPath:"#/properties/validUntil/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.serviceLevelsByService !== undefined){
let data8 = data.serviceLevelsByService;
const _errs17 = errors;
if(errors === _errs17){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key1 in data8){
let data9 = data8[key1];
const _errs20 = errors;
if(errors === _errs20){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
const _errs22 = errors;
for(const key2 in data9){
if(!(((((key2 === "supportHours") || (key2 === "availability")) || (key2 === "confirmationHours")) || (key2 === "onRejection")) || (key2 === "targets"))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/serviceLevelsByService/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs22 === errors){
if(data9.supportHours !== undefined){
let data10 = data9.supportHours;
const _errs23 = errors;
if(errors === _errs23){
if(typeof data10 === "string"){
if(func3(data10) > 200){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/supportHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/supportHours/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/supportHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/supportHours/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs23 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.availability !== undefined){
let data11 = data9.availability;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data11 == "number"){
if(data11 > 100 || isNaN(data11)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/availability",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/availability/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"}];
return false;
}
else {
if(data11 < 0 || isNaN(data11)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/availability",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/availability/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/availability",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/availability/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs25 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.confirmationHours !== undefined){
let data12 = data9.confirmationHours;
const _errs27 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/confirmationHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/confirmationHours/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs27){
if(typeof data12 == "number"){
if(data12 > 8760 || isNaN(data12)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/confirmationHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/confirmationHours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8760},message:"must be <= 8760"}];
return false;
}
else {
if(data12 < 1 || isNaN(data12)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/confirmationHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/confirmationHours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.onRejection !== undefined){
let data13 = data9.onRejection;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing1;
if(((data13.process === undefined) && (missing1 = "process")) || ((data13.step === undefined) && (missing1 = "step"))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs32 = errors;
for(const key3 in data13){
if(!((key3 === "process") || (key3 === "step"))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs32 === errors){
if(data13.process !== undefined){
let data14 = data13.process;
const _errs33 = errors;
if(typeof data14 !== "string"){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/process",schemaPath:"#/components/schemas/RejectionReturn/properties/process/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data14 === "agree") || (data14 === "change")) || (data14 === "recover")) || (data14 === "operate")) || (data14 === "improve"))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/process",schemaPath:"#/components/schemas/RejectionReturn/properties/process/enum",keyword:"enum",params:{allowedValues: schema20.properties.process.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs33 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data13.step !== undefined){
let data15 = data13.step;
const _errs35 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if(typeof data15 == "number"){
if(data15 > 9 || isNaN(data15)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9},message:"must be <= 9"}];
return false;
}
else {
if(data15 < 1 || isNaN(data15)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid5 = _errs35 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs29 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.targets !== undefined){
let data16 = data9.targets;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data16)){
if(data16.length > 5){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/targets/maxItems",keyword:"maxItems",params:{limit: 5},message:"must NOT have more than 5 items"}];
return false;
}
else {
var valid6 = true;
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
let data17 = data16[i1];
const _errs39 = errors;
const _errs40 = errors;
if(errors === _errs40){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing2;
if((((data17.priority === undefined) && (missing2 = "priority")) || ((data17.responseMinutes === undefined) && (missing2 = "responseMinutes"))) || ((data17.resolutionMinutes === undefined) && (missing2 = "resolutionMinutes"))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1,schemaPath:"#/components/schemas/ServiceLevelTarget/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs42 = errors;
for(const key4 in data17){
if(!(((key4 === "priority") || (key4 === "responseMinutes")) || (key4 === "resolutionMinutes"))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1,schemaPath:"#/components/schemas/ServiceLevelTarget/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs42 === errors){
if(data17.priority !== undefined){
let data18 = data17.priority;
const _errs43 = errors;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs43){
if(typeof data18 == "number"){
if(data18 > 5 || isNaN(data18)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/maximum",keyword:"maximum",params:{comparison: "<=", limit: 5},message:"must be <= 5"}];
return false;
}
else {
if(data18 < 1 || isNaN(data18)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid8 = _errs43 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data17.responseMinutes !== undefined){
let data19 = data17.responseMinutes;
const _errs45 = errors;
if(!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs45){
if(typeof data19 == "number"){
if(data19 > 525600 || isNaN(data19)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data19 < 1 || isNaN(data19)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid8 = _errs45 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data17.resolutionMinutes !== undefined){
let data20 = data17.resolutionMinutes;
const _errs47 = errors;
if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs47){
if(typeof data20 == "number"){
if(data20 > 525600 || isNaN(data20)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data20 < 1 || isNaN(data20)){
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid8 = _errs47 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1,schemaPath:"#/components/schemas/ServiceLevelTarget/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs39 === errors;
if(!valid6){
break;
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs37 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/serviceLevelsByService/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs20 === errors;
if(!valid2){
break;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/serviceLevelsByService",schemaPath:"#/properties/serviceLevelsByService/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requesters !== undefined){
let data21 = data.requesters;
const _errs49 = errors;
if(errors === _errs49){
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
const _errs51 = errors;
for(const key5 in data21){
if(!(((key5 === "ids") || (key5 === "emailDomains")) || (key5 === "contractHolders"))){
validate15.errors = [{instancePath:instancePath+"/requesters",schemaPath:"#/properties/requesters/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs51 === errors){
if(data21.ids !== undefined){
let data22 = data21.ids;
const _errs52 = errors;
if(errors === _errs52){
if(Array.isArray(data22)){
var valid10 = true;
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
const _errs54 = errors;
if(errors === _errs54){
if(typeof data23 === "string"){
if(func3(data23) > 128){
validate15.errors = [{instancePath:instancePath+"/requesters/ids/" + i2,schemaPath:"#/properties/requesters/properties/ids/items/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
else {
if(func3(data23) < 1){
validate15.errors = [{instancePath:instancePath+"/requesters/ids/" + i2,schemaPath:"#/properties/requesters/properties/ids/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters/ids/" + i2,schemaPath:"#/properties/requesters/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid10 = _errs54 === errors;
if(!valid10){
break;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters/ids",schemaPath:"#/properties/requesters/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid9 = _errs52 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data21.emailDomains !== undefined){
let data24 = data21.emailDomains;
const _errs56 = errors;
if(errors === _errs56){
if(Array.isArray(data24)){
var valid11 = true;
const len3 = data24.length;
for(let i3=0; i3<len3; i3++){
let data25 = data24[i3];
const _errs58 = errors;
if(errors === _errs58){
if(typeof data25 === "string"){
if(!pattern12.test(data25)){
validate15.errors = [{instancePath:instancePath+"/requesters/emailDomains/" + i3,schemaPath:"#/properties/requesters/properties/emailDomains/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"},message:"must match pattern \""+"^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"+"\""}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters/emailDomains/" + i3,schemaPath:"#/properties/requesters/properties/emailDomains/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid11 = _errs58 === errors;
if(!valid11){
break;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters/emailDomains",schemaPath:"#/properties/requesters/properties/emailDomains/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid9 = _errs56 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data21.contractHolders !== undefined){
let data26 = data21.contractHolders;
const _errs60 = errors;
if(errors === _errs60){
if(Array.isArray(data26)){
var valid12 = true;
const len4 = data26.length;
for(let i4=0; i4<len4; i4++){
let data27 = data26[i4];
const _errs62 = errors;
if(errors === _errs62){
if(typeof data27 === "string"){
if(func3(data27) > 320){
validate15.errors = [{instancePath:instancePath+"/requesters/contractHolders/" + i4,schemaPath:"#/properties/requesters/properties/contractHolders/items/maxLength",keyword:"maxLength",params:{limit: 320},message:"must NOT have more than 320 characters"}];
return false;
}
else {
if(func3(data27) < 1){
validate15.errors = [{instancePath:instancePath+"/requesters/contractHolders/" + i4,schemaPath:"#/properties/requesters/properties/contractHolders/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters/contractHolders/" + i4,schemaPath:"#/properties/requesters/properties/contractHolders/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid12 = _errs62 === errors;
if(!valid12){
break;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters/contractHolders",schemaPath:"#/properties/requesters/properties/contractHolders/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid9 = _errs60 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/requesters",schemaPath:"#/properties/requesters/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retention !== undefined){
let data28 = data.retention;
const _errs64 = errors;
const _errs65 = errors;
if(errors === _errs65){
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
const _errs67 = errors;
for(const key6 in data28){
if(!(((key6 === "bodiesDays") || (key6 === "notesDays")) || (key6 === "requesterDays"))){
validate15.errors = [{instancePath:instancePath+"/retention",schemaPath:"#/components/schemas/RetentionPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs67 === errors){
if(data28.bodiesDays !== undefined){
let data29 = data28.bodiesDays;
const _errs68 = errors;
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
validate15.errors = [{instancePath:instancePath+"/retention/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs68){
if(typeof data29 == "number"){
if(data29 > 36500 || isNaN(data29)){
validate15.errors = [{instancePath:instancePath+"/retention/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data29 < 0 || isNaN(data29)){
validate15.errors = [{instancePath:instancePath+"/retention/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid14 = _errs68 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data28.notesDays !== undefined){
let data30 = data28.notesDays;
const _errs70 = errors;
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
validate15.errors = [{instancePath:instancePath+"/retention/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs70){
if(typeof data30 == "number"){
if(data30 > 36500 || isNaN(data30)){
validate15.errors = [{instancePath:instancePath+"/retention/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data30 < 0 || isNaN(data30)){
validate15.errors = [{instancePath:instancePath+"/retention/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid14 = _errs70 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data28.requesterDays !== undefined){
let data31 = data28.requesterDays;
const _errs72 = errors;
if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){
validate15.errors = [{instancePath:instancePath+"/retention/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs72){
if(typeof data31 == "number"){
if(data31 > 36500 || isNaN(data31)){
validate15.errors = [{instancePath:instancePath+"/retention/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data31 < 0 || isNaN(data31)){
validate15.errors = [{instancePath:instancePath+"/retention/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid14 = _errs72 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/retention",schemaPath:"#/components/schemas/RetentionPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs64 === errors;
}
else {
var valid0 = true;
}
if(valid0){
let data32 = data.onUnknownRequester;
const _errs74 = errors;
if(typeof data32 !== "string"){
validate15.errors = [{instancePath:instancePath+"/onUnknownRequester",schemaPath:"#/properties/onUnknownRequester/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data32 === "accept") || (data32 === "refuse")) || (data32 === "flag"))){
validate15.errors = [{instancePath:instancePath+"/onUnknownRequester",schemaPath:"#/properties/onUnknownRequester/enum",keyword:"enum",params:{allowedValues: schema18.properties.onUnknownRequester.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs74 === errors;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate15.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate15.errors = vErrors;
return errors === 0;
}

const schema25 = {"type":"object","required":["id","supplier","services","serviceLevels"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"supplier":{"type":"string"},"services":{"type":"array","minItems":1,"items":{"type":"string"}},"status":{"type":"string","enum":["active","terminated"],"default":"active"},"serviceLevels":{"$ref":"#/components/schemas/ServiceLevels"},"validFrom":{"type":"string","description":"An RFC 3339 date-time: from when calls are taken under the agreement (inclusive); open when absent."},"validUntil":{"type":"string","description":"An RFC 3339 date-time: until when calls are taken under the agreement (exclusive); open when absent."},"serviceLevelsByService":{"type":"object","description":"Service levels per service id of this agreement, each overriding `serviceLevels` member by member (`targets` as a whole).","additionalProperties":{"type":"object","additionalProperties":false,"properties":{"supportHours":{"type":"string","maxLength":200},"availability":{"type":"number","minimum":0,"maximum":100},"confirmationHours":{"type":"integer","minimum":1,"maximum":8760},"onRejection":{"$ref":"#/components/schemas/RejectionReturn"},"targets":{"type":"array","maxItems":5,"items":{"$ref":"#/components/schemas/ServiceLevelTarget"}}}}}}};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
data.status = "active";
}
let missing0;
if(((((data.id === undefined) && (missing0 = "id")) || ((data.supplier === undefined) && (missing0 = "supplier"))) || ((data.services === undefined) && (missing0 = "services"))) || ((data.serviceLevels === undefined) && (missing0 = "serviceLevels"))){
validate19.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "supplier")) || (key0 === "services")) || (key0 === "status")) || (key0 === "serviceLevels")) || (key0 === "validFrom")) || (key0 === "validUntil")) || (key0 === "serviceLevelsByService"))){
validate19.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern3.test(data0)){
validate19.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate19.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.supplier !== undefined){
const _errs4 = errors;
if(typeof data.supplier !== "string"){
validate19.errors = [{instancePath:instancePath+"/supplier",schemaPath:"#/properties/supplier/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.services !== undefined){
let data2 = data.services;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
if(data2.length < 1){
validate19.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
const _errs8 = errors;
if(typeof data2[i0] !== "string"){
validate19.errors = [{instancePath:instancePath+"/services/" + i0,schemaPath:"#/properties/services/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs8 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
let data4 = data.status;
const _errs10 = errors;
if(typeof data4 !== "string"){
validate19.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data4 === "active") || (data4 === "terminated"))){
validate19.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema25.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs10 === errors;
if(valid0){
if(data.serviceLevels !== undefined){
const _errs12 = errors;
if(!(validate16(data.serviceLevels, {instancePath:instancePath+"/serviceLevels",parentData:data,parentDataProperty:"serviceLevels",rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.validFrom !== undefined){
const _errs13 = errors;
if(typeof data.validFrom !== "string"){
validate19.errors = [{instancePath:instancePath+"/validFrom",schemaPath:"#/properties/validFrom/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.validUntil !== undefined){
const _errs15 = errors;
if(typeof data.validUntil !== "string"){
validate19.errors = [{instancePath:instancePath+"/validUntil",schemaPath:"#/properties/validUntil/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.serviceLevelsByService !== undefined){
let data8 = data.serviceLevelsByService;
const _errs17 = errors;
if(errors === _errs17){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key1 in data8){
let data9 = data8[key1];
const _errs20 = errors;
if(errors === _errs20){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
const _errs22 = errors;
for(const key2 in data9){
if(!(((((key2 === "supportHours") || (key2 === "availability")) || (key2 === "confirmationHours")) || (key2 === "onRejection")) || (key2 === "targets"))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/serviceLevelsByService/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs22 === errors){
if(data9.supportHours !== undefined){
let data10 = data9.supportHours;
const _errs23 = errors;
if(errors === _errs23){
if(typeof data10 === "string"){
if(func3(data10) > 200){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/supportHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/supportHours/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/supportHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/supportHours/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs23 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.availability !== undefined){
let data11 = data9.availability;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data11 == "number"){
if(data11 > 100 || isNaN(data11)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/availability",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/availability/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"}];
return false;
}
else {
if(data11 < 0 || isNaN(data11)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/availability",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/availability/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/availability",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/availability/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs25 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.confirmationHours !== undefined){
let data12 = data9.confirmationHours;
const _errs27 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/confirmationHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/confirmationHours/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs27){
if(typeof data12 == "number"){
if(data12 > 8760 || isNaN(data12)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/confirmationHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/confirmationHours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8760},message:"must be <= 8760"}];
return false;
}
else {
if(data12 < 1 || isNaN(data12)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/confirmationHours",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/confirmationHours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.onRejection !== undefined){
let data13 = data9.onRejection;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing1;
if(((data13.process === undefined) && (missing1 = "process")) || ((data13.step === undefined) && (missing1 = "step"))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs32 = errors;
for(const key3 in data13){
if(!((key3 === "process") || (key3 === "step"))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs32 === errors){
if(data13.process !== undefined){
let data14 = data13.process;
const _errs33 = errors;
if(typeof data14 !== "string"){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/process",schemaPath:"#/components/schemas/RejectionReturn/properties/process/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data14 === "agree") || (data14 === "change")) || (data14 === "recover")) || (data14 === "operate")) || (data14 === "improve"))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/process",schemaPath:"#/components/schemas/RejectionReturn/properties/process/enum",keyword:"enum",params:{allowedValues: schema20.properties.process.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs33 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data13.step !== undefined){
let data15 = data13.step;
const _errs35 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if(typeof data15 == "number"){
if(data15 > 9 || isNaN(data15)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9},message:"must be <= 9"}];
return false;
}
else {
if(data15 < 1 || isNaN(data15)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection/step",schemaPath:"#/components/schemas/RejectionReturn/properties/step/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid5 = _errs35 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/onRejection",schemaPath:"#/components/schemas/RejectionReturn/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs29 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data9.targets !== undefined){
let data16 = data9.targets;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data16)){
if(data16.length > 5){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/targets/maxItems",keyword:"maxItems",params:{limit: 5},message:"must NOT have more than 5 items"}];
return false;
}
else {
var valid6 = true;
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
let data17 = data16[i1];
const _errs39 = errors;
const _errs40 = errors;
if(errors === _errs40){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing2;
if((((data17.priority === undefined) && (missing2 = "priority")) || ((data17.responseMinutes === undefined) && (missing2 = "responseMinutes"))) || ((data17.resolutionMinutes === undefined) && (missing2 = "resolutionMinutes"))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1,schemaPath:"#/components/schemas/ServiceLevelTarget/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs42 = errors;
for(const key4 in data17){
if(!(((key4 === "priority") || (key4 === "responseMinutes")) || (key4 === "resolutionMinutes"))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1,schemaPath:"#/components/schemas/ServiceLevelTarget/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs42 === errors){
if(data17.priority !== undefined){
let data18 = data17.priority;
const _errs43 = errors;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs43){
if(typeof data18 == "number"){
if(data18 > 5 || isNaN(data18)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/maximum",keyword:"maximum",params:{comparison: "<=", limit: 5},message:"must be <= 5"}];
return false;
}
else {
if(data18 < 1 || isNaN(data18)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/priority",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/priority/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid8 = _errs43 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data17.responseMinutes !== undefined){
let data19 = data17.responseMinutes;
const _errs45 = errors;
if(!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs45){
if(typeof data19 == "number"){
if(data19 > 525600 || isNaN(data19)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data19 < 1 || isNaN(data19)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/responseMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/responseMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid8 = _errs45 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data17.resolutionMinutes !== undefined){
let data20 = data17.resolutionMinutes;
const _errs47 = errors;
if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs47){
if(typeof data20 == "number"){
if(data20 > 525600 || isNaN(data20)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 525600},message:"must be <= 525600"}];
return false;
}
else {
if(data20 < 1 || isNaN(data20)){
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1+"/resolutionMinutes",schemaPath:"#/components/schemas/ServiceLevelTarget/properties/resolutionMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid8 = _errs47 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets/" + i1,schemaPath:"#/components/schemas/ServiceLevelTarget/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs39 === errors;
if(!valid6){
break;
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/targets",schemaPath:"#/properties/serviceLevelsByService/additionalProperties/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs37 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/serviceLevelsByService/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs20 === errors;
if(!valid2){
break;
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/serviceLevelsByService",schemaPath:"#/properties/serviceLevelsByService/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate19.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate19.errors = vErrors;
return errors === 0;
}


function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.party === undefined) && (missing0 = "party")) || ((data.storage === undefined) && (missing0 = "storage"))) || ((data.signing === undefined) && (missing0 = "signing"))) || ((data.services === undefined) && (missing0 = "services"))) || ((data.partners === undefined) && (missing0 = "partners"))){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema13.properties, key0))){
validate12.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.party !== undefined){
let data0 = data.party;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing1;
if(((data0.id === undefined) && (missing1 = "id")) || ((data0.name === undefined) && (missing1 = "name"))){
validate12.errors = [{instancePath:instancePath+"/party",schemaPath:"#/properties/party/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs4 = errors;
for(const key1 in data0){
if(!((key1 === "id") || (key1 === "name"))){
validate12.errors = [{instancePath:instancePath+"/party",schemaPath:"#/properties/party/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs4 === errors){
if(data0.id !== undefined){
let data1 = data0.id;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate12.errors = [{instancePath:instancePath+"/party/id",schemaPath:"#/properties/party/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,62}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,62}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/party/id",schemaPath:"#/properties/party/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs5 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.name !== undefined){
let data2 = data0.name;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func3(data2) < 1){
validate12.errors = [{instancePath:instancePath+"/party/name",schemaPath:"#/properties/party/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/party/name",schemaPath:"#/properties/party/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/party",schemaPath:"#/properties/party/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.listen !== undefined){
let data3 = data.listen;
const _errs9 = errors;
if(errors === _errs9){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.host === undefined){
data3.host = "127.0.0.1";
}
if(data3.port === undefined){
data3.port = 8080;
}
const _errs11 = errors;
for(const key2 in data3){
if(!(((key2 === "host") || (key2 === "port")) || (key2 === "tls"))){
validate12.errors = [{instancePath:instancePath+"/listen",schemaPath:"#/properties/listen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs11 === errors){
const _errs12 = errors;
if(typeof data3.host !== "string"){
validate12.errors = [{instancePath:instancePath+"/listen/host",schemaPath:"#/properties/listen/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs12 === errors;
if(valid2){
let data5 = data3.port;
const _errs14 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate12.errors = [{instancePath:instancePath+"/listen/port",schemaPath:"#/properties/listen/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data5 == "number"){
if(data5 > 65535 || isNaN(data5)){
validate12.errors = [{instancePath:instancePath+"/listen/port",schemaPath:"#/properties/listen/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate12.errors = [{instancePath:instancePath+"/listen/port",schemaPath:"#/properties/listen/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid2 = _errs14 === errors;
if(valid2){
if(data3.tls !== undefined){
let data6 = data3.tls;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.requireClientCert === undefined){
data6.requireClientCert = false;
}
let missing2;
if((data6.cert === undefined) && (missing2 = "cert")){
validate12.errors = [{instancePath:instancePath+"/listen/tls",schemaPath:"#/components/schemas/ListenTlsConfig/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs19 = errors;
for(const key3 in data6){
if(!(((((key3 === "cert") || (key3 === "key")) || (key3 === "keyEnv")) || (key3 === "ca")) || (key3 === "requireClientCert"))){
validate12.errors = [{instancePath:instancePath+"/listen/tls",schemaPath:"#/components/schemas/ListenTlsConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs19 === errors){
if(data6.cert !== undefined){
let data7 = data6.cert;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data7 === "string"){
if(func3(data7) < 1){
validate12.errors = [{instancePath:instancePath+"/listen/tls/cert",schemaPath:"#/components/schemas/ListenTlsConfig/properties/cert/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/listen/tls/cert",schemaPath:"#/components/schemas/ListenTlsConfig/properties/cert/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs20 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.key !== undefined){
let data8 = data6.key;
const _errs22 = errors;
if(errors === _errs22){
if(typeof data8 === "string"){
if(func3(data8) < 1){
validate12.errors = [{instancePath:instancePath+"/listen/tls/key",schemaPath:"#/components/schemas/ListenTlsConfig/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/listen/tls/key",schemaPath:"#/components/schemas/ListenTlsConfig/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs22 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.keyEnv !== undefined){
let data9 = data6.keyEnv;
const _errs24 = errors;
if(errors === _errs24){
if(typeof data9 === "string"){
if(func3(data9) < 1){
validate12.errors = [{instancePath:instancePath+"/listen/tls/keyEnv",schemaPath:"#/components/schemas/ListenTlsConfig/properties/keyEnv/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/listen/tls/keyEnv",schemaPath:"#/components/schemas/ListenTlsConfig/properties/keyEnv/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs24 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.ca !== undefined){
let data10 = data6.ca;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data10 === "string"){
if(func3(data10) < 1){
validate12.errors = [{instancePath:instancePath+"/listen/tls/ca",schemaPath:"#/components/schemas/ListenTlsConfig/properties/ca/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/listen/tls/ca",schemaPath:"#/components/schemas/ListenTlsConfig/properties/ca/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
if(valid4){
const _errs28 = errors;
if(typeof data6.requireClientCert !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/listen/tls/requireClientCert",schemaPath:"#/components/schemas/ListenTlsConfig/properties/requireClientCert/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs28 === errors;
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/listen/tls",schemaPath:"#/components/schemas/ListenTlsConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs16 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/listen",schemaPath:"#/properties/listen/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.publicUrl !== undefined){
let data12 = data.publicUrl;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
validate12.errors = [{instancePath:instancePath+"/publicUrl",schemaPath:"#/properties/publicUrl/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/publicUrl",schemaPath:"#/properties/publicUrl/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.storage !== undefined){
let data13 = data.storage;
const _errs32 = errors;
if(errors === _errs32){
if(typeof data13 === "string"){
if(!pattern2.test(data13)){
validate12.errors = [{instancePath:instancePath+"/storage",schemaPath:"#/properties/storage/pattern",keyword:"pattern",params:{pattern: "^(sqlite:|postgres://|postgresql://)"},message:"must match pattern \""+"^(sqlite:|postgres://|postgresql://)"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/storage",schemaPath:"#/properties/storage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.postgres !== undefined){
let data14 = data.postgres;
const _errs34 = errors;
if(errors === _errs34){
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.poolSize === undefined){
data14.poolSize = 10;
}
if(data14.timeoutMs === undefined){
data14.timeoutMs = 5000;
}
const _errs36 = errors;
for(const key4 in data14){
if(!((key4 === "poolSize") || (key4 === "timeoutMs"))){
validate12.errors = [{instancePath:instancePath+"/postgres",schemaPath:"#/properties/postgres/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs36 === errors){
let data15 = data14.poolSize;
const _errs37 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate12.errors = [{instancePath:instancePath+"/postgres/poolSize",schemaPath:"#/properties/postgres/properties/poolSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs37){
if(typeof data15 == "number"){
if(data15 > 500 || isNaN(data15)){
validate12.errors = [{instancePath:instancePath+"/postgres/poolSize",schemaPath:"#/properties/postgres/properties/poolSize/maximum",keyword:"maximum",params:{comparison: "<=", limit: 500},message:"must be <= 500"}];
return false;
}
else {
if(data15 < 1 || isNaN(data15)){
validate12.errors = [{instancePath:instancePath+"/postgres/poolSize",schemaPath:"#/properties/postgres/properties/poolSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid5 = _errs37 === errors;
if(valid5){
let data16 = data14.timeoutMs;
const _errs39 = errors;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
validate12.errors = [{instancePath:instancePath+"/postgres/timeoutMs",schemaPath:"#/properties/postgres/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs39){
if(typeof data16 == "number"){
if(data16 < 100 || isNaN(data16)){
validate12.errors = [{instancePath:instancePath+"/postgres/timeoutMs",schemaPath:"#/properties/postgres/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
var valid5 = _errs39 === errors;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/postgres",schemaPath:"#/properties/postgres/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signing !== undefined){
let data17 = data.signing;
const _errs41 = errors;
const _errs42 = errors;
if(errors === _errs42){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.createIfMissing === undefined){
data17.createIfMissing = false;
}
if(data17.retireAfterSeconds === undefined){
data17.retireAfterSeconds = 604800;
}
const _errs44 = errors;
for(const key5 in data17){
if(!((((((key5 === "keyFile") || (key5 === "keyEnv")) || (key5 === "createIfMissing")) || (key5 === "publishKeyFiles")) || (key5 === "next")) || (key5 === "retireAfterSeconds"))){
validate12.errors = [{instancePath:instancePath+"/signing",schemaPath:"#/components/schemas/SigningConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs44 === errors){
if(data17.keyFile !== undefined){
const _errs45 = errors;
if(typeof data17.keyFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/keyFile",schemaPath:"#/components/schemas/SigningConfig/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs45 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data17.keyEnv !== undefined){
const _errs47 = errors;
if(typeof data17.keyEnv !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/keyEnv",schemaPath:"#/components/schemas/SigningConfig/properties/keyEnv/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs47 === errors;
}
else {
var valid7 = true;
}
if(valid7){
const _errs49 = errors;
if(typeof data17.createIfMissing !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/signing/createIfMissing",schemaPath:"#/components/schemas/SigningConfig/properties/createIfMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid7 = _errs49 === errors;
if(valid7){
if(data17.publishKeyFiles !== undefined){
let data21 = data17.publishKeyFiles;
const _errs51 = errors;
if(errors === _errs51){
if(Array.isArray(data21)){
var valid8 = true;
const len0 = data21.length;
for(let i0=0; i0<len0; i0++){
const _errs53 = errors;
if(typeof data21[i0] !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/publishKeyFiles/" + i0,schemaPath:"#/components/schemas/SigningConfig/properties/publishKeyFiles/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs53 === errors;
if(!valid8){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/signing/publishKeyFiles",schemaPath:"#/components/schemas/SigningConfig/properties/publishKeyFiles/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs51 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data17.next !== undefined){
let data23 = data17.next;
const _errs55 = errors;
if(errors === _errs55){
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing3;
if(((data23.keyFile === undefined) && (missing3 = "keyFile")) || ((data23.activateAt === undefined) && (missing3 = "activateAt"))){
validate12.errors = [{instancePath:instancePath+"/signing/next",schemaPath:"#/components/schemas/SigningConfig/properties/next/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs57 = errors;
for(const key6 in data23){
if(!((key6 === "keyFile") || (key6 === "activateAt"))){
validate12.errors = [{instancePath:instancePath+"/signing/next",schemaPath:"#/components/schemas/SigningConfig/properties/next/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs57 === errors){
if(data23.keyFile !== undefined){
const _errs58 = errors;
if(typeof data23.keyFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/next/keyFile",schemaPath:"#/components/schemas/SigningConfig/properties/next/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid9 = _errs58 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data23.activateAt !== undefined){
let data25 = data23.activateAt;
const _errs60 = errors;
if(errors === _errs60){
if(typeof data25 === "string"){
if(func3(data25) < 1){
validate12.errors = [{instancePath:instancePath+"/signing/next/activateAt",schemaPath:"#/components/schemas/SigningConfig/properties/next/properties/activateAt/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/signing/next/activateAt",schemaPath:"#/components/schemas/SigningConfig/properties/next/properties/activateAt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid9 = _errs60 === errors;
}
else {
var valid9 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/signing/next",schemaPath:"#/components/schemas/SigningConfig/properties/next/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid7 = _errs55 === errors;
}
else {
var valid7 = true;
}
if(valid7){
let data26 = data17.retireAfterSeconds;
const _errs62 = errors;
if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){
validate12.errors = [{instancePath:instancePath+"/signing/retireAfterSeconds",schemaPath:"#/components/schemas/SigningConfig/properties/retireAfterSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs62){
if(typeof data26 == "number"){
if(data26 < 0 || isNaN(data26)){
validate12.errors = [{instancePath:instancePath+"/signing/retireAfterSeconds",schemaPath:"#/components/schemas/SigningConfig/properties/retireAfterSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid7 = _errs62 === errors;
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/signing",schemaPath:"#/components/schemas/SigningConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs41 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.security !== undefined){
let data27 = data.security;
const _errs64 = errors;
if(errors === _errs64){
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.algorithms === undefined){
data27.algorithms = ["EdDSA","ES256"];
}
if(data27.messageWindowSeconds === undefined){
data27.messageWindowSeconds = 300;
}
if(data27.readTokenMaxLifetimeSeconds === undefined){
data27.readTokenMaxLifetimeSeconds = 300;
}
const _errs66 = errors;
for(const key7 in data27){
if(!(((key7 === "algorithms") || (key7 === "messageWindowSeconds")) || (key7 === "readTokenMaxLifetimeSeconds"))){
validate12.errors = [{instancePath:instancePath+"/security",schemaPath:"#/properties/security/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs66 === errors){
let data28 = data27.algorithms;
const _errs67 = errors;
if(errors === _errs67){
if(Array.isArray(data28)){
if(data28.length < 1){
validate12.errors = [{instancePath:instancePath+"/security/algorithms",schemaPath:"#/properties/security/properties/algorithms/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid11 = true;
const len1 = data28.length;
for(let i1=0; i1<len1; i1++){
let data29 = data28[i1];
const _errs69 = errors;
if(typeof data29 !== "string"){
validate12.errors = [{instancePath:instancePath+"/security/algorithms/" + i1,schemaPath:"#/properties/security/properties/algorithms/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data29 === "EdDSA") || (data29 === "ES256"))){
validate12.errors = [{instancePath:instancePath+"/security/algorithms/" + i1,schemaPath:"#/properties/security/properties/algorithms/items/enum",keyword:"enum",params:{allowedValues: schema13.properties.security.properties.algorithms.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid11 = _errs69 === errors;
if(!valid11){
break;
}
}
if(valid11){
let i2 = data28.length;
let j0;
if(i2 > 1){
const indices0 = {};
for(;i2--;){
let item0 = data28[i2];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
validate12.errors = [{instancePath:instancePath+"/security/algorithms",schemaPath:"#/properties/security/properties/algorithms/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)"}];
return false;
break;
}
indices0[item0] = i2;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/security/algorithms",schemaPath:"#/properties/security/properties/algorithms/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs67 === errors;
if(valid10){
let data30 = data27.messageWindowSeconds;
const _errs71 = errors;
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
validate12.errors = [{instancePath:instancePath+"/security/messageWindowSeconds",schemaPath:"#/properties/security/properties/messageWindowSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs71){
if(typeof data30 == "number"){
if(data30 > 86400 || isNaN(data30)){
validate12.errors = [{instancePath:instancePath+"/security/messageWindowSeconds",schemaPath:"#/properties/security/properties/messageWindowSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data30 < 1 || isNaN(data30)){
validate12.errors = [{instancePath:instancePath+"/security/messageWindowSeconds",schemaPath:"#/properties/security/properties/messageWindowSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid10 = _errs71 === errors;
if(valid10){
let data31 = data27.readTokenMaxLifetimeSeconds;
const _errs73 = errors;
if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){
validate12.errors = [{instancePath:instancePath+"/security/readTokenMaxLifetimeSeconds",schemaPath:"#/properties/security/properties/readTokenMaxLifetimeSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs73){
if(typeof data31 == "number"){
if(data31 > 3600 || isNaN(data31)){
validate12.errors = [{instancePath:instancePath+"/security/readTokenMaxLifetimeSeconds",schemaPath:"#/properties/security/properties/readTokenMaxLifetimeSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"}];
return false;
}
else {
if(data31 < 1 || isNaN(data31)){
validate12.errors = [{instancePath:instancePath+"/security/readTokenMaxLifetimeSeconds",schemaPath:"#/properties/security/properties/readTokenMaxLifetimeSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid10 = _errs73 === errors;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/security",schemaPath:"#/properties/security/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs64 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limits !== undefined){
let data32 = data.limits;
const _errs75 = errors;
if(errors === _errs75){
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.bodyBytes === undefined){
data32.bodyBytes = 262144;
}
if(data32.requestTimeoutMs === undefined){
data32.requestTimeoutMs = 30000;
}
if(data32.partnerRequestsPerSecond === undefined){
data32.partnerRequestsPerSecond = 50;
}
if(data32.partnerBurst === undefined){
data32.partnerBurst = 200;
}
const _errs77 = errors;
for(const key8 in data32){
if(!((((key8 === "bodyBytes") || (key8 === "requestTimeoutMs")) || (key8 === "partnerRequestsPerSecond")) || (key8 === "partnerBurst"))){
validate12.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs77 === errors){
let data33 = data32.bodyBytes;
const _errs78 = errors;
if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){
validate12.errors = [{instancePath:instancePath+"/limits/bodyBytes",schemaPath:"#/properties/limits/properties/bodyBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs78){
if(typeof data33 == "number"){
if(data33 > 10485760 || isNaN(data33)){
validate12.errors = [{instancePath:instancePath+"/limits/bodyBytes",schemaPath:"#/properties/limits/properties/bodyBytes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10485760},message:"must be <= 10485760"}];
return false;
}
else {
if(data33 < 1024 || isNaN(data33)){
validate12.errors = [{instancePath:instancePath+"/limits/bodyBytes",schemaPath:"#/properties/limits/properties/bodyBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1024},message:"must be >= 1024"}];
return false;
}
}
}
}
var valid13 = _errs78 === errors;
if(valid13){
let data34 = data32.requestTimeoutMs;
const _errs80 = errors;
if(!((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34)))){
validate12.errors = [{instancePath:instancePath+"/limits/requestTimeoutMs",schemaPath:"#/properties/limits/properties/requestTimeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs80){
if(typeof data34 == "number"){
if(data34 < 100 || isNaN(data34)){
validate12.errors = [{instancePath:instancePath+"/limits/requestTimeoutMs",schemaPath:"#/properties/limits/properties/requestTimeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
var valid13 = _errs80 === errors;
if(valid13){
let data35 = data32.partnerRequestsPerSecond;
const _errs82 = errors;
if(errors === _errs82){
if(typeof data35 == "number"){
if(data35 < 0.1 || isNaN(data35)){
validate12.errors = [{instancePath:instancePath+"/limits/partnerRequestsPerSecond",schemaPath:"#/properties/limits/properties/partnerRequestsPerSecond/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.1},message:"must be >= 0.1"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/limits/partnerRequestsPerSecond",schemaPath:"#/properties/limits/properties/partnerRequestsPerSecond/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid13 = _errs82 === errors;
if(valid13){
let data36 = data32.partnerBurst;
const _errs84 = errors;
if(!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))){
validate12.errors = [{instancePath:instancePath+"/limits/partnerBurst",schemaPath:"#/properties/limits/properties/partnerBurst/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs84){
if(typeof data36 == "number"){
if(data36 < 1 || isNaN(data36)){
validate12.errors = [{instancePath:instancePath+"/limits/partnerBurst",schemaPath:"#/properties/limits/properties/partnerBurst/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid13 = _errs84 === errors;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs75 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.services !== undefined){
let data37 = data.services;
const _errs86 = errors;
if(errors === _errs86){
if(Array.isArray(data37)){
var valid14 = true;
const len2 = data37.length;
for(let i3=0; i3<len2; i3++){
let data38 = data37[i3];
const _errs88 = errors;
if(errors === _errs88){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
let missing4;
if(((data38.id === undefined) && (missing4 = "id")) || ((data38.name === undefined) && (missing4 = "name"))){
validate12.errors = [{instancePath:instancePath+"/services/" + i3,schemaPath:"#/properties/services/items/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs90 = errors;
for(const key9 in data38){
if(!(((key9 === "id") || (key9 === "name")) || (key9 === "description"))){
validate12.errors = [{instancePath:instancePath+"/services/" + i3,schemaPath:"#/properties/services/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs90 === errors){
if(data38.id !== undefined){
let data39 = data38.id;
const _errs91 = errors;
if(errors === _errs91){
if(typeof data39 === "string"){
if(!pattern3.test(data39)){
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/id",schemaPath:"#/properties/services/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/id",schemaPath:"#/properties/services/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid15 = _errs91 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data38.name !== undefined){
let data40 = data38.name;
const _errs93 = errors;
if(errors === _errs93){
if(typeof data40 === "string"){
if(func3(data40) < 1){
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/name",schemaPath:"#/properties/services/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/name",schemaPath:"#/properties/services/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid15 = _errs93 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data38.description !== undefined){
const _errs95 = errors;
if(typeof data38.description !== "string"){
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/description",schemaPath:"#/properties/services/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid15 = _errs95 === errors;
}
else {
var valid15 = true;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services/" + i3,schemaPath:"#/properties/services/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid14 = _errs88 === errors;
if(!valid14){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs86 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.partners !== undefined){
let data42 = data.partners;
const _errs97 = errors;
if(errors === _errs97){
if(Array.isArray(data42)){
var valid16 = true;
const len3 = data42.length;
for(let i4=0; i4<len3; i4++){
const _errs99 = errors;
if(!(validate13(data42[i4], {instancePath:instancePath+"/partners/" + i4,parentData:data42,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
var valid16 = _errs99 === errors;
if(!valid16){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/partners",schemaPath:"#/properties/partners/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs97 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreements !== undefined){
let data44 = data.agreements;
const _errs100 = errors;
if(errors === _errs100){
if(Array.isArray(data44)){
var valid17 = true;
const len4 = data44.length;
for(let i5=0; i5<len4; i5++){
const _errs102 = errors;
if(!(validate15(data44[i5], {instancePath:instancePath+"/agreements/" + i5,parentData:data44,parentDataProperty:i5,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
var valid17 = _errs102 === errors;
if(!valid17){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/agreements",schemaPath:"#/properties/agreements/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs100 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.teams !== undefined){
let data46 = data.teams;
const _errs103 = errors;
if(errors === _errs103){
if(Array.isArray(data46)){
var valid18 = true;
const len5 = data46.length;
for(let i6=0; i6<len5; i6++){
let data47 = data46[i6];
const _errs105 = errors;
if(errors === _errs105){
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
let missing5;
if((((data47.id === undefined) && (missing5 = "id")) || ((data47.name === undefined) && (missing5 = "name"))) || ((data47.services === undefined) && (missing5 = "services"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs107 = errors;
for(const key10 in data47){
if(!(((key10 === "id") || (key10 === "name")) || (key10 === "services"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6,schemaPath:"#/properties/teams/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs107 === errors){
if(data47.id !== undefined){
let data48 = data47.id;
const _errs108 = errors;
if(errors === _errs108){
if(typeof data48 === "string"){
if(!pattern0.test(data48)){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/id",schemaPath:"#/properties/teams/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,62}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,62}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/id",schemaPath:"#/properties/teams/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid19 = _errs108 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data47.name !== undefined){
let data49 = data47.name;
const _errs110 = errors;
if(errors === _errs110){
if(typeof data49 === "string"){
if(func3(data49) < 1){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/name",schemaPath:"#/properties/teams/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/name",schemaPath:"#/properties/teams/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid19 = _errs110 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data47.services !== undefined){
let data50 = data47.services;
const _errs112 = errors;
if(errors === _errs112){
if(Array.isArray(data50)){
if(data50.length < 1){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services",schemaPath:"#/properties/teams/items/properties/services/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid20 = true;
const len6 = data50.length;
for(let i7=0; i7<len6; i7++){
let data51 = data50[i7];
const _errs114 = errors;
if(errors === _errs114){
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
let missing6;
if(((data51.id === undefined) && (missing6 = "id")) || ((data51.name === undefined) && (missing6 = "name"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7,schemaPath:"#/properties/teams/items/properties/services/items/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs116 = errors;
for(const key11 in data51){
if(!((key11 === "id") || (key11 === "name"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7,schemaPath:"#/properties/teams/items/properties/services/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs116 === errors){
if(data51.id !== undefined){
let data52 = data51.id;
const _errs117 = errors;
if(errors === _errs117){
if(typeof data52 === "string"){
if(!pattern3.test(data52)){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/id",schemaPath:"#/properties/teams/items/properties/services/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/id",schemaPath:"#/properties/teams/items/properties/services/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid21 = _errs117 === errors;
}
else {
var valid21 = true;
}
if(valid21){
if(data51.name !== undefined){
let data53 = data51.name;
const _errs119 = errors;
if(errors === _errs119){
if(typeof data53 === "string"){
if(func3(data53) < 1){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/name",schemaPath:"#/properties/teams/items/properties/services/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/name",schemaPath:"#/properties/teams/items/properties/services/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid21 = _errs119 === errors;
}
else {
var valid21 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7,schemaPath:"#/properties/teams/items/properties/services/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid20 = _errs114 === errors;
if(!valid20){
break;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services",schemaPath:"#/properties/teams/items/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid19 = _errs112 === errors;
}
else {
var valid19 = true;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6,schemaPath:"#/properties/teams/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid18 = _errs105 === errors;
if(!valid18){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams",schemaPath:"#/properties/teams/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs103 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.underpinning !== undefined){
let data54 = data.underpinning;
const _errs121 = errors;
if(errors === _errs121){
if(Array.isArray(data54)){
var valid22 = true;
const len7 = data54.length;
for(let i8=0; i8<len7; i8++){
const _errs123 = errors;
if(!(validate19(data54[i8], {instancePath:instancePath+"/underpinning/" + i8,parentData:data54,parentDataProperty:i8,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
var valid22 = _errs123 === errors;
if(!valid22){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/underpinning",schemaPath:"#/properties/underpinning/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs121 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.routes !== undefined){
let data56 = data.routes;
const _errs124 = errors;
if(errors === _errs124){
if(Array.isArray(data56)){
var valid23 = true;
const len8 = data56.length;
for(let i9=0; i9<len8; i9++){
let data57 = data56[i9];
const _errs126 = errors;
const _errs127 = errors;
if(errors === _errs127){
if(data57 && typeof data57 == "object" && !Array.isArray(data57)){
if(data57.mode === undefined){
data57.mode = "manual";
}
if(data57.onSupplierResolved === undefined){
data57.onSupplierResolved = "resume";
}
if(data57.relayNotes === undefined){
data57.relayNotes = false;
}
let missing7;
if(((((data57.service === undefined) && (missing7 = "service")) || ((data57.supplier === undefined) && (missing7 = "supplier"))) || ((data57.supplierService === undefined) && (missing7 = "supplierService"))) || ((data57.agreement === undefined) && (missing7 = "agreement"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9,schemaPath:"#/components/schemas/RouteConfig/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"}];
return false;
}
else {
const _errs129 = errors;
for(const key12 in data57){
if(!(func2.call(schema28.properties, key12))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9,schemaPath:"#/components/schemas/RouteConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs129 === errors){
if(data57.service !== undefined){
const _errs130 = errors;
if(typeof data57.service !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/service",schemaPath:"#/components/schemas/RouteConfig/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid25 = _errs130 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data57.supplier !== undefined){
const _errs132 = errors;
if(typeof data57.supplier !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/supplier",schemaPath:"#/components/schemas/RouteConfig/properties/supplier/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid25 = _errs132 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data57.supplierService !== undefined){
const _errs134 = errors;
if(typeof data57.supplierService !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/supplierService",schemaPath:"#/components/schemas/RouteConfig/properties/supplierService/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid25 = _errs134 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data57.agreement !== undefined){
const _errs136 = errors;
if(typeof data57.agreement !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/agreement",schemaPath:"#/components/schemas/RouteConfig/properties/agreement/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid25 = _errs136 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data57.callTypes !== undefined){
let data62 = data57.callTypes;
const _errs138 = errors;
if(errors === _errs138){
if(Array.isArray(data62)){
var valid26 = true;
const len9 = data62.length;
for(let i10=0; i10<len9; i10++){
let data63 = data62[i10];
const _errs140 = errors;
if(typeof data63 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/callTypes/" + i10,schemaPath:"#/components/schemas/RouteConfig/properties/callTypes/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data63 === "wish") || (data63 === "rfc")) || (data63 === "service_request")) || (data63 === "incident")) || (data63 === "risk"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/callTypes/" + i10,schemaPath:"#/components/schemas/RouteConfig/properties/callTypes/items/enum",keyword:"enum",params:{allowedValues: schema28.properties.callTypes.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid26 = _errs140 === errors;
if(!valid26){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/callTypes",schemaPath:"#/components/schemas/RouteConfig/properties/callTypes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid25 = _errs138 === errors;
}
else {
var valid25 = true;
}
if(valid25){
let data64 = data57.mode;
const _errs142 = errors;
if(typeof data64 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/mode",schemaPath:"#/components/schemas/RouteConfig/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data64 === "manual") || (data64 === "auto"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/mode",schemaPath:"#/components/schemas/RouteConfig/properties/mode/enum",keyword:"enum",params:{allowedValues: schema28.properties.mode.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid25 = _errs142 === errors;
if(valid25){
if(data57.at !== undefined){
let data65 = data57.at;
const _errs144 = errors;
if(errors === _errs144){
if(data65 && typeof data65 == "object" && !Array.isArray(data65)){
let missing8;
if(((data65.process === undefined) && (missing8 = "process")) || ((data65.step === undefined) && (missing8 = "step"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at",schemaPath:"#/components/schemas/RouteConfig/properties/at/required",keyword:"required",params:{missingProperty: missing8},message:"must have required property '"+missing8+"'"}];
return false;
}
else {
const _errs146 = errors;
for(const key13 in data65){
if(!((key13 === "process") || (key13 === "step"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at",schemaPath:"#/components/schemas/RouteConfig/properties/at/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs146 === errors){
if(data65.process !== undefined){
let data66 = data65.process;
const _errs147 = errors;
if(typeof data66 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/process",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/process/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data66 === "agree") || (data66 === "change")) || (data66 === "recover")) || (data66 === "operate")) || (data66 === "improve"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/process",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/process/enum",keyword:"enum",params:{allowedValues: schema28.properties.at.properties.process.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid27 = _errs147 === errors;
}
else {
var valid27 = true;
}
if(valid27){
if(data65.step !== undefined){
let data67 = data65.step;
const _errs149 = errors;
if(!((typeof data67 == "number") && (!(data67 % 1) && !isNaN(data67)))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/step",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/step/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs149){
if(typeof data67 == "number"){
if(data67 < 1 || isNaN(data67)){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/step",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/step/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid27 = _errs149 === errors;
}
else {
var valid27 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at",schemaPath:"#/components/schemas/RouteConfig/properties/at/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid25 = _errs144 === errors;
}
else {
var valid25 = true;
}
if(valid25){
if(data57.subCallType !== undefined){
let data68 = data57.subCallType;
const _errs151 = errors;
if(typeof data68 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/subCallType",schemaPath:"#/components/schemas/RouteConfig/properties/subCallType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data68 === "wish") || (data68 === "rfc")) || (data68 === "service_request")) || (data68 === "incident")) || (data68 === "risk"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/subCallType",schemaPath:"#/components/schemas/RouteConfig/properties/subCallType/enum",keyword:"enum",params:{allowedValues: schema28.properties.subCallType.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid25 = _errs151 === errors;
}
else {
var valid25 = true;
}
if(valid25){
let data69 = data57.onSupplierResolved;
const _errs153 = errors;
if(typeof data69 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/onSupplierResolved",schemaPath:"#/components/schemas/RouteConfig/properties/onSupplierResolved/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data69 === "resume") || (data69 === "resolve"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/onSupplierResolved",schemaPath:"#/components/schemas/RouteConfig/properties/onSupplierResolved/enum",keyword:"enum",params:{allowedValues: schema28.properties.onSupplierResolved.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid25 = _errs153 === errors;
if(valid25){
const _errs155 = errors;
if(typeof data57.relayNotes !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/relayNotes",schemaPath:"#/components/schemas/RouteConfig/properties/relayNotes/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid25 = _errs155 === errors;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/routes/" + i9,schemaPath:"#/components/schemas/RouteConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid23 = _errs126 === errors;
if(!valid23){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/routes",schemaPath:"#/properties/routes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs124 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.triggers !== undefined){
let data71 = data.triggers;
const _errs157 = errors;
if(errors === _errs157){
if(Array.isArray(data71)){
var valid28 = true;
const len10 = data71.length;
for(let i11=0; i11<len10; i11++){
let data72 = data71[i11];
const _errs159 = errors;
const _errs160 = errors;
if(errors === _errs160){
if(data72 && typeof data72 == "object" && !Array.isArray(data72)){
let missing9;
if((((data72.service === undefined) && (missing9 = "service")) || ((data72.callTypes === undefined) && (missing9 = "callTypes"))) || ((data72.raise === undefined) && (missing9 = "raise"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11,schemaPath:"#/components/schemas/TriggerRuleConfig/required",keyword:"required",params:{missingProperty: missing9},message:"must have required property '"+missing9+"'"}];
return false;
}
else {
const _errs162 = errors;
for(const key14 in data72){
if(!((((key14 === "service") || (key14 === "callTypes")) || (key14 === "raise")) || (key14 === "agreement"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11,schemaPath:"#/components/schemas/TriggerRuleConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs162 === errors){
if(data72.service !== undefined){
const _errs163 = errors;
if(typeof data72.service !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/service",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid30 = _errs163 === errors;
}
else {
var valid30 = true;
}
if(valid30){
if(data72.callTypes !== undefined){
let data74 = data72.callTypes;
const _errs165 = errors;
if(errors === _errs165){
if(Array.isArray(data74)){
if(data74.length < 1){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid31 = true;
const len11 = data74.length;
for(let i12=0; i12<len11; i12++){
let data75 = data74[i12];
const _errs167 = errors;
if(typeof data75 !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes/" + i12,schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data75 === "wish") || (data75 === "rfc")) || (data75 === "incident")) || (data75 === "risk"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes/" + i12,schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/items/enum",keyword:"enum",params:{allowedValues: schema29.properties.callTypes.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid31 = _errs167 === errors;
if(!valid31){
break;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid30 = _errs165 === errors;
}
else {
var valid30 = true;
}
if(valid30){
if(data72.raise !== undefined){
let data76 = data72.raise;
const _errs169 = errors;
if(typeof data76 !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/raise",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/raise/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data76 === "wish") || (data76 === "rfc")) || (data76 === "service_request"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/raise",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/raise/enum",keyword:"enum",params:{allowedValues: schema29.properties.raise.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid30 = _errs169 === errors;
}
else {
var valid30 = true;
}
if(valid30){
if(data72.agreement !== undefined){
const _errs171 = errors;
if(typeof data72.agreement !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/agreement",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/agreement/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid30 = _errs171 === errors;
}
else {
var valid30 = true;
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11,schemaPath:"#/components/schemas/TriggerRuleConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid28 = _errs159 === errors;
if(!valid28){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/triggers",schemaPath:"#/properties/triggers/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs157 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.closing !== undefined){
let data78 = data.closing;
const _errs173 = errors;
if(errors === _errs173){
if(data78 && typeof data78 == "object" && !Array.isArray(data78)){
if(data78.steps === undefined){
data78.steps = "auto";
}
const _errs175 = errors;
for(const key15 in data78){
if(!(key15 === "steps")){
validate12.errors = [{instancePath:instancePath+"/closing",schemaPath:"#/properties/closing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs175 === errors){
let data79 = data78.steps;
if(typeof data79 !== "string"){
validate12.errors = [{instancePath:instancePath+"/closing/steps",schemaPath:"#/properties/closing/properties/steps/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data79 === "auto") || (data79 === "desk"))){
validate12.errors = [{instancePath:instancePath+"/closing/steps",schemaPath:"#/properties/closing/properties/steps/enum",keyword:"enum",params:{allowedValues: schema13.properties.closing.properties.steps.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/closing",schemaPath:"#/properties/closing/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs173 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.witness !== undefined){
let data80 = data.witness;
const _errs178 = errors;
if(errors === _errs178){
if(data80 && typeof data80 == "object" && !Array.isArray(data80)){
if(data80.intervalSeconds === undefined){
data80.intervalSeconds = 60;
}
const _errs180 = errors;
for(const key16 in data80){
if(!(key16 === "intervalSeconds")){
validate12.errors = [{instancePath:instancePath+"/witness",schemaPath:"#/properties/witness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs180 === errors){
let data81 = data80.intervalSeconds;
const _errs181 = errors;
if(!((typeof data81 == "number") && (!(data81 % 1) && !isNaN(data81)))){
validate12.errors = [{instancePath:instancePath+"/witness/intervalSeconds",schemaPath:"#/properties/witness/properties/intervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs181){
if(typeof data81 == "number"){
if(data81 > 86400 || isNaN(data81)){
validate12.errors = [{instancePath:instancePath+"/witness/intervalSeconds",schemaPath:"#/properties/witness/properties/intervalSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data81 < 0 || isNaN(data81)){
validate12.errors = [{instancePath:instancePath+"/witness/intervalSeconds",schemaPath:"#/properties/witness/properties/intervalSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/witness",schemaPath:"#/properties/witness/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs178 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.evidence !== undefined){
let data82 = data.evidence;
const _errs183 = errors;
if(errors === _errs183){
if(data82 && typeof data82 == "object" && !Array.isArray(data82)){
const _errs185 = errors;
for(const key17 in data82){
if(!(key17 === "tsa")){
validate12.errors = [{instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs185 === errors){
if(data82.tsa !== undefined){
let data83 = data82.tsa;
const _errs186 = errors;
if(errors === _errs186){
if(data83 && typeof data83 == "object" && !Array.isArray(data83)){
if(data83.maxFailureMinutes === undefined){
data83.maxFailureMinutes = 10;
}
if(data83.intervalSeconds === undefined){
data83.intervalSeconds = 30;
}
if(data83.timeoutMs === undefined){
data83.timeoutMs = 10000;
}
let missing10;
if(((data83.url === undefined) && (missing10 = "url")) || ((data83.certificates === undefined) && (missing10 = "certificates"))){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa",schemaPath:"#/properties/evidence/properties/tsa/required",keyword:"required",params:{missingProperty: missing10},message:"must have required property '"+missing10+"'"}];
return false;
}
else {
const _errs188 = errors;
for(const key18 in data83){
if(!(((((key18 === "url") || (key18 === "certificates")) || (key18 === "maxFailureMinutes")) || (key18 === "intervalSeconds")) || (key18 === "timeoutMs"))){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa",schemaPath:"#/properties/evidence/properties/tsa/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs188 === errors){
if(data83.url !== undefined){
let data84 = data83.url;
const _errs189 = errors;
if(errors === _errs189){
if(typeof data84 === "string"){
if(!pattern1.test(data84)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/url",schemaPath:"#/properties/evidence/properties/tsa/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/url",schemaPath:"#/properties/evidence/properties/tsa/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid35 = _errs189 === errors;
}
else {
var valid35 = true;
}
if(valid35){
if(data83.certificates !== undefined){
let data85 = data83.certificates;
const _errs191 = errors;
if(errors === _errs191){
if(typeof data85 === "string"){
if(func3(data85) < 1){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/certificates",schemaPath:"#/properties/evidence/properties/tsa/properties/certificates/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/certificates",schemaPath:"#/properties/evidence/properties/tsa/properties/certificates/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid35 = _errs191 === errors;
}
else {
var valid35 = true;
}
if(valid35){
let data86 = data83.maxFailureMinutes;
const _errs193 = errors;
if(errors === _errs193){
if(typeof data86 == "number"){
if(data86 > 10080 || isNaN(data86)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/maxFailureMinutes",schemaPath:"#/properties/evidence/properties/tsa/properties/maxFailureMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080"}];
return false;
}
else {
if(data86 < 0 || isNaN(data86)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/maxFailureMinutes",schemaPath:"#/properties/evidence/properties/tsa/properties/maxFailureMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/maxFailureMinutes",schemaPath:"#/properties/evidence/properties/tsa/properties/maxFailureMinutes/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid35 = _errs193 === errors;
if(valid35){
let data87 = data83.intervalSeconds;
const _errs195 = errors;
if(errors === _errs195){
if(typeof data87 == "number"){
if(data87 > 3600 || isNaN(data87)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/intervalSeconds",schemaPath:"#/properties/evidence/properties/tsa/properties/intervalSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"}];
return false;
}
else {
if(data87 < 0.05 || isNaN(data87)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/intervalSeconds",schemaPath:"#/properties/evidence/properties/tsa/properties/intervalSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.05},message:"must be >= 0.05"}];
return false;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/intervalSeconds",schemaPath:"#/properties/evidence/properties/tsa/properties/intervalSeconds/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid35 = _errs195 === errors;
if(valid35){
let data88 = data83.timeoutMs;
const _errs197 = errors;
if(!((typeof data88 == "number") && (!(data88 % 1) && !isNaN(data88)))){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/timeoutMs",schemaPath:"#/properties/evidence/properties/tsa/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs197){
if(typeof data88 == "number"){
if(data88 > 120000 || isNaN(data88)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/timeoutMs",schemaPath:"#/properties/evidence/properties/tsa/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120000},message:"must be <= 120000"}];
return false;
}
else {
if(data88 < 100 || isNaN(data88)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/timeoutMs",schemaPath:"#/properties/evidence/properties/tsa/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid35 = _errs197 === errors;
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa",schemaPath:"#/properties/evidence/properties/tsa/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs183 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.attachments !== undefined){
let data89 = data.attachments;
const _errs199 = errors;
if(errors === _errs199){
if(data89 && typeof data89 == "object" && !Array.isArray(data89)){
if(data89.allowedHosts === undefined){
data89.allowedHosts = [];
}
if(data89.allowPrivateAddresses === undefined){
data89.allowPrivateAddresses = false;
}
if(data89.maxBytes === undefined){
data89.maxBytes = 10485760;
}
if(data89.fetchTimeoutMs === undefined){
data89.fetchTimeoutMs = 10000;
}
if(data89.folder === undefined){
data89.folder = "./attachments";
}
const _errs201 = errors;
for(const key19 in data89){
if(!(((((key19 === "allowedHosts") || (key19 === "allowPrivateAddresses")) || (key19 === "maxBytes")) || (key19 === "fetchTimeoutMs")) || (key19 === "folder"))){
validate12.errors = [{instancePath:instancePath+"/attachments",schemaPath:"#/properties/attachments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs201 === errors){
let data90 = data89.allowedHosts;
const _errs202 = errors;
if(errors === _errs202){
if(Array.isArray(data90)){
if(data90.length > 256){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts",schemaPath:"#/properties/attachments/properties/allowedHosts/maxItems",keyword:"maxItems",params:{limit: 256},message:"must NOT have more than 256 items"}];
return false;
}
else {
var valid37 = true;
const len12 = data90.length;
for(let i13=0; i13<len12; i13++){
let data91 = data90[i13];
const _errs204 = errors;
if(errors === _errs204){
if(typeof data91 === "string"){
if(func3(data91) > 253){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts/" + i13,schemaPath:"#/properties/attachments/properties/allowedHosts/items/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"}];
return false;
}
else {
if(func3(data91) < 1){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts/" + i13,schemaPath:"#/properties/attachments/properties/allowedHosts/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern17.test(data91)){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts/" + i13,schemaPath:"#/properties/attachments/properties/allowedHosts/items/pattern",keyword:"pattern",params:{pattern: "^(\\*\\.)?[A-Za-z0-9.:_-]+$"},message:"must match pattern \""+"^(\\*\\.)?[A-Za-z0-9.:_-]+$"+"\""}];
return false;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts/" + i13,schemaPath:"#/properties/attachments/properties/allowedHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid37 = _errs204 === errors;
if(!valid37){
break;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts",schemaPath:"#/properties/attachments/properties/allowedHosts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid36 = _errs202 === errors;
if(valid36){
const _errs206 = errors;
if(typeof data89.allowPrivateAddresses !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/attachments/allowPrivateAddresses",schemaPath:"#/properties/attachments/properties/allowPrivateAddresses/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid36 = _errs206 === errors;
if(valid36){
let data93 = data89.maxBytes;
const _errs208 = errors;
if(!((typeof data93 == "number") && (!(data93 % 1) && !isNaN(data93)))){
validate12.errors = [{instancePath:instancePath+"/attachments/maxBytes",schemaPath:"#/properties/attachments/properties/maxBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs208){
if(typeof data93 == "number"){
if(data93 > 1073741824 || isNaN(data93)){
validate12.errors = [{instancePath:instancePath+"/attachments/maxBytes",schemaPath:"#/properties/attachments/properties/maxBytes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1073741824},message:"must be <= 1073741824"}];
return false;
}
else {
if(data93 < 1 || isNaN(data93)){
validate12.errors = [{instancePath:instancePath+"/attachments/maxBytes",schemaPath:"#/properties/attachments/properties/maxBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid36 = _errs208 === errors;
if(valid36){
let data94 = data89.fetchTimeoutMs;
const _errs210 = errors;
if(!((typeof data94 == "number") && (!(data94 % 1) && !isNaN(data94)))){
validate12.errors = [{instancePath:instancePath+"/attachments/fetchTimeoutMs",schemaPath:"#/properties/attachments/properties/fetchTimeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs210){
if(typeof data94 == "number"){
if(data94 > 120000 || isNaN(data94)){
validate12.errors = [{instancePath:instancePath+"/attachments/fetchTimeoutMs",schemaPath:"#/properties/attachments/properties/fetchTimeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120000},message:"must be <= 120000"}];
return false;
}
else {
if(data94 < 100 || isNaN(data94)){
validate12.errors = [{instancePath:instancePath+"/attachments/fetchTimeoutMs",schemaPath:"#/properties/attachments/properties/fetchTimeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid36 = _errs210 === errors;
if(valid36){
let data95 = data89.folder;
const _errs212 = errors;
if(errors === _errs212){
if(typeof data95 === "string"){
if(func3(data95) < 1){
validate12.errors = [{instancePath:instancePath+"/attachments/folder",schemaPath:"#/properties/attachments/properties/folder/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/attachments/folder",schemaPath:"#/properties/attachments/properties/folder/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid36 = _errs212 === errors;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/attachments",schemaPath:"#/properties/attachments/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs199 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.delivery !== undefined){
let data96 = data.delivery;
const _errs214 = errors;
if(errors === _errs214){
if(data96 && typeof data96 == "object" && !Array.isArray(data96)){
if(data96.maxAttempts === undefined){
data96.maxAttempts = 12;
}
if(data96.maxAgeSeconds === undefined){
data96.maxAgeSeconds = 86400;
}
if(data96.timeoutMs === undefined){
data96.timeoutMs = 5000;
}
if(data96.backoffBaseMs === undefined){
data96.backoffBaseMs = 500;
}
if(data96.backoffMaxMs === undefined){
data96.backoffMaxMs = 60000;
}
if(data96.circuitFailureThreshold === undefined){
data96.circuitFailureThreshold = 5;
}
if(data96.circuitCooldownMs === undefined){
data96.circuitCooldownMs = 30000;
}
if(data96.connections === undefined){
data96.connections = 32;
}
if(data96.batchSize === undefined){
data96.batchSize = 16;
}
if(data96.leaseMs === undefined){
data96.leaseMs = 30000;
}
const _errs216 = errors;
for(const key20 in data96){
if(!(func2.call(schema13.properties.delivery.properties, key20))){
validate12.errors = [{instancePath:instancePath+"/delivery",schemaPath:"#/properties/delivery/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs216 === errors){
let data97 = data96.maxAttempts;
const _errs217 = errors;
if(!((typeof data97 == "number") && (!(data97 % 1) && !isNaN(data97)))){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAttempts",schemaPath:"#/properties/delivery/properties/maxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs217){
if(typeof data97 == "number"){
if(data97 > 1000 || isNaN(data97)){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAttempts",schemaPath:"#/properties/delivery/properties/maxAttempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000"}];
return false;
}
else {
if(data97 < 1 || isNaN(data97)){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAttempts",schemaPath:"#/properties/delivery/properties/maxAttempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid38 = _errs217 === errors;
if(valid38){
let data98 = data96.maxAgeSeconds;
const _errs219 = errors;
if(!((typeof data98 == "number") && (!(data98 % 1) && !isNaN(data98)))){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAgeSeconds",schemaPath:"#/properties/delivery/properties/maxAgeSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs219){
if(typeof data98 == "number"){
if(data98 < 1 || isNaN(data98)){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAgeSeconds",schemaPath:"#/properties/delivery/properties/maxAgeSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid38 = _errs219 === errors;
if(valid38){
let data99 = data96.timeoutMs;
const _errs221 = errors;
if(!((typeof data99 == "number") && (!(data99 % 1) && !isNaN(data99)))){
validate12.errors = [{instancePath:instancePath+"/delivery/timeoutMs",schemaPath:"#/properties/delivery/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs221){
if(typeof data99 == "number"){
if(data99 > 120000 || isNaN(data99)){
validate12.errors = [{instancePath:instancePath+"/delivery/timeoutMs",schemaPath:"#/properties/delivery/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120000},message:"must be <= 120000"}];
return false;
}
else {
if(data99 < 100 || isNaN(data99)){
validate12.errors = [{instancePath:instancePath+"/delivery/timeoutMs",schemaPath:"#/properties/delivery/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid38 = _errs221 === errors;
if(valid38){
let data100 = data96.backoffBaseMs;
const _errs223 = errors;
if(!((typeof data100 == "number") && (!(data100 % 1) && !isNaN(data100)))){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffBaseMs",schemaPath:"#/properties/delivery/properties/backoffBaseMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs223){
if(typeof data100 == "number"){
if(data100 < 1 || isNaN(data100)){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffBaseMs",schemaPath:"#/properties/delivery/properties/backoffBaseMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid38 = _errs223 === errors;
if(valid38){
let data101 = data96.backoffMaxMs;
const _errs225 = errors;
if(!((typeof data101 == "number") && (!(data101 % 1) && !isNaN(data101)))){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffMaxMs",schemaPath:"#/properties/delivery/properties/backoffMaxMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs225){
if(typeof data101 == "number"){
if(data101 < 1 || isNaN(data101)){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffMaxMs",schemaPath:"#/properties/delivery/properties/backoffMaxMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid38 = _errs225 === errors;
if(valid38){
let data102 = data96.circuitFailureThreshold;
const _errs227 = errors;
if(!((typeof data102 == "number") && (!(data102 % 1) && !isNaN(data102)))){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitFailureThreshold",schemaPath:"#/properties/delivery/properties/circuitFailureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs227){
if(typeof data102 == "number"){
if(data102 < 1 || isNaN(data102)){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitFailureThreshold",schemaPath:"#/properties/delivery/properties/circuitFailureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid38 = _errs227 === errors;
if(valid38){
let data103 = data96.circuitCooldownMs;
const _errs229 = errors;
if(!((typeof data103 == "number") && (!(data103 % 1) && !isNaN(data103)))){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitCooldownMs",schemaPath:"#/properties/delivery/properties/circuitCooldownMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs229){
if(typeof data103 == "number"){
if(data103 < 1 || isNaN(data103)){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitCooldownMs",schemaPath:"#/properties/delivery/properties/circuitCooldownMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid38 = _errs229 === errors;
if(valid38){
let data104 = data96.connections;
const _errs231 = errors;
if(!((typeof data104 == "number") && (!(data104 % 1) && !isNaN(data104)))){
validate12.errors = [{instancePath:instancePath+"/delivery/connections",schemaPath:"#/properties/delivery/properties/connections/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs231){
if(typeof data104 == "number"){
if(data104 > 256 || isNaN(data104)){
validate12.errors = [{instancePath:instancePath+"/delivery/connections",schemaPath:"#/properties/delivery/properties/connections/maximum",keyword:"maximum",params:{comparison: "<=", limit: 256},message:"must be <= 256"}];
return false;
}
else {
if(data104 < 1 || isNaN(data104)){
validate12.errors = [{instancePath:instancePath+"/delivery/connections",schemaPath:"#/properties/delivery/properties/connections/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid38 = _errs231 === errors;
if(valid38){
let data105 = data96.batchSize;
const _errs233 = errors;
if(!((typeof data105 == "number") && (!(data105 % 1) && !isNaN(data105)))){
validate12.errors = [{instancePath:instancePath+"/delivery/batchSize",schemaPath:"#/properties/delivery/properties/batchSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs233){
if(typeof data105 == "number"){
if(data105 > 64 || isNaN(data105)){
validate12.errors = [{instancePath:instancePath+"/delivery/batchSize",schemaPath:"#/properties/delivery/properties/batchSize/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"}];
return false;
}
else {
if(data105 < 1 || isNaN(data105)){
validate12.errors = [{instancePath:instancePath+"/delivery/batchSize",schemaPath:"#/properties/delivery/properties/batchSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid38 = _errs233 === errors;
if(valid38){
let data106 = data96.leaseMs;
const _errs235 = errors;
if(!((typeof data106 == "number") && (!(data106 % 1) && !isNaN(data106)))){
validate12.errors = [{instancePath:instancePath+"/delivery/leaseMs",schemaPath:"#/properties/delivery/properties/leaseMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs235){
if(typeof data106 == "number"){
if(data106 < 100 || isNaN(data106)){
validate12.errors = [{instancePath:instancePath+"/delivery/leaseMs",schemaPath:"#/properties/delivery/properties/leaseMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
var valid38 = _errs235 === errors;
}
}
}
}
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/delivery",schemaPath:"#/properties/delivery/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs214 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admin !== undefined){
let data107 = data.admin;
const _errs237 = errors;
if(errors === _errs237){
if(data107 && typeof data107 == "object" && !Array.isArray(data107)){
const _errs239 = errors;
for(const key21 in data107){
if(!(key21 === "tokens")){
validate12.errors = [{instancePath:instancePath+"/admin",schemaPath:"#/properties/admin/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs239 === errors){
if(data107.tokens !== undefined){
let data108 = data107.tokens;
const _errs240 = errors;
if(errors === _errs240){
if(Array.isArray(data108)){
var valid40 = true;
const len13 = data108.length;
for(let i14=0; i14<len13; i14++){
let data109 = data108[i14];
const _errs242 = errors;
const _errs243 = errors;
if(errors === _errs243){
if(data109 && typeof data109 == "object" && !Array.isArray(data109)){
if(data109.createIfMissing === undefined){
data109.createIfMissing = false;
}
let missing11;
if((data109.name === undefined) && (missing11 = "name")){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14,schemaPath:"#/components/schemas/TokenConfig/required",keyword:"required",params:{missingProperty: missing11},message:"must have required property '"+missing11+"'"}];
return false;
}
else {
const _errs245 = errors;
for(const key22 in data109){
if(!((((key22 === "name") || (key22 === "env")) || (key22 === "file")) || (key22 === "createIfMissing"))){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14,schemaPath:"#/components/schemas/TokenConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs245 === errors){
if(data109.name !== undefined){
let data110 = data109.name;
const _errs246 = errors;
if(errors === _errs246){
if(typeof data110 === "string"){
if(func3(data110) < 1){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid42 = _errs246 === errors;
}
else {
var valid42 = true;
}
if(valid42){
if(data109.env !== undefined){
const _errs248 = errors;
if(typeof data109.env !== "string"){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/env",schemaPath:"#/components/schemas/TokenConfig/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid42 = _errs248 === errors;
}
else {
var valid42 = true;
}
if(valid42){
if(data109.file !== undefined){
const _errs250 = errors;
if(typeof data109.file !== "string"){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/file",schemaPath:"#/components/schemas/TokenConfig/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid42 = _errs250 === errors;
}
else {
var valid42 = true;
}
if(valid42){
const _errs252 = errors;
if(typeof data109.createIfMissing !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/createIfMissing",schemaPath:"#/components/schemas/TokenConfig/properties/createIfMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid42 = _errs252 === errors;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14,schemaPath:"#/components/schemas/TokenConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid40 = _errs242 === errors;
if(!valid40){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/admin/tokens",schemaPath:"#/properties/admin/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/admin",schemaPath:"#/properties/admin/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs237 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.desk !== undefined){
let data114 = data.desk;
const _errs254 = errors;
if(errors === _errs254){
if(data114 && typeof data114 == "object" && !Array.isArray(data114)){
if(data114.idempotencyHours === undefined){
data114.idempotencyHours = 24;
}
const _errs256 = errors;
for(const key23 in data114){
if(!((key23 === "tokens") || (key23 === "idempotencyHours"))){
validate12.errors = [{instancePath:instancePath+"/desk",schemaPath:"#/properties/desk/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs256 === errors){
if(data114.tokens !== undefined){
let data115 = data114.tokens;
const _errs257 = errors;
if(errors === _errs257){
if(Array.isArray(data115)){
var valid44 = true;
const len14 = data115.length;
for(let i15=0; i15<len14; i15++){
let data116 = data115[i15];
const _errs259 = errors;
const _errs260 = errors;
if(errors === _errs260){
if(data116 && typeof data116 == "object" && !Array.isArray(data116)){
if(data116.createIfMissing === undefined){
data116.createIfMissing = false;
}
let missing12;
if((data116.name === undefined) && (missing12 = "name")){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15,schemaPath:"#/components/schemas/TokenConfig/required",keyword:"required",params:{missingProperty: missing12},message:"must have required property '"+missing12+"'"}];
return false;
}
else {
const _errs262 = errors;
for(const key24 in data116){
if(!((((key24 === "name") || (key24 === "env")) || (key24 === "file")) || (key24 === "createIfMissing"))){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15,schemaPath:"#/components/schemas/TokenConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs262 === errors){
if(data116.name !== undefined){
let data117 = data116.name;
const _errs263 = errors;
if(errors === _errs263){
if(typeof data117 === "string"){
if(func3(data117) < 1){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid46 = _errs263 === errors;
}
else {
var valid46 = true;
}
if(valid46){
if(data116.env !== undefined){
const _errs265 = errors;
if(typeof data116.env !== "string"){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/env",schemaPath:"#/components/schemas/TokenConfig/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid46 = _errs265 === errors;
}
else {
var valid46 = true;
}
if(valid46){
if(data116.file !== undefined){
const _errs267 = errors;
if(typeof data116.file !== "string"){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/file",schemaPath:"#/components/schemas/TokenConfig/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid46 = _errs267 === errors;
}
else {
var valid46 = true;
}
if(valid46){
const _errs269 = errors;
if(typeof data116.createIfMissing !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/createIfMissing",schemaPath:"#/components/schemas/TokenConfig/properties/createIfMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid46 = _errs269 === errors;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15,schemaPath:"#/components/schemas/TokenConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid44 = _errs259 === errors;
if(!valid44){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk/tokens",schemaPath:"#/properties/desk/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid43 = _errs257 === errors;
}
else {
var valid43 = true;
}
if(valid43){
let data121 = data114.idempotencyHours;
const _errs271 = errors;
if(!((typeof data121 == "number") && (!(data121 % 1) && !isNaN(data121)))){
validate12.errors = [{instancePath:instancePath+"/desk/idempotencyHours",schemaPath:"#/properties/desk/properties/idempotencyHours/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs271){
if(typeof data121 == "number"){
if(data121 > 720 || isNaN(data121)){
validate12.errors = [{instancePath:instancePath+"/desk/idempotencyHours",schemaPath:"#/properties/desk/properties/idempotencyHours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 720},message:"must be <= 720"}];
return false;
}
else {
if(data121 < 1 || isNaN(data121)){
validate12.errors = [{instancePath:instancePath+"/desk/idempotencyHours",schemaPath:"#/properties/desk/properties/idempotencyHours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid43 = _errs271 === errors;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk",schemaPath:"#/properties/desk/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs254 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.webhooks !== undefined){
let data122 = data.webhooks;
const _errs273 = errors;
if(errors === _errs273){
if(data122 && typeof data122 == "object" && !Array.isArray(data122)){
if(data122.maxAttempts === undefined){
data122.maxAttempts = 10;
}
if(data122.timeoutMs === undefined){
data122.timeoutMs = 5000;
}
if(data122.backoffBaseMs === undefined){
data122.backoffBaseMs = 1000;
}
if(data122.backoffMaxMs === undefined){
data122.backoffMaxMs = 300000;
}
const _errs275 = errors;
for(const key25 in data122){
if(!((((key25 === "maxAttempts") || (key25 === "timeoutMs")) || (key25 === "backoffBaseMs")) || (key25 === "backoffMaxMs"))){
validate12.errors = [{instancePath:instancePath+"/webhooks",schemaPath:"#/properties/webhooks/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs275 === errors){
let data123 = data122.maxAttempts;
const _errs276 = errors;
if(!((typeof data123 == "number") && (!(data123 % 1) && !isNaN(data123)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/maxAttempts",schemaPath:"#/properties/webhooks/properties/maxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs276){
if(typeof data123 == "number"){
if(data123 > 100 || isNaN(data123)){
validate12.errors = [{instancePath:instancePath+"/webhooks/maxAttempts",schemaPath:"#/properties/webhooks/properties/maxAttempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"}];
return false;
}
else {
if(data123 < 1 || isNaN(data123)){
validate12.errors = [{instancePath:instancePath+"/webhooks/maxAttempts",schemaPath:"#/properties/webhooks/properties/maxAttempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid47 = _errs276 === errors;
if(valid47){
let data124 = data122.timeoutMs;
const _errs278 = errors;
if(!((typeof data124 == "number") && (!(data124 % 1) && !isNaN(data124)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/timeoutMs",schemaPath:"#/properties/webhooks/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs278){
if(typeof data124 == "number"){
if(data124 > 60000 || isNaN(data124)){
validate12.errors = [{instancePath:instancePath+"/webhooks/timeoutMs",schemaPath:"#/properties/webhooks/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000"}];
return false;
}
else {
if(data124 < 100 || isNaN(data124)){
validate12.errors = [{instancePath:instancePath+"/webhooks/timeoutMs",schemaPath:"#/properties/webhooks/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid47 = _errs278 === errors;
if(valid47){
let data125 = data122.backoffBaseMs;
const _errs280 = errors;
if(!((typeof data125 == "number") && (!(data125 % 1) && !isNaN(data125)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffBaseMs",schemaPath:"#/properties/webhooks/properties/backoffBaseMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs280){
if(typeof data125 == "number"){
if(data125 < 1 || isNaN(data125)){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffBaseMs",schemaPath:"#/properties/webhooks/properties/backoffBaseMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid47 = _errs280 === errors;
if(valid47){
let data126 = data122.backoffMaxMs;
const _errs282 = errors;
if(!((typeof data126 == "number") && (!(data126 % 1) && !isNaN(data126)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffMaxMs",schemaPath:"#/properties/webhooks/properties/backoffMaxMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs282){
if(typeof data126 == "number"){
if(data126 < 1 || isNaN(data126)){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffMaxMs",schemaPath:"#/properties/webhooks/properties/backoffMaxMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid47 = _errs282 === errors;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/webhooks",schemaPath:"#/properties/webhooks/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs273 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.log !== undefined){
let data127 = data.log;
const _errs284 = errors;
if(errors === _errs284){
if(data127 && typeof data127 == "object" && !Array.isArray(data127)){
if(data127.level === undefined){
data127.level = "info";
}
const _errs286 = errors;
for(const key26 in data127){
if(!((key26 === "level") || (key26 === "pretty"))){
validate12.errors = [{instancePath:instancePath+"/log",schemaPath:"#/properties/log/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs286 === errors){
let data128 = data127.level;
const _errs287 = errors;
if(typeof data128 !== "string"){
validate12.errors = [{instancePath:instancePath+"/log/level",schemaPath:"#/properties/log/properties/level/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data128 === "fatal") || (data128 === "error")) || (data128 === "warn")) || (data128 === "info")) || (data128 === "debug")) || (data128 === "trace")) || (data128 === "silent"))){
validate12.errors = [{instancePath:instancePath+"/log/level",schemaPath:"#/properties/log/properties/level/enum",keyword:"enum",params:{allowedValues: schema13.properties.log.properties.level.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid48 = _errs287 === errors;
if(valid48){
if(data127.pretty !== undefined){
const _errs289 = errors;
if(typeof data127.pretty !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/log/pretty",schemaPath:"#/properties/log/properties/pretty/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid48 = _errs289 === errors;
}
else {
var valid48 = true;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/log",schemaPath:"#/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs284 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retention !== undefined){
let data130 = data.retention;
const _errs291 = errors;
if(errors === _errs291){
if(data130 && typeof data130 == "object" && !Array.isArray(data130)){
if(data130.intervalSeconds === undefined){
data130.intervalSeconds = 3600;
}
const _errs293 = errors;
for(const key27 in data130){
if(!((key27 === "default") || (key27 === "intervalSeconds"))){
validate12.errors = [{instancePath:instancePath+"/retention",schemaPath:"#/properties/retention/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key27},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs293 === errors){
if(data130.default !== undefined){
let data131 = data130.default;
const _errs294 = errors;
const _errs295 = errors;
if(errors === _errs295){
if(data131 && typeof data131 == "object" && !Array.isArray(data131)){
const _errs297 = errors;
for(const key28 in data131){
if(!(((key28 === "bodiesDays") || (key28 === "notesDays")) || (key28 === "requesterDays"))){
validate12.errors = [{instancePath:instancePath+"/retention/default",schemaPath:"#/components/schemas/RetentionPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key28},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs297 === errors){
if(data131.bodiesDays !== undefined){
let data132 = data131.bodiesDays;
const _errs298 = errors;
if(!((typeof data132 == "number") && (!(data132 % 1) && !isNaN(data132)))){
validate12.errors = [{instancePath:instancePath+"/retention/default/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs298){
if(typeof data132 == "number"){
if(data132 > 36500 || isNaN(data132)){
validate12.errors = [{instancePath:instancePath+"/retention/default/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data132 < 0 || isNaN(data132)){
validate12.errors = [{instancePath:instancePath+"/retention/default/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid51 = _errs298 === errors;
}
else {
var valid51 = true;
}
if(valid51){
if(data131.notesDays !== undefined){
let data133 = data131.notesDays;
const _errs300 = errors;
if(!((typeof data133 == "number") && (!(data133 % 1) && !isNaN(data133)))){
validate12.errors = [{instancePath:instancePath+"/retention/default/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs300){
if(typeof data133 == "number"){
if(data133 > 36500 || isNaN(data133)){
validate12.errors = [{instancePath:instancePath+"/retention/default/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data133 < 0 || isNaN(data133)){
validate12.errors = [{instancePath:instancePath+"/retention/default/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid51 = _errs300 === errors;
}
else {
var valid51 = true;
}
if(valid51){
if(data131.requesterDays !== undefined){
let data134 = data131.requesterDays;
const _errs302 = errors;
if(!((typeof data134 == "number") && (!(data134 % 1) && !isNaN(data134)))){
validate12.errors = [{instancePath:instancePath+"/retention/default/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs302){
if(typeof data134 == "number"){
if(data134 > 36500 || isNaN(data134)){
validate12.errors = [{instancePath:instancePath+"/retention/default/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data134 < 0 || isNaN(data134)){
validate12.errors = [{instancePath:instancePath+"/retention/default/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid51 = _errs302 === errors;
}
else {
var valid51 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/retention/default",schemaPath:"#/components/schemas/RetentionPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid49 = _errs294 === errors;
}
else {
var valid49 = true;
}
if(valid49){
let data135 = data130.intervalSeconds;
const _errs304 = errors;
if(!((typeof data135 == "number") && (!(data135 % 1) && !isNaN(data135)))){
validate12.errors = [{instancePath:instancePath+"/retention/intervalSeconds",schemaPath:"#/properties/retention/properties/intervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs304){
if(typeof data135 == "number"){
if(data135 > 86400 || isNaN(data135)){
validate12.errors = [{instancePath:instancePath+"/retention/intervalSeconds",schemaPath:"#/properties/retention/properties/intervalSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data135 < 1 || isNaN(data135)){
validate12.errors = [{instancePath:instancePath+"/retention/intervalSeconds",schemaPath:"#/properties/retention/properties/intervalSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid49 = _errs304 === errors;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/retention",schemaPath:"#/properties/retention/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs291 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metrics !== undefined){
let data136 = data.metrics;
const _errs306 = errors;
if(errors === _errs306){
if(data136 && typeof data136 == "object" && !Array.isArray(data136)){
const _errs308 = errors;
for(const key29 in data136){
if(!(key29 === "listen")){
validate12.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs308 === errors){
if(data136.listen !== undefined){
let data137 = data136.listen;
const _errs309 = errors;
if(errors === _errs309){
if(data137 && typeof data137 == "object" && !Array.isArray(data137)){
if(data137.host === undefined){
data137.host = "127.0.0.1";
}
let missing13;
if((data137.port === undefined) && (missing13 = "port")){
validate12.errors = [{instancePath:instancePath+"/metrics/listen",schemaPath:"#/properties/metrics/properties/listen/required",keyword:"required",params:{missingProperty: missing13},message:"must have required property '"+missing13+"'"}];
return false;
}
else {
const _errs311 = errors;
for(const key30 in data137){
if(!((key30 === "host") || (key30 === "port"))){
validate12.errors = [{instancePath:instancePath+"/metrics/listen",schemaPath:"#/properties/metrics/properties/listen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key30},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs311 === errors){
const _errs312 = errors;
if(typeof data137.host !== "string"){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/host",schemaPath:"#/properties/metrics/properties/listen/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid53 = _errs312 === errors;
if(valid53){
if(data137.port !== undefined){
let data139 = data137.port;
const _errs314 = errors;
if(!((typeof data139 == "number") && (!(data139 % 1) && !isNaN(data139)))){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/port",schemaPath:"#/properties/metrics/properties/listen/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs314){
if(typeof data139 == "number"){
if(data139 > 65535 || isNaN(data139)){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/port",schemaPath:"#/properties/metrics/properties/listen/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"}];
return false;
}
else {
if(data139 < 0 || isNaN(data139)){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/port",schemaPath:"#/properties/metrics/properties/listen/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid53 = _errs314 === errors;
}
else {
var valid53 = true;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/metrics/listen",schemaPath:"#/properties/metrics/properties/listen/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs306 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.deskConnector !== undefined){
let data140 = data.deskConnector;
const _errs316 = errors;
if(errors === _errs316){
if(data140 && typeof data140 == "object" && !Array.isArray(data140)){
if(data140.pollMs === undefined){
data140.pollMs = 5000;
}
if(data140.timeoutMs === undefined){
data140.timeoutMs = 5000;
}
let missing14;
if((((data140.baseUrl === undefined) && (missing14 = "baseUrl")) || ((data140.issuer === undefined) && (missing14 = "issuer"))) || ((data140.audience === undefined) && (missing14 = "audience"))){
validate12.errors = [{instancePath:instancePath+"/deskConnector",schemaPath:"#/properties/deskConnector/required",keyword:"required",params:{missingProperty: missing14},message:"must have required property '"+missing14+"'"}];
return false;
}
else {
const _errs318 = errors;
for(const key31 in data140){
if(!(func2.call(schema13.properties.deskConnector.properties, key31))){
validate12.errors = [{instancePath:instancePath+"/deskConnector",schemaPath:"#/properties/deskConnector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key31},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs318 === errors){
if(data140.baseUrl !== undefined){
let data141 = data140.baseUrl;
const _errs319 = errors;
if(errors === _errs319){
if(typeof data141 === "string"){
if(!pattern1.test(data141)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/baseUrl",schemaPath:"#/properties/deskConnector/properties/baseUrl/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/baseUrl",schemaPath:"#/properties/deskConnector/properties/baseUrl/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid54 = _errs319 === errors;
}
else {
var valid54 = true;
}
if(valid54){
if(data140.issuer !== undefined){
let data142 = data140.issuer;
const _errs321 = errors;
if(errors === _errs321){
if(typeof data142 === "string"){
if(func3(data142) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/issuer",schemaPath:"#/properties/deskConnector/properties/issuer/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/issuer",schemaPath:"#/properties/deskConnector/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid54 = _errs321 === errors;
}
else {
var valid54 = true;
}
if(valid54){
if(data140.audience !== undefined){
let data143 = data140.audience;
const _errs323 = errors;
if(errors === _errs323){
if(typeof data143 === "string"){
if(func3(data143) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/audience",schemaPath:"#/properties/deskConnector/properties/audience/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/audience",schemaPath:"#/properties/deskConnector/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid54 = _errs323 === errors;
}
else {
var valid54 = true;
}
if(valid54){
if(data140.keyFile !== undefined){
const _errs325 = errors;
if(typeof data140.keyFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/deskConnector/keyFile",schemaPath:"#/properties/deskConnector/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid54 = _errs325 === errors;
}
else {
var valid54 = true;
}
if(valid54){
if(data140.keyEnv !== undefined){
const _errs327 = errors;
if(typeof data140.keyEnv !== "string"){
validate12.errors = [{instancePath:instancePath+"/deskConnector/keyEnv",schemaPath:"#/properties/deskConnector/properties/keyEnv/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid54 = _errs327 === errors;
}
else {
var valid54 = true;
}
if(valid54){
if(data140.service !== undefined){
let data146 = data140.service;
const _errs329 = errors;
if(errors === _errs329){
if(typeof data146 === "string"){
if(func3(data146) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/service",schemaPath:"#/properties/deskConnector/properties/service/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/service",schemaPath:"#/properties/deskConnector/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid54 = _errs329 === errors;
}
else {
var valid54 = true;
}
if(valid54){
if(data140.agreement !== undefined){
let data147 = data140.agreement;
const _errs331 = errors;
if(errors === _errs331){
if(typeof data147 === "string"){
if(func3(data147) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/agreement",schemaPath:"#/properties/deskConnector/properties/agreement/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/agreement",schemaPath:"#/properties/deskConnector/properties/agreement/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid54 = _errs331 === errors;
}
else {
var valid54 = true;
}
if(valid54){
let data148 = data140.pollMs;
const _errs333 = errors;
if(!((typeof data148 == "number") && (!(data148 % 1) && !isNaN(data148)))){
validate12.errors = [{instancePath:instancePath+"/deskConnector/pollMs",schemaPath:"#/properties/deskConnector/properties/pollMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs333){
if(typeof data148 == "number"){
if(data148 > 3600000 || isNaN(data148)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/pollMs",schemaPath:"#/properties/deskConnector/properties/pollMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600000},message:"must be <= 3600000"}];
return false;
}
else {
if(data148 < 100 || isNaN(data148)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/pollMs",schemaPath:"#/properties/deskConnector/properties/pollMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid54 = _errs333 === errors;
if(valid54){
let data149 = data140.timeoutMs;
const _errs335 = errors;
if(!((typeof data149 == "number") && (!(data149 % 1) && !isNaN(data149)))){
validate12.errors = [{instancePath:instancePath+"/deskConnector/timeoutMs",schemaPath:"#/properties/deskConnector/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs335){
if(typeof data149 == "number"){
if(data149 > 60000 || isNaN(data149)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/timeoutMs",schemaPath:"#/properties/deskConnector/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000"}];
return false;
}
else {
if(data149 < 100 || isNaN(data149)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/timeoutMs",schemaPath:"#/properties/deskConnector/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid54 = _errs335 === errors;
}
}
}
}
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector",schemaPath:"#/properties/deskConnector/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs316 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.console !== undefined){
let data150 = data.console;
const _errs337 = errors;
if(errors === _errs337){
if(data150 && typeof data150 == "object" && !Array.isArray(data150)){
if(data150.sessionMinutes === undefined){
data150.sessionMinutes = 480;
}
if(data150.signInAttemptsPerMinute === undefined){
data150.signInAttemptsPerMinute = 10;
}
const _errs339 = errors;
for(const key32 in data150){
if(!(((key32 === "accounts") || (key32 === "sessionMinutes")) || (key32 === "signInAttemptsPerMinute"))){
validate12.errors = [{instancePath:instancePath+"/console",schemaPath:"#/properties/console/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key32},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs339 === errors){
if(data150.accounts !== undefined){
let data151 = data150.accounts;
const _errs340 = errors;
if(errors === _errs340){
if(Array.isArray(data151)){
var valid56 = true;
const len15 = data151.length;
for(let i16=0; i16<len15; i16++){
let data152 = data151[i16];
const _errs342 = errors;
const _errs343 = errors;
if(errors === _errs343){
if(data152 && typeof data152 == "object" && !Array.isArray(data152)){
let missing15;
if(((data152.name === undefined) && (missing15 = "name")) || ((data152.roles === undefined) && (missing15 = "roles"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16,schemaPath:"#/components/schemas/ConsoleAccount/required",keyword:"required",params:{missingProperty: missing15},message:"must have required property '"+missing15+"'"}];
return false;
}
else {
const _errs345 = errors;
for(const key33 in data152){
if(!((((key33 === "name") || (key33 === "passwordHash")) || (key33 === "token")) || (key33 === "roles"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16,schemaPath:"#/components/schemas/ConsoleAccount/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs345 === errors){
if(data152.name !== undefined){
let data153 = data152.name;
const _errs346 = errors;
if(errors === _errs346){
if(typeof data153 === "string"){
if(!pattern19.test(data153)){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/name",schemaPath:"#/components/schemas/ConsoleAccount/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/name",schemaPath:"#/components/schemas/ConsoleAccount/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid58 = _errs346 === errors;
}
else {
var valid58 = true;
}
if(valid58){
if(data152.passwordHash !== undefined){
let data154 = data152.passwordHash;
const _errs348 = errors;
if(errors === _errs348){
if(typeof data154 === "string"){
if(!pattern20.test(data154)){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/passwordHash",schemaPath:"#/components/schemas/ConsoleAccount/properties/passwordHash/pattern",keyword:"pattern",params:{pattern: "^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$"},message:"must match pattern \""+"^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/passwordHash",schemaPath:"#/components/schemas/ConsoleAccount/properties/passwordHash/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid58 = _errs348 === errors;
}
else {
var valid58 = true;
}
if(valid58){
if(data152.token !== undefined){
let data155 = data152.token;
const _errs350 = errors;
if(errors === _errs350){
if(data155 && typeof data155 == "object" && !Array.isArray(data155)){
const _errs352 = errors;
for(const key34 in data155){
if(!((key34 === "env") || (key34 === "file"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key34},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs352 === errors){
if(data155.env !== undefined){
const _errs353 = errors;
if(typeof data155.env !== "string"){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token/env",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid59 = _errs353 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data155.file !== undefined){
const _errs355 = errors;
if(typeof data155.file !== "string"){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token/file",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid59 = _errs355 === errors;
}
else {
var valid59 = true;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid58 = _errs350 === errors;
}
else {
var valid58 = true;
}
if(valid58){
if(data152.roles !== undefined){
let data158 = data152.roles;
const _errs357 = errors;
if(errors === _errs357){
if(Array.isArray(data158)){
if(data158.length < 1){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles",schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid60 = true;
const len16 = data158.length;
for(let i17=0; i17<len16; i17++){
let data159 = data158[i17];
const _errs359 = errors;
if(typeof data159 !== "string"){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles/" + i17,schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data159 === "desk") || (data159 === "admin"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles/" + i17,schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.roles.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid60 = _errs359 === errors;
if(!valid60){
break;
}
}
if(valid60){
let i18 = data158.length;
let j1;
if(i18 > 1){
const indices1 = {};
for(;i18--;){
let item1 = data158[i18];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles",schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/uniqueItems",keyword:"uniqueItems",params:{i: i18, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i18+" are identical)"}];
return false;
break;
}
indices1[item1] = i18;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles",schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid58 = _errs357 === errors;
}
else {
var valid58 = true;
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16,schemaPath:"#/components/schemas/ConsoleAccount/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid56 = _errs342 === errors;
if(!valid56){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts",schemaPath:"#/properties/console/properties/accounts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid55 = _errs340 === errors;
}
else {
var valid55 = true;
}
if(valid55){
let data160 = data150.sessionMinutes;
const _errs361 = errors;
if(!((typeof data160 == "number") && (!(data160 % 1) && !isNaN(data160)))){
validate12.errors = [{instancePath:instancePath+"/console/sessionMinutes",schemaPath:"#/properties/console/properties/sessionMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs361){
if(typeof data160 == "number"){
if(data160 > 10080 || isNaN(data160)){
validate12.errors = [{instancePath:instancePath+"/console/sessionMinutes",schemaPath:"#/properties/console/properties/sessionMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080"}];
return false;
}
else {
if(data160 < 5 || isNaN(data160)){
validate12.errors = [{instancePath:instancePath+"/console/sessionMinutes",schemaPath:"#/properties/console/properties/sessionMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 5},message:"must be >= 5"}];
return false;
}
}
}
}
var valid55 = _errs361 === errors;
if(valid55){
let data161 = data150.signInAttemptsPerMinute;
const _errs363 = errors;
if(!((typeof data161 == "number") && (!(data161 % 1) && !isNaN(data161)))){
validate12.errors = [{instancePath:instancePath+"/console/signInAttemptsPerMinute",schemaPath:"#/properties/console/properties/signInAttemptsPerMinute/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs363){
if(typeof data161 == "number"){
if(data161 > 1000 || isNaN(data161)){
validate12.errors = [{instancePath:instancePath+"/console/signInAttemptsPerMinute",schemaPath:"#/properties/console/properties/signInAttemptsPerMinute/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000"}];
return false;
}
else {
if(data161 < 1 || isNaN(data161)){
validate12.errors = [{instancePath:instancePath+"/console/signInAttemptsPerMinute",schemaPath:"#/properties/console/properties/signInAttemptsPerMinute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid55 = _errs363 === errors;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console",schemaPath:"#/properties/console/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs337 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.network !== undefined){
let data162 = data.network;
const _errs365 = errors;
if(errors === _errs365){
if(data162 && typeof data162 == "object" && !Array.isArray(data162)){
if(data162.refreshSeconds === undefined){
data162.refreshSeconds = 300;
}
const _errs367 = errors;
for(const key35 in data162){
if(!((((key35 === "serveFile") || (key35 === "url")) || (key35 === "operatorKeys")) || (key35 === "refreshSeconds"))){
validate12.errors = [{instancePath:instancePath+"/network",schemaPath:"#/properties/network/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key35},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs367 === errors){
if(data162.serveFile !== undefined){
const _errs368 = errors;
if(typeof data162.serveFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/network/serveFile",schemaPath:"#/properties/network/properties/serveFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid62 = _errs368 === errors;
}
else {
var valid62 = true;
}
if(valid62){
if(data162.url !== undefined){
let data164 = data162.url;
const _errs370 = errors;
if(errors === _errs370){
if(typeof data164 === "string"){
if(!pattern1.test(data164)){
validate12.errors = [{instancePath:instancePath+"/network/url",schemaPath:"#/properties/network/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/network/url",schemaPath:"#/properties/network/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid62 = _errs370 === errors;
}
else {
var valid62 = true;
}
if(valid62){
if(data162.operatorKeys !== undefined){
let data165 = data162.operatorKeys;
const _errs372 = errors;
const _errs373 = errors;
let valid63 = false;
let passing0 = null;
const _errs374 = errors;
if(typeof data165 !== "string"){
const err0 = {instancePath:instancePath+"/network/operatorKeys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs374 === errors;
if(_valid0){
valid63 = true;
passing0 = 0;
}
const _errs376 = errors;
if(errors === _errs376){
if(data165 && typeof data165 == "object" && !Array.isArray(data165)){
let missing16;
if((data165.keys === undefined) && (missing16 = "keys")){
const err1 = {instancePath:instancePath+"/network/operatorKeys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf/1/required",keyword:"required",params:{missingProperty: missing16},message:"must have required property '"+missing16+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
if(data165.keys !== undefined){
let data166 = data165.keys;
const _errs378 = errors;
if(errors === _errs378){
if(Array.isArray(data166)){
if(data166.length < 1){
const err2 = {instancePath:instancePath+"/network/operatorKeys/keys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf/1/properties/keys/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
var valid65 = true;
const len17 = data166.length;
for(let i19=0; i19<len17; i19++){
let data167 = data166[i19];
const _errs380 = errors;
if(errors === _errs380){
if(data167 && typeof data167 == "object" && !Array.isArray(data167)){
}
else {
const err3 = {instancePath:instancePath+"/network/operatorKeys/keys/" + i19,schemaPath:"#/properties/network/properties/operatorKeys/oneOf/1/properties/keys/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var valid65 = _errs380 === errors;
if(!valid65){
break;
}
}
}
}
else {
const err4 = {instancePath:instancePath+"/network/operatorKeys/keys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf/1/properties/keys/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
}
}
else {
const err5 = {instancePath:instancePath+"/network/operatorKeys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs376 === errors;
if(_valid0 && valid63){
valid63 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid63 = true;
passing0 = 1;
}
}
if(!valid63){
const err6 = {instancePath:instancePath+"/network/operatorKeys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate12.errors = vErrors;
return false;
}
else {
errors = _errs373;
if(vErrors !== null){
if(_errs373){
vErrors.length = _errs373;
}
else {
vErrors = null;
}
}
}
var valid62 = _errs372 === errors;
}
else {
var valid62 = true;
}
if(valid62){
let data168 = data162.refreshSeconds;
const _errs383 = errors;
if(!((typeof data168 == "number") && (!(data168 % 1) && !isNaN(data168)))){
validate12.errors = [{instancePath:instancePath+"/network/refreshSeconds",schemaPath:"#/properties/network/properties/refreshSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs383){
if(typeof data168 == "number"){
if(data168 > 86400 || isNaN(data168)){
validate12.errors = [{instancePath:instancePath+"/network/refreshSeconds",schemaPath:"#/properties/network/properties/refreshSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data168 < 1 || isNaN(data168)){
validate12.errors = [{instancePath:instancePath+"/network/refreshSeconds",schemaPath:"#/properties/network/properties/refreshSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid62 = _errs383 === errors;
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/network",schemaPath:"#/properties/network/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs365 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate12(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
validate10.errors = vErrors;
return errors === 0;
}

/** A config file's check against GatewayConfig: true when it passes, with defaults applied; else `errors` says why. */
export const validateGatewayConfig: Pick<ValidateFunction, 'errors'> & ((data: unknown) => boolean) = validate10;
