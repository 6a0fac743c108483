// Generated from config/schema.yaml by scripts/generate-types.ts (ajv standalone code). Do not edit; run `npm run generate`.
// @ts-nocheck
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** The SHA-256 of the config/schema.yaml text this validator was compiled from. */
export const CONFIG_SCHEMA_SHA256 = '85bd7b9961da2d9dcc86926465260c9d009ee408beffc3adfbc04e52e775fca2';

const schema11 = {"$ref":"config#/components/schemas/GatewayConfig"};
const schema13 = {"type":"object","required":["party","storage","signing","services","partners"],"additionalProperties":false,"properties":{"party":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,62}$","description":"This gateway's party id; partners address messages `to` it."},"name":{"type":"string","minLength":1}}},"listen":{"type":"object","additionalProperties":false,"properties":{"host":{"type":"string","default":"127.0.0.1"},"port":{"type":"integer","minimum":0,"maximum":65535,"default":8080},"tls":{"$ref":"#/components/schemas/ListenTlsConfig"}}},"publicUrl":{"type":"string","pattern":"^https?://","description":"The base URL partners reach this gateway at."},"storage":{"type":"string","pattern":"^(sqlite:|postgres://|postgresql://)","description":"`sqlite:<path>` for the embedded store; `postgres://user@host:5432/db?schema=name` for replicas sharing PostgreSQL."},"sqlite":{"type":"object","additionalProperties":false,"properties":{"cacheMb":{"type":"integer","minimum":1,"maximum":4096,"default":4,"description":"The embedded store's page cache, in MiB. The file's pages stay in the operating system's cache as well, so a small one costs a read call on a miss, not a disk read."}}},"postgres":{"type":"object","additionalProperties":false,"properties":{"poolSize":{"type":"integer","minimum":1,"maximum":500,"default":10},"timeoutMs":{"type":"integer","minimum":100,"default":5000,"description":"How long to wait for a connection or a query before answering 503."}}},"signing":{"$ref":"#/components/schemas/SigningConfig"},"security":{"type":"object","additionalProperties":false,"properties":{"algorithms":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","enum":["EdDSA","ES256"]},"default":["EdDSA","ES256"]},"messageWindowSeconds":{"type":"integer","minimum":1,"maximum":86400,"default":300,"description":"How far a message's `time` may be from this gateway's clock."},"readTokenMaxLifetimeSeconds":{"type":"integer","minimum":1,"maximum":3600,"default":300}}},"limits":{"type":"object","additionalProperties":false,"properties":{"bodyBytes":{"type":"integer","minimum":1024,"maximum":10485760,"default":262144},"requestTimeoutMs":{"type":"integer","minimum":100,"default":30000},"partnerRequestsPerSecond":{"type":"number","minimum":0.1,"default":50,"description":"Each partner's sustained request rate; more gets 429 with Retry-After."},"partnerBurst":{"type":"integer","minimum":1,"default":200,"description":"How many requests a partner may send at once."}}},"services":{"type":"array","items":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"name":{"type":"string","minLength":1},"description":{"type":"string"}}}},"partners":{"type":"array","items":{"$ref":"#/components/schemas/PartnerConfig"}},"agreements":{"type":"array","items":{"$ref":"#/components/schemas/AgreementConfig"}},"teams":{"type":"array","description":"Internal teams: suppliers without a gateway. An `underpinning` agreement whose `supplier`\nis a team is an operational agreement (OLA); a route may name a team, and its sub-calls\nare worked at our desk (no message is sent) under the OLA's service levels.\n","items":{"type":"object","required":["id","name","services"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]{0,62}$"},"name":{"type":"string","minLength":1},"services":{"type":"array","minItems":1,"description":"The services the team provides to us.","items":{"type":"object","required":["id","name"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},"name":{"type":"string","minLength":1}}}}}}},"underpinning":{"type":"array","description":"Our agreements as the customer of our suppliers (underpinning contracts) and of our internal teams (operational agreements).","items":{"$ref":"#/components/schemas/UnderpinningConfig"}},"routes":{"type":"array","description":"Which supplier service underpins one of our services, for which call types.","items":{"$ref":"#/components/schemas/RouteConfig"}},"triggers":{"type":"array","description":"Rules that raise triggered calls by themselves: a call of one of `callTypes` under\n`service` that the desk advances onto a trigger step of its own process raising `raise`\n(Agree 6, Change 6, Recover 5, Improve 5) gets that triggered call at once, raised by the\ngateway, and waits for it (as `POST /v1/desk/calls/{id}/triggered` does).\n","items":{"$ref":"#/components/schemas/TriggerRuleConfig"}},"closing":{"type":"object","additionalProperties":false,"description":"How a resolved call's closing steps (review .. evaluate and close) are worked.","properties":{"steps":{"type":"string","enum":["auto","desk"],"default":"auto","description":"`auto`: the gateway works them when the customer confirms the resolution, and the call\ncloses at once. `desk`: the desk works them (advance) and completing evaluate and close\ncloses the call, once the customer confirmed. Either way a call still resolved when the\nagreement's confirmation window (`serviceLevels.confirmationHours`) ends is closed by\nthe gateway.\n"}}},"witness":{"type":"object","additionalProperties":false,"description":"Witnessing the partners' message logs: how often the gateway fetches each partner\ngateway's newest checkpoint and checks it against the last one it kept (docs/protocol.md,\n\"Witnessing\").\n","properties":{"intervalSeconds":{"type":"integer","minimum":0,"maximum":86400,"default":60,"description":"Seconds between looks at every partner gateway's log; 0 turns witnessing off."}}},"evidence":{"type":"object","additionalProperties":false,"description":"Evidence of the gateway's own message log beyond its signed checkpoints.","properties":{"tsa":{"type":"object","required":["url","certificates"],"additionalProperties":false,"description":"RFC 3161 timestamps of the log's checkpoints by a Time Stamping Authority\n(docs/protocol.md, \"Timestamps\"). Without it nothing is stamped and writes never\nwait on a TSA. With it the gateway refuses every write with 503\n`USM_ERR_TIMESTAMPING_UNAVAILABLE` once `maxFailureMinutes` have passed without a\ngood token, and `/readyz` says so, until stamping works again.\n","properties":{"url":{"type":"string","pattern":"^https?://","description":"The TSA's URL; requests are POSTed as `application/timestamp-query`."},"certificates":{"type":"string","minLength":1,"description":"A PEM file of the certificates trusted for the TSA (its CA, or its chain up to one); a token's signer must chain to one of them and carry the timeStamping extended key usage."},"maxFailureMinutes":{"type":"number","minimum":0,"maximum":10080,"default":10,"description":"How long stamping may fail (since the first failed attempt after the last good token) before writes are refused; fractions allowed (0.05 is 3 seconds)."},"intervalSeconds":{"type":"number","minimum":0.05,"maximum":3600,"default":30,"description":"Seconds between looks at the newest checkpoint (also looked at shortly after each commit); a checkpoint without a token is sent to the TSA."},"timeoutMs":{"type":"integer","minimum":100,"maximum":120000,"default":10000,"description":"How long one TSA request may take."}}}}},"attachments":{"type":"object","additionalProperties":false,"description":"Attachments: references a call, a note or a sub-call carries. The gateway fetches each\nreference once, when it arrives, and refuses the message unless the content's size and\nSHA-256 are the declared ones; what it fetched it keeps content-addressed in `folder`\nand serves only to the parties entitled to it (docs/security.md).\n","properties":{"allowedHosts":{"type":"array","maxItems":256,"items":{"type":"string","minLength":1,"maxLength":253,"pattern":"^(\\*\\.)?[A-Za-z0-9.:_-]+$"},"default":[],"description":"Host names (or IP literals) a reference may name; `*.example.org` names every host under example.org. A partner gateway's own URL is always allowed (its downloads, with a read token)."},"allowPrivateAddresses":{"type":"boolean","default":false,"description":"Let an allowed host resolve to a loopback, link-local, private or otherwise internal address. Off, such a reference is refused whatever its name."},"maxBytes":{"type":"integer","minimum":1,"maximum":1073741824,"default":10485760,"description":"The largest attachment the gateway fetches and keeps."},"fetchTimeoutMs":{"type":"integer","minimum":100,"maximum":120000,"default":10000,"description":"How long one fetch may take in all."},"folder":{"type":"string","minLength":1,"default":"./attachments","description":"Where fetched content is kept, one file per SHA-256; relative to the config file. Gateways sharing PostgreSQL need it on a shared file system."}}},"delivery":{"type":"object","additionalProperties":false,"description":"Delivery of signed messages to partner gateways.","properties":{"maxAttempts":{"type":"integer","minimum":1,"maximum":1000,"default":12},"maxAgeSeconds":{"type":"integer","minimum":1,"default":86400},"timeoutMs":{"type":"integer","minimum":100,"maximum":120000,"default":5000},"backoffBaseMs":{"type":"integer","minimum":1,"default":500},"backoffMaxMs":{"type":"integer","minimum":1,"default":60000},"circuitFailureThreshold":{"type":"integer","minimum":1,"default":5},"circuitCooldownMs":{"type":"integer","minimum":1,"default":30000},"connections":{"type":"integer","minimum":1,"maximum":256,"default":32},"batchSize":{"type":"integer","minimum":1,"maximum":64,"default":16,"description":"The most call submissions and updates sent to a partner gateway in one signed batch; 1 sends each on its own."},"leaseMs":{"type":"integer","minimum":100,"default":30000,"description":"How long a replica holds the messages it is sending; when it dies, another replica takes them over after this."}}},"admin":{"type":"object","additionalProperties":false,"properties":{"tokens":{"type":"array","items":{"$ref":"#/components/schemas/TokenConfig"}}}},"desk":{"type":"object","additionalProperties":false,"properties":{"tokens":{"type":"array","items":{"$ref":"#/components/schemas/TokenConfig"}},"idempotencyHours":{"type":"integer","minimum":1,"maximum":720,"default":24,"description":"How long a desk write sent with an Idempotency-Key is remembered, with its answer."}}},"webhooks":{"type":"object","additionalProperties":false,"properties":{"maxAttempts":{"type":"integer","minimum":1,"maximum":100,"default":10},"timeoutMs":{"type":"integer","minimum":100,"maximum":60000,"default":5000},"backoffBaseMs":{"type":"integer","minimum":1,"default":1000},"backoffMaxMs":{"type":"integer","minimum":1,"default":300000}}},"log":{"type":"object","additionalProperties":false,"properties":{"level":{"type":"string","enum":["fatal","error","warn","info","debug","trace","silent"],"default":"info"},"pretty":{"type":"boolean","description":"Readable log lines (pino-pretty) instead of JSON lines. When absent, lines are readable when standard output is a terminal and JSON otherwise."}}},"retention":{"type":"object","additionalProperties":false,"description":"How long what a closed call holds is kept after it ends (closed, cancelled or rejected):\n`default` for every agreement without a `retention` of its own. The purge job runs every\n`intervalSeconds` and removes message bodies, notes' text and requester details whose\ntime is up; the message log's records, digests, signatures, receipts and proofs stay\n(docs/security.md, Retention). Nothing is purged when neither is set.\n","properties":{"default":{"$ref":"#/components/schemas/RetentionPolicy"},"intervalSeconds":{"type":"integer","minimum":1,"maximum":86400,"default":3600,"description":"How often the purge job looks for calls whose time is up."}}},"metrics":{"type":"object","additionalProperties":false,"description":"`GET /metrics` is always served to admin tokens on the main listener; `listen` serves it without a token on an address of its own.","properties":{"listen":{"type":"object","required":["port"],"additionalProperties":false,"properties":{"host":{"type":"string","default":"127.0.0.1","description":"Keep it on loopback or a private network."},"port":{"type":"integer","minimum":0,"maximum":65535}}}}},"deskConnector":{"type":"object","required":["baseUrl","issuer","audience"],"additionalProperties":false,"description":"The provider's desk tool, when it speaks TMF621 (docs/tmf621.md, \"The desk connector\"): every\nopen call is opened there as a trouble ticket, and the tool's status changes and notes are\ntaken back into the call by polling it.\n","properties":{"baseUrl":{"type":"string","pattern":"^https?://","description":"The tool's TMF621 base URL (ending in `/tmf-api/troubleTicket/v5`)."},"issuer":{"type":"string","minLength":1,"description":"Our account at the tool: the `iss` of the JWTs we sign."},"audience":{"type":"string","minLength":1,"description":"The tool's `aud` for those JWTs."},"keyFile":{"type":"string","description":"File holding the private JWK (Ed25519 or P-256","with a `kid`) that signs our JWTs at the tool.":null},"keyEnv":{"type":"string","description":"Environment variable holding that private JWK as JSON."},"service":{"type":"string","minLength":1,"description":"The service to name at the tool (`relatedEntity` role `service`); default none, the tool's only one."},"agreement":{"type":"string","minLength":1,"description":"The agreement to name at the tool (`relatedEntity` role `agreement`)."},"pollMs":{"type":"integer","minimum":100,"maximum":3600000,"default":5000,"description":"How often the tool is asked for news."},"timeoutMs":{"type":"integer","minimum":100,"maximum":60000,"default":5000}}},"console":{"type":"object","additionalProperties":false,"description":"The web console at `/console` (docs/console.md): who may sign in, and how long a session lasts. Desk and admin tokens always sign in too.","properties":{"accounts":{"type":"array","description":"People who sign in by name, each with a password hash or a personal token, and their roles.","items":{"$ref":"#/components/schemas/ConsoleAccount"}},"sessionMinutes":{"type":"integer","minimum":5,"maximum":10080,"default":480,"description":"A session ends this long after sign-in (or at sign-out, or when the gateway restarts)."},"signInAttemptsPerMinute":{"type":"integer","minimum":1,"maximum":1000,"default":10,"description":"Failed sign-in attempts allowed per name and per client address, in a minute (the same number at once); once they are used up, sign-ins get 429 with Retry-After."}}},"network":{"type":"object","additionalProperties":false,"description":"The signed network directory of the chain's operator (docs/directory.md).","properties":{"serveFile":{"type":"string","description":"A signed directory (`usm-link network publish`) this gateway serves at `/.well-known/usm-link-directory`, read on every request so a newly published file is served without a restart."},"url":{"type":"string","pattern":"^https?://","description":"Follow the operator's signed directory published here (docs/directory.md): this gateway\nfetches it every `refreshSeconds`, checks the operator's signature, that its sequence\nnever goes back and that it has not expired, and takes its partners' URLs, keys and\nroles from it. A partner entry under `partners` may then omit its keys (they come from\nthe directory) and only narrows what the directory allows (roles, keys); a partner that is\nno member of the network (a customer without a gateway) stays as configured.\n"},"operatorKeys":{"description":"The operator's public keys (two during a rotation of the operator's key), a JWKS file or inline. Required with `url`.","oneOf":[{"type":"string","description":"A file with the operator's public JWKS."},{"type":"object","required":["keys"],"properties":{"keys":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":true}}}}]},"refreshSeconds":{"type":"integer","minimum":1,"maximum":86400,"default":300,"description":"How often the directory is fetched (with several replicas on PostgreSQL, one replica fetches and the others read the document it stored)."}}}}};
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
if(data.sqlite !== undefined){
let data14 = data.sqlite;
const _errs34 = errors;
if(errors === _errs34){
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.cacheMb === undefined){
data14.cacheMb = 4;
}
const _errs36 = errors;
for(const key4 in data14){
if(!(key4 === "cacheMb")){
validate12.errors = [{instancePath:instancePath+"/sqlite",schemaPath:"#/properties/sqlite/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs36 === errors){
let data15 = data14.cacheMb;
const _errs37 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate12.errors = [{instancePath:instancePath+"/sqlite/cacheMb",schemaPath:"#/properties/sqlite/properties/cacheMb/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs37){
if(typeof data15 == "number"){
if(data15 > 4096 || isNaN(data15)){
validate12.errors = [{instancePath:instancePath+"/sqlite/cacheMb",schemaPath:"#/properties/sqlite/properties/cacheMb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4096},message:"must be <= 4096"}];
return false;
}
else {
if(data15 < 1 || isNaN(data15)){
validate12.errors = [{instancePath:instancePath+"/sqlite/cacheMb",schemaPath:"#/properties/sqlite/properties/cacheMb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/sqlite",schemaPath:"#/properties/sqlite/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.postgres !== undefined){
let data16 = data.postgres;
const _errs39 = errors;
if(errors === _errs39){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.poolSize === undefined){
data16.poolSize = 10;
}
if(data16.timeoutMs === undefined){
data16.timeoutMs = 5000;
}
const _errs41 = errors;
for(const key5 in data16){
if(!((key5 === "poolSize") || (key5 === "timeoutMs"))){
validate12.errors = [{instancePath:instancePath+"/postgres",schemaPath:"#/properties/postgres/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs41 === errors){
let data17 = data16.poolSize;
const _errs42 = errors;
if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){
validate12.errors = [{instancePath:instancePath+"/postgres/poolSize",schemaPath:"#/properties/postgres/properties/poolSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs42){
if(typeof data17 == "number"){
if(data17 > 500 || isNaN(data17)){
validate12.errors = [{instancePath:instancePath+"/postgres/poolSize",schemaPath:"#/properties/postgres/properties/poolSize/maximum",keyword:"maximum",params:{comparison: "<=", limit: 500},message:"must be <= 500"}];
return false;
}
else {
if(data17 < 1 || isNaN(data17)){
validate12.errors = [{instancePath:instancePath+"/postgres/poolSize",schemaPath:"#/properties/postgres/properties/poolSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid6 = _errs42 === errors;
if(valid6){
let data18 = data16.timeoutMs;
const _errs44 = errors;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
validate12.errors = [{instancePath:instancePath+"/postgres/timeoutMs",schemaPath:"#/properties/postgres/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs44){
if(typeof data18 == "number"){
if(data18 < 100 || isNaN(data18)){
validate12.errors = [{instancePath:instancePath+"/postgres/timeoutMs",schemaPath:"#/properties/postgres/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
var valid6 = _errs44 === errors;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/postgres",schemaPath:"#/properties/postgres/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs39 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signing !== undefined){
let data19 = data.signing;
const _errs46 = errors;
const _errs47 = errors;
if(errors === _errs47){
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.createIfMissing === undefined){
data19.createIfMissing = false;
}
if(data19.retireAfterSeconds === undefined){
data19.retireAfterSeconds = 604800;
}
const _errs49 = errors;
for(const key6 in data19){
if(!((((((key6 === "keyFile") || (key6 === "keyEnv")) || (key6 === "createIfMissing")) || (key6 === "publishKeyFiles")) || (key6 === "next")) || (key6 === "retireAfterSeconds"))){
validate12.errors = [{instancePath:instancePath+"/signing",schemaPath:"#/components/schemas/SigningConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs49 === errors){
if(data19.keyFile !== undefined){
const _errs50 = errors;
if(typeof data19.keyFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/keyFile",schemaPath:"#/components/schemas/SigningConfig/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs50 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data19.keyEnv !== undefined){
const _errs52 = errors;
if(typeof data19.keyEnv !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/keyEnv",schemaPath:"#/components/schemas/SigningConfig/properties/keyEnv/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs52 === errors;
}
else {
var valid8 = true;
}
if(valid8){
const _errs54 = errors;
if(typeof data19.createIfMissing !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/signing/createIfMissing",schemaPath:"#/components/schemas/SigningConfig/properties/createIfMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid8 = _errs54 === errors;
if(valid8){
if(data19.publishKeyFiles !== undefined){
let data23 = data19.publishKeyFiles;
const _errs56 = errors;
if(errors === _errs56){
if(Array.isArray(data23)){
var valid9 = true;
const len0 = data23.length;
for(let i0=0; i0<len0; i0++){
const _errs58 = errors;
if(typeof data23[i0] !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/publishKeyFiles/" + i0,schemaPath:"#/components/schemas/SigningConfig/properties/publishKeyFiles/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid9 = _errs58 === errors;
if(!valid9){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/signing/publishKeyFiles",schemaPath:"#/components/schemas/SigningConfig/properties/publishKeyFiles/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid8 = _errs56 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data19.next !== undefined){
let data25 = data19.next;
const _errs60 = errors;
if(errors === _errs60){
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
let missing3;
if(((data25.keyFile === undefined) && (missing3 = "keyFile")) || ((data25.activateAt === undefined) && (missing3 = "activateAt"))){
validate12.errors = [{instancePath:instancePath+"/signing/next",schemaPath:"#/components/schemas/SigningConfig/properties/next/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs62 = errors;
for(const key7 in data25){
if(!((key7 === "keyFile") || (key7 === "activateAt"))){
validate12.errors = [{instancePath:instancePath+"/signing/next",schemaPath:"#/components/schemas/SigningConfig/properties/next/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs62 === errors){
if(data25.keyFile !== undefined){
const _errs63 = errors;
if(typeof data25.keyFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/signing/next/keyFile",schemaPath:"#/components/schemas/SigningConfig/properties/next/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs63 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data25.activateAt !== undefined){
let data27 = data25.activateAt;
const _errs65 = errors;
if(errors === _errs65){
if(typeof data27 === "string"){
if(func3(data27) < 1){
validate12.errors = [{instancePath:instancePath+"/signing/next/activateAt",schemaPath:"#/components/schemas/SigningConfig/properties/next/properties/activateAt/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/signing/next/activateAt",schemaPath:"#/components/schemas/SigningConfig/properties/next/properties/activateAt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid10 = _errs65 === errors;
}
else {
var valid10 = true;
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
var valid8 = _errs60 === errors;
}
else {
var valid8 = true;
}
if(valid8){
let data28 = data19.retireAfterSeconds;
const _errs67 = errors;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
validate12.errors = [{instancePath:instancePath+"/signing/retireAfterSeconds",schemaPath:"#/components/schemas/SigningConfig/properties/retireAfterSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs67){
if(typeof data28 == "number"){
if(data28 < 0 || isNaN(data28)){
validate12.errors = [{instancePath:instancePath+"/signing/retireAfterSeconds",schemaPath:"#/components/schemas/SigningConfig/properties/retireAfterSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs67 === errors;
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
var valid0 = _errs46 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.security !== undefined){
let data29 = data.security;
const _errs69 = errors;
if(errors === _errs69){
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.algorithms === undefined){
data29.algorithms = ["EdDSA","ES256"];
}
if(data29.messageWindowSeconds === undefined){
data29.messageWindowSeconds = 300;
}
if(data29.readTokenMaxLifetimeSeconds === undefined){
data29.readTokenMaxLifetimeSeconds = 300;
}
const _errs71 = errors;
for(const key8 in data29){
if(!(((key8 === "algorithms") || (key8 === "messageWindowSeconds")) || (key8 === "readTokenMaxLifetimeSeconds"))){
validate12.errors = [{instancePath:instancePath+"/security",schemaPath:"#/properties/security/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs71 === errors){
let data30 = data29.algorithms;
const _errs72 = errors;
if(errors === _errs72){
if(Array.isArray(data30)){
if(data30.length < 1){
validate12.errors = [{instancePath:instancePath+"/security/algorithms",schemaPath:"#/properties/security/properties/algorithms/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid12 = true;
const len1 = data30.length;
for(let i1=0; i1<len1; i1++){
let data31 = data30[i1];
const _errs74 = errors;
if(typeof data31 !== "string"){
validate12.errors = [{instancePath:instancePath+"/security/algorithms/" + i1,schemaPath:"#/properties/security/properties/algorithms/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data31 === "EdDSA") || (data31 === "ES256"))){
validate12.errors = [{instancePath:instancePath+"/security/algorithms/" + i1,schemaPath:"#/properties/security/properties/algorithms/items/enum",keyword:"enum",params:{allowedValues: schema13.properties.security.properties.algorithms.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid12 = _errs74 === errors;
if(!valid12){
break;
}
}
if(valid12){
let i2 = data30.length;
let j0;
if(i2 > 1){
const indices0 = {};
for(;i2--;){
let item0 = data30[i2];
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
var valid11 = _errs72 === errors;
if(valid11){
let data32 = data29.messageWindowSeconds;
const _errs76 = errors;
if(!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))){
validate12.errors = [{instancePath:instancePath+"/security/messageWindowSeconds",schemaPath:"#/properties/security/properties/messageWindowSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs76){
if(typeof data32 == "number"){
if(data32 > 86400 || isNaN(data32)){
validate12.errors = [{instancePath:instancePath+"/security/messageWindowSeconds",schemaPath:"#/properties/security/properties/messageWindowSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data32 < 1 || isNaN(data32)){
validate12.errors = [{instancePath:instancePath+"/security/messageWindowSeconds",schemaPath:"#/properties/security/properties/messageWindowSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid11 = _errs76 === errors;
if(valid11){
let data33 = data29.readTokenMaxLifetimeSeconds;
const _errs78 = errors;
if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){
validate12.errors = [{instancePath:instancePath+"/security/readTokenMaxLifetimeSeconds",schemaPath:"#/properties/security/properties/readTokenMaxLifetimeSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs78){
if(typeof data33 == "number"){
if(data33 > 3600 || isNaN(data33)){
validate12.errors = [{instancePath:instancePath+"/security/readTokenMaxLifetimeSeconds",schemaPath:"#/properties/security/properties/readTokenMaxLifetimeSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"}];
return false;
}
else {
if(data33 < 1 || isNaN(data33)){
validate12.errors = [{instancePath:instancePath+"/security/readTokenMaxLifetimeSeconds",schemaPath:"#/properties/security/properties/readTokenMaxLifetimeSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid11 = _errs78 === errors;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/security",schemaPath:"#/properties/security/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs69 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limits !== undefined){
let data34 = data.limits;
const _errs80 = errors;
if(errors === _errs80){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
if(data34.bodyBytes === undefined){
data34.bodyBytes = 262144;
}
if(data34.requestTimeoutMs === undefined){
data34.requestTimeoutMs = 30000;
}
if(data34.partnerRequestsPerSecond === undefined){
data34.partnerRequestsPerSecond = 50;
}
if(data34.partnerBurst === undefined){
data34.partnerBurst = 200;
}
const _errs82 = errors;
for(const key9 in data34){
if(!((((key9 === "bodyBytes") || (key9 === "requestTimeoutMs")) || (key9 === "partnerRequestsPerSecond")) || (key9 === "partnerBurst"))){
validate12.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs82 === errors){
let data35 = data34.bodyBytes;
const _errs83 = errors;
if(!((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35)))){
validate12.errors = [{instancePath:instancePath+"/limits/bodyBytes",schemaPath:"#/properties/limits/properties/bodyBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs83){
if(typeof data35 == "number"){
if(data35 > 10485760 || isNaN(data35)){
validate12.errors = [{instancePath:instancePath+"/limits/bodyBytes",schemaPath:"#/properties/limits/properties/bodyBytes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10485760},message:"must be <= 10485760"}];
return false;
}
else {
if(data35 < 1024 || isNaN(data35)){
validate12.errors = [{instancePath:instancePath+"/limits/bodyBytes",schemaPath:"#/properties/limits/properties/bodyBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1024},message:"must be >= 1024"}];
return false;
}
}
}
}
var valid14 = _errs83 === errors;
if(valid14){
let data36 = data34.requestTimeoutMs;
const _errs85 = errors;
if(!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))){
validate12.errors = [{instancePath:instancePath+"/limits/requestTimeoutMs",schemaPath:"#/properties/limits/properties/requestTimeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs85){
if(typeof data36 == "number"){
if(data36 < 100 || isNaN(data36)){
validate12.errors = [{instancePath:instancePath+"/limits/requestTimeoutMs",schemaPath:"#/properties/limits/properties/requestTimeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
var valid14 = _errs85 === errors;
if(valid14){
let data37 = data34.partnerRequestsPerSecond;
const _errs87 = errors;
if(errors === _errs87){
if(typeof data37 == "number"){
if(data37 < 0.1 || isNaN(data37)){
validate12.errors = [{instancePath:instancePath+"/limits/partnerRequestsPerSecond",schemaPath:"#/properties/limits/properties/partnerRequestsPerSecond/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.1},message:"must be >= 0.1"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/limits/partnerRequestsPerSecond",schemaPath:"#/properties/limits/properties/partnerRequestsPerSecond/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid14 = _errs87 === errors;
if(valid14){
let data38 = data34.partnerBurst;
const _errs89 = errors;
if(!((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38)))){
validate12.errors = [{instancePath:instancePath+"/limits/partnerBurst",schemaPath:"#/properties/limits/properties/partnerBurst/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs89){
if(typeof data38 == "number"){
if(data38 < 1 || isNaN(data38)){
validate12.errors = [{instancePath:instancePath+"/limits/partnerBurst",schemaPath:"#/properties/limits/properties/partnerBurst/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid14 = _errs89 === errors;
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
var valid0 = _errs80 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.services !== undefined){
let data39 = data.services;
const _errs91 = errors;
if(errors === _errs91){
if(Array.isArray(data39)){
var valid15 = true;
const len2 = data39.length;
for(let i3=0; i3<len2; i3++){
let data40 = data39[i3];
const _errs93 = errors;
if(errors === _errs93){
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
let missing4;
if(((data40.id === undefined) && (missing4 = "id")) || ((data40.name === undefined) && (missing4 = "name"))){
validate12.errors = [{instancePath:instancePath+"/services/" + i3,schemaPath:"#/properties/services/items/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs95 = errors;
for(const key10 in data40){
if(!(((key10 === "id") || (key10 === "name")) || (key10 === "description"))){
validate12.errors = [{instancePath:instancePath+"/services/" + i3,schemaPath:"#/properties/services/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs95 === errors){
if(data40.id !== undefined){
let data41 = data40.id;
const _errs96 = errors;
if(errors === _errs96){
if(typeof data41 === "string"){
if(!pattern3.test(data41)){
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/id",schemaPath:"#/properties/services/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/id",schemaPath:"#/properties/services/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid16 = _errs96 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data40.name !== undefined){
let data42 = data40.name;
const _errs98 = errors;
if(errors === _errs98){
if(typeof data42 === "string"){
if(func3(data42) < 1){
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/name",schemaPath:"#/properties/services/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/name",schemaPath:"#/properties/services/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid16 = _errs98 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data40.description !== undefined){
const _errs100 = errors;
if(typeof data40.description !== "string"){
validate12.errors = [{instancePath:instancePath+"/services/" + i3+"/description",schemaPath:"#/properties/services/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid16 = _errs100 === errors;
}
else {
var valid16 = true;
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
var valid15 = _errs93 === errors;
if(!valid15){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs91 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.partners !== undefined){
let data44 = data.partners;
const _errs102 = errors;
if(errors === _errs102){
if(Array.isArray(data44)){
var valid17 = true;
const len3 = data44.length;
for(let i4=0; i4<len3; i4++){
const _errs104 = errors;
if(!(validate13(data44[i4], {instancePath:instancePath+"/partners/" + i4,parentData:data44,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
var valid17 = _errs104 === errors;
if(!valid17){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/partners",schemaPath:"#/properties/partners/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs102 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.agreements !== undefined){
let data46 = data.agreements;
const _errs105 = errors;
if(errors === _errs105){
if(Array.isArray(data46)){
var valid18 = true;
const len4 = data46.length;
for(let i5=0; i5<len4; i5++){
const _errs107 = errors;
if(!(validate15(data46[i5], {instancePath:instancePath+"/agreements/" + i5,parentData:data46,parentDataProperty:i5,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
var valid18 = _errs107 === errors;
if(!valid18){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/agreements",schemaPath:"#/properties/agreements/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs105 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.teams !== undefined){
let data48 = data.teams;
const _errs108 = errors;
if(errors === _errs108){
if(Array.isArray(data48)){
var valid19 = true;
const len5 = data48.length;
for(let i6=0; i6<len5; i6++){
let data49 = data48[i6];
const _errs110 = errors;
if(errors === _errs110){
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
let missing5;
if((((data49.id === undefined) && (missing5 = "id")) || ((data49.name === undefined) && (missing5 = "name"))) || ((data49.services === undefined) && (missing5 = "services"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6,schemaPath:"#/properties/teams/items/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs112 = errors;
for(const key11 in data49){
if(!(((key11 === "id") || (key11 === "name")) || (key11 === "services"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6,schemaPath:"#/properties/teams/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs112 === errors){
if(data49.id !== undefined){
let data50 = data49.id;
const _errs113 = errors;
if(errors === _errs113){
if(typeof data50 === "string"){
if(!pattern0.test(data50)){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/id",schemaPath:"#/properties/teams/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]{0,62}$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]{0,62}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/id",schemaPath:"#/properties/teams/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid20 = _errs113 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data49.name !== undefined){
let data51 = data49.name;
const _errs115 = errors;
if(errors === _errs115){
if(typeof data51 === "string"){
if(func3(data51) < 1){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/name",schemaPath:"#/properties/teams/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/name",schemaPath:"#/properties/teams/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid20 = _errs115 === errors;
}
else {
var valid20 = true;
}
if(valid20){
if(data49.services !== undefined){
let data52 = data49.services;
const _errs117 = errors;
if(errors === _errs117){
if(Array.isArray(data52)){
if(data52.length < 1){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services",schemaPath:"#/properties/teams/items/properties/services/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid21 = true;
const len6 = data52.length;
for(let i7=0; i7<len6; i7++){
let data53 = data52[i7];
const _errs119 = errors;
if(errors === _errs119){
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
let missing6;
if(((data53.id === undefined) && (missing6 = "id")) || ((data53.name === undefined) && (missing6 = "name"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7,schemaPath:"#/properties/teams/items/properties/services/items/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs121 = errors;
for(const key12 in data53){
if(!((key12 === "id") || (key12 === "name"))){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7,schemaPath:"#/properties/teams/items/properties/services/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs121 === errors){
if(data53.id !== undefined){
let data54 = data53.id;
const _errs122 = errors;
if(errors === _errs122){
if(typeof data54 === "string"){
if(!pattern3.test(data54)){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/id",schemaPath:"#/properties/teams/items/properties/services/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/id",schemaPath:"#/properties/teams/items/properties/services/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid22 = _errs122 === errors;
}
else {
var valid22 = true;
}
if(valid22){
if(data53.name !== undefined){
let data55 = data53.name;
const _errs124 = errors;
if(errors === _errs124){
if(typeof data55 === "string"){
if(func3(data55) < 1){
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/name",schemaPath:"#/properties/teams/items/properties/services/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams/" + i6+"/services/" + i7+"/name",schemaPath:"#/properties/teams/items/properties/services/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid22 = _errs124 === errors;
}
else {
var valid22 = true;
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
var valid21 = _errs119 === errors;
if(!valid21){
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
var valid20 = _errs117 === errors;
}
else {
var valid20 = true;
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
var valid19 = _errs110 === errors;
if(!valid19){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/teams",schemaPath:"#/properties/teams/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs108 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.underpinning !== undefined){
let data56 = data.underpinning;
const _errs126 = errors;
if(errors === _errs126){
if(Array.isArray(data56)){
var valid23 = true;
const len7 = data56.length;
for(let i8=0; i8<len7; i8++){
const _errs128 = errors;
if(!(validate19(data56[i8], {instancePath:instancePath+"/underpinning/" + i8,parentData:data56,parentDataProperty:i8,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
var valid23 = _errs128 === errors;
if(!valid23){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/underpinning",schemaPath:"#/properties/underpinning/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs126 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.routes !== undefined){
let data58 = data.routes;
const _errs129 = errors;
if(errors === _errs129){
if(Array.isArray(data58)){
var valid24 = true;
const len8 = data58.length;
for(let i9=0; i9<len8; i9++){
let data59 = data58[i9];
const _errs131 = errors;
const _errs132 = errors;
if(errors === _errs132){
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
if(data59.mode === undefined){
data59.mode = "manual";
}
if(data59.onSupplierResolved === undefined){
data59.onSupplierResolved = "resume";
}
if(data59.relayNotes === undefined){
data59.relayNotes = false;
}
let missing7;
if(((((data59.service === undefined) && (missing7 = "service")) || ((data59.supplier === undefined) && (missing7 = "supplier"))) || ((data59.supplierService === undefined) && (missing7 = "supplierService"))) || ((data59.agreement === undefined) && (missing7 = "agreement"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9,schemaPath:"#/components/schemas/RouteConfig/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"}];
return false;
}
else {
const _errs134 = errors;
for(const key13 in data59){
if(!(func2.call(schema28.properties, key13))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9,schemaPath:"#/components/schemas/RouteConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs134 === errors){
if(data59.service !== undefined){
const _errs135 = errors;
if(typeof data59.service !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/service",schemaPath:"#/components/schemas/RouteConfig/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid26 = _errs135 === errors;
}
else {
var valid26 = true;
}
if(valid26){
if(data59.supplier !== undefined){
const _errs137 = errors;
if(typeof data59.supplier !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/supplier",schemaPath:"#/components/schemas/RouteConfig/properties/supplier/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid26 = _errs137 === errors;
}
else {
var valid26 = true;
}
if(valid26){
if(data59.supplierService !== undefined){
const _errs139 = errors;
if(typeof data59.supplierService !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/supplierService",schemaPath:"#/components/schemas/RouteConfig/properties/supplierService/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid26 = _errs139 === errors;
}
else {
var valid26 = true;
}
if(valid26){
if(data59.agreement !== undefined){
const _errs141 = errors;
if(typeof data59.agreement !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/agreement",schemaPath:"#/components/schemas/RouteConfig/properties/agreement/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid26 = _errs141 === errors;
}
else {
var valid26 = true;
}
if(valid26){
if(data59.callTypes !== undefined){
let data64 = data59.callTypes;
const _errs143 = errors;
if(errors === _errs143){
if(Array.isArray(data64)){
var valid27 = true;
const len9 = data64.length;
for(let i10=0; i10<len9; i10++){
let data65 = data64[i10];
const _errs145 = errors;
if(typeof data65 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/callTypes/" + i10,schemaPath:"#/components/schemas/RouteConfig/properties/callTypes/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data65 === "wish") || (data65 === "rfc")) || (data65 === "service_request")) || (data65 === "incident")) || (data65 === "risk"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/callTypes/" + i10,schemaPath:"#/components/schemas/RouteConfig/properties/callTypes/items/enum",keyword:"enum",params:{allowedValues: schema28.properties.callTypes.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid27 = _errs145 === errors;
if(!valid27){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/callTypes",schemaPath:"#/components/schemas/RouteConfig/properties/callTypes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid26 = _errs143 === errors;
}
else {
var valid26 = true;
}
if(valid26){
let data66 = data59.mode;
const _errs147 = errors;
if(typeof data66 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/mode",schemaPath:"#/components/schemas/RouteConfig/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data66 === "manual") || (data66 === "auto"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/mode",schemaPath:"#/components/schemas/RouteConfig/properties/mode/enum",keyword:"enum",params:{allowedValues: schema28.properties.mode.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid26 = _errs147 === errors;
if(valid26){
if(data59.at !== undefined){
let data67 = data59.at;
const _errs149 = errors;
if(errors === _errs149){
if(data67 && typeof data67 == "object" && !Array.isArray(data67)){
let missing8;
if(((data67.process === undefined) && (missing8 = "process")) || ((data67.step === undefined) && (missing8 = "step"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at",schemaPath:"#/components/schemas/RouteConfig/properties/at/required",keyword:"required",params:{missingProperty: missing8},message:"must have required property '"+missing8+"'"}];
return false;
}
else {
const _errs151 = errors;
for(const key14 in data67){
if(!((key14 === "process") || (key14 === "step"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at",schemaPath:"#/components/schemas/RouteConfig/properties/at/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs151 === errors){
if(data67.process !== undefined){
let data68 = data67.process;
const _errs152 = errors;
if(typeof data68 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/process",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/process/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data68 === "agree") || (data68 === "change")) || (data68 === "recover")) || (data68 === "operate")) || (data68 === "improve"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/process",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/process/enum",keyword:"enum",params:{allowedValues: schema28.properties.at.properties.process.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid28 = _errs152 === errors;
}
else {
var valid28 = true;
}
if(valid28){
if(data67.step !== undefined){
let data69 = data67.step;
const _errs154 = errors;
if(!((typeof data69 == "number") && (!(data69 % 1) && !isNaN(data69)))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/step",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/step/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs154){
if(typeof data69 == "number"){
if(data69 < 1 || isNaN(data69)){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/at/step",schemaPath:"#/components/schemas/RouteConfig/properties/at/properties/step/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid28 = _errs154 === errors;
}
else {
var valid28 = true;
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
var valid26 = _errs149 === errors;
}
else {
var valid26 = true;
}
if(valid26){
if(data59.subCallType !== undefined){
let data70 = data59.subCallType;
const _errs156 = errors;
if(typeof data70 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/subCallType",schemaPath:"#/components/schemas/RouteConfig/properties/subCallType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data70 === "wish") || (data70 === "rfc")) || (data70 === "service_request")) || (data70 === "incident")) || (data70 === "risk"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/subCallType",schemaPath:"#/components/schemas/RouteConfig/properties/subCallType/enum",keyword:"enum",params:{allowedValues: schema28.properties.subCallType.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid26 = _errs156 === errors;
}
else {
var valid26 = true;
}
if(valid26){
let data71 = data59.onSupplierResolved;
const _errs158 = errors;
if(typeof data71 !== "string"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/onSupplierResolved",schemaPath:"#/components/schemas/RouteConfig/properties/onSupplierResolved/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data71 === "resume") || (data71 === "resolve"))){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/onSupplierResolved",schemaPath:"#/components/schemas/RouteConfig/properties/onSupplierResolved/enum",keyword:"enum",params:{allowedValues: schema28.properties.onSupplierResolved.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid26 = _errs158 === errors;
if(valid26){
const _errs160 = errors;
if(typeof data59.relayNotes !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/routes/" + i9+"/relayNotes",schemaPath:"#/components/schemas/RouteConfig/properties/relayNotes/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid26 = _errs160 === errors;
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
var valid24 = _errs131 === errors;
if(!valid24){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/routes",schemaPath:"#/properties/routes/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs129 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.triggers !== undefined){
let data73 = data.triggers;
const _errs162 = errors;
if(errors === _errs162){
if(Array.isArray(data73)){
var valid29 = true;
const len10 = data73.length;
for(let i11=0; i11<len10; i11++){
let data74 = data73[i11];
const _errs164 = errors;
const _errs165 = errors;
if(errors === _errs165){
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
let missing9;
if((((data74.service === undefined) && (missing9 = "service")) || ((data74.callTypes === undefined) && (missing9 = "callTypes"))) || ((data74.raise === undefined) && (missing9 = "raise"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11,schemaPath:"#/components/schemas/TriggerRuleConfig/required",keyword:"required",params:{missingProperty: missing9},message:"must have required property '"+missing9+"'"}];
return false;
}
else {
const _errs167 = errors;
for(const key15 in data74){
if(!((((key15 === "service") || (key15 === "callTypes")) || (key15 === "raise")) || (key15 === "agreement"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11,schemaPath:"#/components/schemas/TriggerRuleConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs167 === errors){
if(data74.service !== undefined){
const _errs168 = errors;
if(typeof data74.service !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/service",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid31 = _errs168 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data74.callTypes !== undefined){
let data76 = data74.callTypes;
const _errs170 = errors;
if(errors === _errs170){
if(Array.isArray(data76)){
if(data76.length < 1){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid32 = true;
const len11 = data76.length;
for(let i12=0; i12<len11; i12++){
let data77 = data76[i12];
const _errs172 = errors;
if(typeof data77 !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes/" + i12,schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data77 === "wish") || (data77 === "rfc")) || (data77 === "incident")) || (data77 === "risk"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/callTypes/" + i12,schemaPath:"#/components/schemas/TriggerRuleConfig/properties/callTypes/items/enum",keyword:"enum",params:{allowedValues: schema29.properties.callTypes.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid32 = _errs172 === errors;
if(!valid32){
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
var valid31 = _errs170 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data74.raise !== undefined){
let data78 = data74.raise;
const _errs174 = errors;
if(typeof data78 !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/raise",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/raise/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data78 === "wish") || (data78 === "rfc")) || (data78 === "service_request"))){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/raise",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/raise/enum",keyword:"enum",params:{allowedValues: schema29.properties.raise.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid31 = _errs174 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data74.agreement !== undefined){
const _errs176 = errors;
if(typeof data74.agreement !== "string"){
validate12.errors = [{instancePath:instancePath+"/triggers/" + i11+"/agreement",schemaPath:"#/components/schemas/TriggerRuleConfig/properties/agreement/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid31 = _errs176 === errors;
}
else {
var valid31 = true;
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
var valid29 = _errs164 === errors;
if(!valid29){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/triggers",schemaPath:"#/properties/triggers/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs162 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.closing !== undefined){
let data80 = data.closing;
const _errs178 = errors;
if(errors === _errs178){
if(data80 && typeof data80 == "object" && !Array.isArray(data80)){
if(data80.steps === undefined){
data80.steps = "auto";
}
const _errs180 = errors;
for(const key16 in data80){
if(!(key16 === "steps")){
validate12.errors = [{instancePath:instancePath+"/closing",schemaPath:"#/properties/closing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs180 === errors){
let data81 = data80.steps;
if(typeof data81 !== "string"){
validate12.errors = [{instancePath:instancePath+"/closing/steps",schemaPath:"#/properties/closing/properties/steps/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data81 === "auto") || (data81 === "desk"))){
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
var valid0 = _errs178 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.witness !== undefined){
let data82 = data.witness;
const _errs183 = errors;
if(errors === _errs183){
if(data82 && typeof data82 == "object" && !Array.isArray(data82)){
if(data82.intervalSeconds === undefined){
data82.intervalSeconds = 60;
}
const _errs185 = errors;
for(const key17 in data82){
if(!(key17 === "intervalSeconds")){
validate12.errors = [{instancePath:instancePath+"/witness",schemaPath:"#/properties/witness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs185 === errors){
let data83 = data82.intervalSeconds;
const _errs186 = errors;
if(!((typeof data83 == "number") && (!(data83 % 1) && !isNaN(data83)))){
validate12.errors = [{instancePath:instancePath+"/witness/intervalSeconds",schemaPath:"#/properties/witness/properties/intervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs186){
if(typeof data83 == "number"){
if(data83 > 86400 || isNaN(data83)){
validate12.errors = [{instancePath:instancePath+"/witness/intervalSeconds",schemaPath:"#/properties/witness/properties/intervalSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data83 < 0 || isNaN(data83)){
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
var valid0 = _errs183 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.evidence !== undefined){
let data84 = data.evidence;
const _errs188 = errors;
if(errors === _errs188){
if(data84 && typeof data84 == "object" && !Array.isArray(data84)){
const _errs190 = errors;
for(const key18 in data84){
if(!(key18 === "tsa")){
validate12.errors = [{instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs190 === errors){
if(data84.tsa !== undefined){
let data85 = data84.tsa;
const _errs191 = errors;
if(errors === _errs191){
if(data85 && typeof data85 == "object" && !Array.isArray(data85)){
if(data85.maxFailureMinutes === undefined){
data85.maxFailureMinutes = 10;
}
if(data85.intervalSeconds === undefined){
data85.intervalSeconds = 30;
}
if(data85.timeoutMs === undefined){
data85.timeoutMs = 10000;
}
let missing10;
if(((data85.url === undefined) && (missing10 = "url")) || ((data85.certificates === undefined) && (missing10 = "certificates"))){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa",schemaPath:"#/properties/evidence/properties/tsa/required",keyword:"required",params:{missingProperty: missing10},message:"must have required property '"+missing10+"'"}];
return false;
}
else {
const _errs193 = errors;
for(const key19 in data85){
if(!(((((key19 === "url") || (key19 === "certificates")) || (key19 === "maxFailureMinutes")) || (key19 === "intervalSeconds")) || (key19 === "timeoutMs"))){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa",schemaPath:"#/properties/evidence/properties/tsa/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs193 === errors){
if(data85.url !== undefined){
let data86 = data85.url;
const _errs194 = errors;
if(errors === _errs194){
if(typeof data86 === "string"){
if(!pattern1.test(data86)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/url",schemaPath:"#/properties/evidence/properties/tsa/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/url",schemaPath:"#/properties/evidence/properties/tsa/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid36 = _errs194 === errors;
}
else {
var valid36 = true;
}
if(valid36){
if(data85.certificates !== undefined){
let data87 = data85.certificates;
const _errs196 = errors;
if(errors === _errs196){
if(typeof data87 === "string"){
if(func3(data87) < 1){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/certificates",schemaPath:"#/properties/evidence/properties/tsa/properties/certificates/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/certificates",schemaPath:"#/properties/evidence/properties/tsa/properties/certificates/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid36 = _errs196 === errors;
}
else {
var valid36 = true;
}
if(valid36){
let data88 = data85.maxFailureMinutes;
const _errs198 = errors;
if(errors === _errs198){
if(typeof data88 == "number"){
if(data88 > 10080 || isNaN(data88)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/maxFailureMinutes",schemaPath:"#/properties/evidence/properties/tsa/properties/maxFailureMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080"}];
return false;
}
else {
if(data88 < 0 || isNaN(data88)){
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
var valid36 = _errs198 === errors;
if(valid36){
let data89 = data85.intervalSeconds;
const _errs200 = errors;
if(errors === _errs200){
if(typeof data89 == "number"){
if(data89 > 3600 || isNaN(data89)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/intervalSeconds",schemaPath:"#/properties/evidence/properties/tsa/properties/intervalSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600"}];
return false;
}
else {
if(data89 < 0.05 || isNaN(data89)){
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
var valid36 = _errs200 === errors;
if(valid36){
let data90 = data85.timeoutMs;
const _errs202 = errors;
if(!((typeof data90 == "number") && (!(data90 % 1) && !isNaN(data90)))){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/timeoutMs",schemaPath:"#/properties/evidence/properties/tsa/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs202){
if(typeof data90 == "number"){
if(data90 > 120000 || isNaN(data90)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/timeoutMs",schemaPath:"#/properties/evidence/properties/tsa/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120000},message:"must be <= 120000"}];
return false;
}
else {
if(data90 < 100 || isNaN(data90)){
validate12.errors = [{instancePath:instancePath+"/evidence/tsa/timeoutMs",schemaPath:"#/properties/evidence/properties/tsa/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid36 = _errs202 === errors;
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
var valid0 = _errs188 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.attachments !== undefined){
let data91 = data.attachments;
const _errs204 = errors;
if(errors === _errs204){
if(data91 && typeof data91 == "object" && !Array.isArray(data91)){
if(data91.allowedHosts === undefined){
data91.allowedHosts = [];
}
if(data91.allowPrivateAddresses === undefined){
data91.allowPrivateAddresses = false;
}
if(data91.maxBytes === undefined){
data91.maxBytes = 10485760;
}
if(data91.fetchTimeoutMs === undefined){
data91.fetchTimeoutMs = 10000;
}
if(data91.folder === undefined){
data91.folder = "./attachments";
}
const _errs206 = errors;
for(const key20 in data91){
if(!(((((key20 === "allowedHosts") || (key20 === "allowPrivateAddresses")) || (key20 === "maxBytes")) || (key20 === "fetchTimeoutMs")) || (key20 === "folder"))){
validate12.errors = [{instancePath:instancePath+"/attachments",schemaPath:"#/properties/attachments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs206 === errors){
let data92 = data91.allowedHosts;
const _errs207 = errors;
if(errors === _errs207){
if(Array.isArray(data92)){
if(data92.length > 256){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts",schemaPath:"#/properties/attachments/properties/allowedHosts/maxItems",keyword:"maxItems",params:{limit: 256},message:"must NOT have more than 256 items"}];
return false;
}
else {
var valid38 = true;
const len12 = data92.length;
for(let i13=0; i13<len12; i13++){
let data93 = data92[i13];
const _errs209 = errors;
if(errors === _errs209){
if(typeof data93 === "string"){
if(func3(data93) > 253){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts/" + i13,schemaPath:"#/properties/attachments/properties/allowedHosts/items/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"}];
return false;
}
else {
if(func3(data93) < 1){
validate12.errors = [{instancePath:instancePath+"/attachments/allowedHosts/" + i13,schemaPath:"#/properties/attachments/properties/allowedHosts/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern17.test(data93)){
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
var valid38 = _errs209 === errors;
if(!valid38){
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
var valid37 = _errs207 === errors;
if(valid37){
const _errs211 = errors;
if(typeof data91.allowPrivateAddresses !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/attachments/allowPrivateAddresses",schemaPath:"#/properties/attachments/properties/allowPrivateAddresses/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid37 = _errs211 === errors;
if(valid37){
let data95 = data91.maxBytes;
const _errs213 = errors;
if(!((typeof data95 == "number") && (!(data95 % 1) && !isNaN(data95)))){
validate12.errors = [{instancePath:instancePath+"/attachments/maxBytes",schemaPath:"#/properties/attachments/properties/maxBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs213){
if(typeof data95 == "number"){
if(data95 > 1073741824 || isNaN(data95)){
validate12.errors = [{instancePath:instancePath+"/attachments/maxBytes",schemaPath:"#/properties/attachments/properties/maxBytes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1073741824},message:"must be <= 1073741824"}];
return false;
}
else {
if(data95 < 1 || isNaN(data95)){
validate12.errors = [{instancePath:instancePath+"/attachments/maxBytes",schemaPath:"#/properties/attachments/properties/maxBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid37 = _errs213 === errors;
if(valid37){
let data96 = data91.fetchTimeoutMs;
const _errs215 = errors;
if(!((typeof data96 == "number") && (!(data96 % 1) && !isNaN(data96)))){
validate12.errors = [{instancePath:instancePath+"/attachments/fetchTimeoutMs",schemaPath:"#/properties/attachments/properties/fetchTimeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs215){
if(typeof data96 == "number"){
if(data96 > 120000 || isNaN(data96)){
validate12.errors = [{instancePath:instancePath+"/attachments/fetchTimeoutMs",schemaPath:"#/properties/attachments/properties/fetchTimeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120000},message:"must be <= 120000"}];
return false;
}
else {
if(data96 < 100 || isNaN(data96)){
validate12.errors = [{instancePath:instancePath+"/attachments/fetchTimeoutMs",schemaPath:"#/properties/attachments/properties/fetchTimeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid37 = _errs215 === errors;
if(valid37){
let data97 = data91.folder;
const _errs217 = errors;
if(errors === _errs217){
if(typeof data97 === "string"){
if(func3(data97) < 1){
validate12.errors = [{instancePath:instancePath+"/attachments/folder",schemaPath:"#/properties/attachments/properties/folder/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/attachments/folder",schemaPath:"#/properties/attachments/properties/folder/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid37 = _errs217 === errors;
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
var valid0 = _errs204 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.delivery !== undefined){
let data98 = data.delivery;
const _errs219 = errors;
if(errors === _errs219){
if(data98 && typeof data98 == "object" && !Array.isArray(data98)){
if(data98.maxAttempts === undefined){
data98.maxAttempts = 12;
}
if(data98.maxAgeSeconds === undefined){
data98.maxAgeSeconds = 86400;
}
if(data98.timeoutMs === undefined){
data98.timeoutMs = 5000;
}
if(data98.backoffBaseMs === undefined){
data98.backoffBaseMs = 500;
}
if(data98.backoffMaxMs === undefined){
data98.backoffMaxMs = 60000;
}
if(data98.circuitFailureThreshold === undefined){
data98.circuitFailureThreshold = 5;
}
if(data98.circuitCooldownMs === undefined){
data98.circuitCooldownMs = 30000;
}
if(data98.connections === undefined){
data98.connections = 32;
}
if(data98.batchSize === undefined){
data98.batchSize = 16;
}
if(data98.leaseMs === undefined){
data98.leaseMs = 30000;
}
const _errs221 = errors;
for(const key21 in data98){
if(!(func2.call(schema13.properties.delivery.properties, key21))){
validate12.errors = [{instancePath:instancePath+"/delivery",schemaPath:"#/properties/delivery/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs221 === errors){
let data99 = data98.maxAttempts;
const _errs222 = errors;
if(!((typeof data99 == "number") && (!(data99 % 1) && !isNaN(data99)))){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAttempts",schemaPath:"#/properties/delivery/properties/maxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs222){
if(typeof data99 == "number"){
if(data99 > 1000 || isNaN(data99)){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAttempts",schemaPath:"#/properties/delivery/properties/maxAttempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000"}];
return false;
}
else {
if(data99 < 1 || isNaN(data99)){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAttempts",schemaPath:"#/properties/delivery/properties/maxAttempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid39 = _errs222 === errors;
if(valid39){
let data100 = data98.maxAgeSeconds;
const _errs224 = errors;
if(!((typeof data100 == "number") && (!(data100 % 1) && !isNaN(data100)))){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAgeSeconds",schemaPath:"#/properties/delivery/properties/maxAgeSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs224){
if(typeof data100 == "number"){
if(data100 < 1 || isNaN(data100)){
validate12.errors = [{instancePath:instancePath+"/delivery/maxAgeSeconds",schemaPath:"#/properties/delivery/properties/maxAgeSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid39 = _errs224 === errors;
if(valid39){
let data101 = data98.timeoutMs;
const _errs226 = errors;
if(!((typeof data101 == "number") && (!(data101 % 1) && !isNaN(data101)))){
validate12.errors = [{instancePath:instancePath+"/delivery/timeoutMs",schemaPath:"#/properties/delivery/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs226){
if(typeof data101 == "number"){
if(data101 > 120000 || isNaN(data101)){
validate12.errors = [{instancePath:instancePath+"/delivery/timeoutMs",schemaPath:"#/properties/delivery/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120000},message:"must be <= 120000"}];
return false;
}
else {
if(data101 < 100 || isNaN(data101)){
validate12.errors = [{instancePath:instancePath+"/delivery/timeoutMs",schemaPath:"#/properties/delivery/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid39 = _errs226 === errors;
if(valid39){
let data102 = data98.backoffBaseMs;
const _errs228 = errors;
if(!((typeof data102 == "number") && (!(data102 % 1) && !isNaN(data102)))){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffBaseMs",schemaPath:"#/properties/delivery/properties/backoffBaseMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs228){
if(typeof data102 == "number"){
if(data102 < 1 || isNaN(data102)){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffBaseMs",schemaPath:"#/properties/delivery/properties/backoffBaseMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid39 = _errs228 === errors;
if(valid39){
let data103 = data98.backoffMaxMs;
const _errs230 = errors;
if(!((typeof data103 == "number") && (!(data103 % 1) && !isNaN(data103)))){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffMaxMs",schemaPath:"#/properties/delivery/properties/backoffMaxMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs230){
if(typeof data103 == "number"){
if(data103 < 1 || isNaN(data103)){
validate12.errors = [{instancePath:instancePath+"/delivery/backoffMaxMs",schemaPath:"#/properties/delivery/properties/backoffMaxMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid39 = _errs230 === errors;
if(valid39){
let data104 = data98.circuitFailureThreshold;
const _errs232 = errors;
if(!((typeof data104 == "number") && (!(data104 % 1) && !isNaN(data104)))){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitFailureThreshold",schemaPath:"#/properties/delivery/properties/circuitFailureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs232){
if(typeof data104 == "number"){
if(data104 < 1 || isNaN(data104)){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitFailureThreshold",schemaPath:"#/properties/delivery/properties/circuitFailureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid39 = _errs232 === errors;
if(valid39){
let data105 = data98.circuitCooldownMs;
const _errs234 = errors;
if(!((typeof data105 == "number") && (!(data105 % 1) && !isNaN(data105)))){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitCooldownMs",schemaPath:"#/properties/delivery/properties/circuitCooldownMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs234){
if(typeof data105 == "number"){
if(data105 < 1 || isNaN(data105)){
validate12.errors = [{instancePath:instancePath+"/delivery/circuitCooldownMs",schemaPath:"#/properties/delivery/properties/circuitCooldownMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid39 = _errs234 === errors;
if(valid39){
let data106 = data98.connections;
const _errs236 = errors;
if(!((typeof data106 == "number") && (!(data106 % 1) && !isNaN(data106)))){
validate12.errors = [{instancePath:instancePath+"/delivery/connections",schemaPath:"#/properties/delivery/properties/connections/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs236){
if(typeof data106 == "number"){
if(data106 > 256 || isNaN(data106)){
validate12.errors = [{instancePath:instancePath+"/delivery/connections",schemaPath:"#/properties/delivery/properties/connections/maximum",keyword:"maximum",params:{comparison: "<=", limit: 256},message:"must be <= 256"}];
return false;
}
else {
if(data106 < 1 || isNaN(data106)){
validate12.errors = [{instancePath:instancePath+"/delivery/connections",schemaPath:"#/properties/delivery/properties/connections/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid39 = _errs236 === errors;
if(valid39){
let data107 = data98.batchSize;
const _errs238 = errors;
if(!((typeof data107 == "number") && (!(data107 % 1) && !isNaN(data107)))){
validate12.errors = [{instancePath:instancePath+"/delivery/batchSize",schemaPath:"#/properties/delivery/properties/batchSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs238){
if(typeof data107 == "number"){
if(data107 > 64 || isNaN(data107)){
validate12.errors = [{instancePath:instancePath+"/delivery/batchSize",schemaPath:"#/properties/delivery/properties/batchSize/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"}];
return false;
}
else {
if(data107 < 1 || isNaN(data107)){
validate12.errors = [{instancePath:instancePath+"/delivery/batchSize",schemaPath:"#/properties/delivery/properties/batchSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid39 = _errs238 === errors;
if(valid39){
let data108 = data98.leaseMs;
const _errs240 = errors;
if(!((typeof data108 == "number") && (!(data108 % 1) && !isNaN(data108)))){
validate12.errors = [{instancePath:instancePath+"/delivery/leaseMs",schemaPath:"#/properties/delivery/properties/leaseMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs240){
if(typeof data108 == "number"){
if(data108 < 100 || isNaN(data108)){
validate12.errors = [{instancePath:instancePath+"/delivery/leaseMs",schemaPath:"#/properties/delivery/properties/leaseMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
var valid39 = _errs240 === errors;
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
var valid0 = _errs219 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admin !== undefined){
let data109 = data.admin;
const _errs242 = errors;
if(errors === _errs242){
if(data109 && typeof data109 == "object" && !Array.isArray(data109)){
const _errs244 = errors;
for(const key22 in data109){
if(!(key22 === "tokens")){
validate12.errors = [{instancePath:instancePath+"/admin",schemaPath:"#/properties/admin/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs244 === errors){
if(data109.tokens !== undefined){
let data110 = data109.tokens;
const _errs245 = errors;
if(errors === _errs245){
if(Array.isArray(data110)){
var valid41 = true;
const len13 = data110.length;
for(let i14=0; i14<len13; i14++){
let data111 = data110[i14];
const _errs247 = errors;
const _errs248 = errors;
if(errors === _errs248){
if(data111 && typeof data111 == "object" && !Array.isArray(data111)){
if(data111.createIfMissing === undefined){
data111.createIfMissing = false;
}
let missing11;
if((data111.name === undefined) && (missing11 = "name")){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14,schemaPath:"#/components/schemas/TokenConfig/required",keyword:"required",params:{missingProperty: missing11},message:"must have required property '"+missing11+"'"}];
return false;
}
else {
const _errs250 = errors;
for(const key23 in data111){
if(!((((key23 === "name") || (key23 === "env")) || (key23 === "file")) || (key23 === "createIfMissing"))){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14,schemaPath:"#/components/schemas/TokenConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs250 === errors){
if(data111.name !== undefined){
let data112 = data111.name;
const _errs251 = errors;
if(errors === _errs251){
if(typeof data112 === "string"){
if(func3(data112) < 1){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid43 = _errs251 === errors;
}
else {
var valid43 = true;
}
if(valid43){
if(data111.env !== undefined){
const _errs253 = errors;
if(typeof data111.env !== "string"){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/env",schemaPath:"#/components/schemas/TokenConfig/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid43 = _errs253 === errors;
}
else {
var valid43 = true;
}
if(valid43){
if(data111.file !== undefined){
const _errs255 = errors;
if(typeof data111.file !== "string"){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/file",schemaPath:"#/components/schemas/TokenConfig/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid43 = _errs255 === errors;
}
else {
var valid43 = true;
}
if(valid43){
const _errs257 = errors;
if(typeof data111.createIfMissing !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/admin/tokens/" + i14+"/createIfMissing",schemaPath:"#/components/schemas/TokenConfig/properties/createIfMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid43 = _errs257 === errors;
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
var valid41 = _errs247 === errors;
if(!valid41){
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
var valid0 = _errs242 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.desk !== undefined){
let data116 = data.desk;
const _errs259 = errors;
if(errors === _errs259){
if(data116 && typeof data116 == "object" && !Array.isArray(data116)){
if(data116.idempotencyHours === undefined){
data116.idempotencyHours = 24;
}
const _errs261 = errors;
for(const key24 in data116){
if(!((key24 === "tokens") || (key24 === "idempotencyHours"))){
validate12.errors = [{instancePath:instancePath+"/desk",schemaPath:"#/properties/desk/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs261 === errors){
if(data116.tokens !== undefined){
let data117 = data116.tokens;
const _errs262 = errors;
if(errors === _errs262){
if(Array.isArray(data117)){
var valid45 = true;
const len14 = data117.length;
for(let i15=0; i15<len14; i15++){
let data118 = data117[i15];
const _errs264 = errors;
const _errs265 = errors;
if(errors === _errs265){
if(data118 && typeof data118 == "object" && !Array.isArray(data118)){
if(data118.createIfMissing === undefined){
data118.createIfMissing = false;
}
let missing12;
if((data118.name === undefined) && (missing12 = "name")){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15,schemaPath:"#/components/schemas/TokenConfig/required",keyword:"required",params:{missingProperty: missing12},message:"must have required property '"+missing12+"'"}];
return false;
}
else {
const _errs267 = errors;
for(const key25 in data118){
if(!((((key25 === "name") || (key25 === "env")) || (key25 === "file")) || (key25 === "createIfMissing"))){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15,schemaPath:"#/components/schemas/TokenConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs267 === errors){
if(data118.name !== undefined){
let data119 = data118.name;
const _errs268 = errors;
if(errors === _errs268){
if(typeof data119 === "string"){
if(func3(data119) < 1){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/name",schemaPath:"#/components/schemas/TokenConfig/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid47 = _errs268 === errors;
}
else {
var valid47 = true;
}
if(valid47){
if(data118.env !== undefined){
const _errs270 = errors;
if(typeof data118.env !== "string"){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/env",schemaPath:"#/components/schemas/TokenConfig/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid47 = _errs270 === errors;
}
else {
var valid47 = true;
}
if(valid47){
if(data118.file !== undefined){
const _errs272 = errors;
if(typeof data118.file !== "string"){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/file",schemaPath:"#/components/schemas/TokenConfig/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid47 = _errs272 === errors;
}
else {
var valid47 = true;
}
if(valid47){
const _errs274 = errors;
if(typeof data118.createIfMissing !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/desk/tokens/" + i15+"/createIfMissing",schemaPath:"#/components/schemas/TokenConfig/properties/createIfMissing/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid47 = _errs274 === errors;
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
var valid45 = _errs264 === errors;
if(!valid45){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk/tokens",schemaPath:"#/properties/desk/properties/tokens/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid44 = _errs262 === errors;
}
else {
var valid44 = true;
}
if(valid44){
let data123 = data116.idempotencyHours;
const _errs276 = errors;
if(!((typeof data123 == "number") && (!(data123 % 1) && !isNaN(data123)))){
validate12.errors = [{instancePath:instancePath+"/desk/idempotencyHours",schemaPath:"#/properties/desk/properties/idempotencyHours/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs276){
if(typeof data123 == "number"){
if(data123 > 720 || isNaN(data123)){
validate12.errors = [{instancePath:instancePath+"/desk/idempotencyHours",schemaPath:"#/properties/desk/properties/idempotencyHours/maximum",keyword:"maximum",params:{comparison: "<=", limit: 720},message:"must be <= 720"}];
return false;
}
else {
if(data123 < 1 || isNaN(data123)){
validate12.errors = [{instancePath:instancePath+"/desk/idempotencyHours",schemaPath:"#/properties/desk/properties/idempotencyHours/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid44 = _errs276 === errors;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/desk",schemaPath:"#/properties/desk/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs259 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.webhooks !== undefined){
let data124 = data.webhooks;
const _errs278 = errors;
if(errors === _errs278){
if(data124 && typeof data124 == "object" && !Array.isArray(data124)){
if(data124.maxAttempts === undefined){
data124.maxAttempts = 10;
}
if(data124.timeoutMs === undefined){
data124.timeoutMs = 5000;
}
if(data124.backoffBaseMs === undefined){
data124.backoffBaseMs = 1000;
}
if(data124.backoffMaxMs === undefined){
data124.backoffMaxMs = 300000;
}
const _errs280 = errors;
for(const key26 in data124){
if(!((((key26 === "maxAttempts") || (key26 === "timeoutMs")) || (key26 === "backoffBaseMs")) || (key26 === "backoffMaxMs"))){
validate12.errors = [{instancePath:instancePath+"/webhooks",schemaPath:"#/properties/webhooks/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs280 === errors){
let data125 = data124.maxAttempts;
const _errs281 = errors;
if(!((typeof data125 == "number") && (!(data125 % 1) && !isNaN(data125)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/maxAttempts",schemaPath:"#/properties/webhooks/properties/maxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs281){
if(typeof data125 == "number"){
if(data125 > 100 || isNaN(data125)){
validate12.errors = [{instancePath:instancePath+"/webhooks/maxAttempts",schemaPath:"#/properties/webhooks/properties/maxAttempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"}];
return false;
}
else {
if(data125 < 1 || isNaN(data125)){
validate12.errors = [{instancePath:instancePath+"/webhooks/maxAttempts",schemaPath:"#/properties/webhooks/properties/maxAttempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid48 = _errs281 === errors;
if(valid48){
let data126 = data124.timeoutMs;
const _errs283 = errors;
if(!((typeof data126 == "number") && (!(data126 % 1) && !isNaN(data126)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/timeoutMs",schemaPath:"#/properties/webhooks/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs283){
if(typeof data126 == "number"){
if(data126 > 60000 || isNaN(data126)){
validate12.errors = [{instancePath:instancePath+"/webhooks/timeoutMs",schemaPath:"#/properties/webhooks/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000"}];
return false;
}
else {
if(data126 < 100 || isNaN(data126)){
validate12.errors = [{instancePath:instancePath+"/webhooks/timeoutMs",schemaPath:"#/properties/webhooks/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid48 = _errs283 === errors;
if(valid48){
let data127 = data124.backoffBaseMs;
const _errs285 = errors;
if(!((typeof data127 == "number") && (!(data127 % 1) && !isNaN(data127)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffBaseMs",schemaPath:"#/properties/webhooks/properties/backoffBaseMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs285){
if(typeof data127 == "number"){
if(data127 < 1 || isNaN(data127)){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffBaseMs",schemaPath:"#/properties/webhooks/properties/backoffBaseMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid48 = _errs285 === errors;
if(valid48){
let data128 = data124.backoffMaxMs;
const _errs287 = errors;
if(!((typeof data128 == "number") && (!(data128 % 1) && !isNaN(data128)))){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffMaxMs",schemaPath:"#/properties/webhooks/properties/backoffMaxMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs287){
if(typeof data128 == "number"){
if(data128 < 1 || isNaN(data128)){
validate12.errors = [{instancePath:instancePath+"/webhooks/backoffMaxMs",schemaPath:"#/properties/webhooks/properties/backoffMaxMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid48 = _errs287 === errors;
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
var valid0 = _errs278 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.log !== undefined){
let data129 = data.log;
const _errs289 = errors;
if(errors === _errs289){
if(data129 && typeof data129 == "object" && !Array.isArray(data129)){
if(data129.level === undefined){
data129.level = "info";
}
const _errs291 = errors;
for(const key27 in data129){
if(!((key27 === "level") || (key27 === "pretty"))){
validate12.errors = [{instancePath:instancePath+"/log",schemaPath:"#/properties/log/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key27},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs291 === errors){
let data130 = data129.level;
const _errs292 = errors;
if(typeof data130 !== "string"){
validate12.errors = [{instancePath:instancePath+"/log/level",schemaPath:"#/properties/log/properties/level/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data130 === "fatal") || (data130 === "error")) || (data130 === "warn")) || (data130 === "info")) || (data130 === "debug")) || (data130 === "trace")) || (data130 === "silent"))){
validate12.errors = [{instancePath:instancePath+"/log/level",schemaPath:"#/properties/log/properties/level/enum",keyword:"enum",params:{allowedValues: schema13.properties.log.properties.level.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid49 = _errs292 === errors;
if(valid49){
if(data129.pretty !== undefined){
const _errs294 = errors;
if(typeof data129.pretty !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/log/pretty",schemaPath:"#/properties/log/properties/pretty/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid49 = _errs294 === errors;
}
else {
var valid49 = true;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/log",schemaPath:"#/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs289 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retention !== undefined){
let data132 = data.retention;
const _errs296 = errors;
if(errors === _errs296){
if(data132 && typeof data132 == "object" && !Array.isArray(data132)){
if(data132.intervalSeconds === undefined){
data132.intervalSeconds = 3600;
}
const _errs298 = errors;
for(const key28 in data132){
if(!((key28 === "default") || (key28 === "intervalSeconds"))){
validate12.errors = [{instancePath:instancePath+"/retention",schemaPath:"#/properties/retention/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key28},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs298 === errors){
if(data132.default !== undefined){
let data133 = data132.default;
const _errs299 = errors;
const _errs300 = errors;
if(errors === _errs300){
if(data133 && typeof data133 == "object" && !Array.isArray(data133)){
const _errs302 = errors;
for(const key29 in data133){
if(!(((key29 === "bodiesDays") || (key29 === "notesDays")) || (key29 === "requesterDays"))){
validate12.errors = [{instancePath:instancePath+"/retention/default",schemaPath:"#/components/schemas/RetentionPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs302 === errors){
if(data133.bodiesDays !== undefined){
let data134 = data133.bodiesDays;
const _errs303 = errors;
if(!((typeof data134 == "number") && (!(data134 % 1) && !isNaN(data134)))){
validate12.errors = [{instancePath:instancePath+"/retention/default/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs303){
if(typeof data134 == "number"){
if(data134 > 36500 || isNaN(data134)){
validate12.errors = [{instancePath:instancePath+"/retention/default/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data134 < 0 || isNaN(data134)){
validate12.errors = [{instancePath:instancePath+"/retention/default/bodiesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/bodiesDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid52 = _errs303 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data133.notesDays !== undefined){
let data135 = data133.notesDays;
const _errs305 = errors;
if(!((typeof data135 == "number") && (!(data135 % 1) && !isNaN(data135)))){
validate12.errors = [{instancePath:instancePath+"/retention/default/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs305){
if(typeof data135 == "number"){
if(data135 > 36500 || isNaN(data135)){
validate12.errors = [{instancePath:instancePath+"/retention/default/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data135 < 0 || isNaN(data135)){
validate12.errors = [{instancePath:instancePath+"/retention/default/notesDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/notesDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid52 = _errs305 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data133.requesterDays !== undefined){
let data136 = data133.requesterDays;
const _errs307 = errors;
if(!((typeof data136 == "number") && (!(data136 % 1) && !isNaN(data136)))){
validate12.errors = [{instancePath:instancePath+"/retention/default/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs307){
if(typeof data136 == "number"){
if(data136 > 36500 || isNaN(data136)){
validate12.errors = [{instancePath:instancePath+"/retention/default/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"}];
return false;
}
else {
if(data136 < 0 || isNaN(data136)){
validate12.errors = [{instancePath:instancePath+"/retention/default/requesterDays",schemaPath:"#/components/schemas/RetentionPolicy/properties/requesterDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid52 = _errs307 === errors;
}
else {
var valid52 = true;
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
var valid50 = _errs299 === errors;
}
else {
var valid50 = true;
}
if(valid50){
let data137 = data132.intervalSeconds;
const _errs309 = errors;
if(!((typeof data137 == "number") && (!(data137 % 1) && !isNaN(data137)))){
validate12.errors = [{instancePath:instancePath+"/retention/intervalSeconds",schemaPath:"#/properties/retention/properties/intervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs309){
if(typeof data137 == "number"){
if(data137 > 86400 || isNaN(data137)){
validate12.errors = [{instancePath:instancePath+"/retention/intervalSeconds",schemaPath:"#/properties/retention/properties/intervalSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data137 < 1 || isNaN(data137)){
validate12.errors = [{instancePath:instancePath+"/retention/intervalSeconds",schemaPath:"#/properties/retention/properties/intervalSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid50 = _errs309 === errors;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/retention",schemaPath:"#/properties/retention/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs296 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metrics !== undefined){
let data138 = data.metrics;
const _errs311 = errors;
if(errors === _errs311){
if(data138 && typeof data138 == "object" && !Array.isArray(data138)){
const _errs313 = errors;
for(const key30 in data138){
if(!(key30 === "listen")){
validate12.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key30},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs313 === errors){
if(data138.listen !== undefined){
let data139 = data138.listen;
const _errs314 = errors;
if(errors === _errs314){
if(data139 && typeof data139 == "object" && !Array.isArray(data139)){
if(data139.host === undefined){
data139.host = "127.0.0.1";
}
let missing13;
if((data139.port === undefined) && (missing13 = "port")){
validate12.errors = [{instancePath:instancePath+"/metrics/listen",schemaPath:"#/properties/metrics/properties/listen/required",keyword:"required",params:{missingProperty: missing13},message:"must have required property '"+missing13+"'"}];
return false;
}
else {
const _errs316 = errors;
for(const key31 in data139){
if(!((key31 === "host") || (key31 === "port"))){
validate12.errors = [{instancePath:instancePath+"/metrics/listen",schemaPath:"#/properties/metrics/properties/listen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key31},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs316 === errors){
const _errs317 = errors;
if(typeof data139.host !== "string"){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/host",schemaPath:"#/properties/metrics/properties/listen/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid54 = _errs317 === errors;
if(valid54){
if(data139.port !== undefined){
let data141 = data139.port;
const _errs319 = errors;
if(!((typeof data141 == "number") && (!(data141 % 1) && !isNaN(data141)))){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/port",schemaPath:"#/properties/metrics/properties/listen/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs319){
if(typeof data141 == "number"){
if(data141 > 65535 || isNaN(data141)){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/port",schemaPath:"#/properties/metrics/properties/listen/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"}];
return false;
}
else {
if(data141 < 0 || isNaN(data141)){
validate12.errors = [{instancePath:instancePath+"/metrics/listen/port",schemaPath:"#/properties/metrics/properties/listen/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid54 = _errs319 === errors;
}
else {
var valid54 = true;
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
var valid0 = _errs311 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.deskConnector !== undefined){
let data142 = data.deskConnector;
const _errs321 = errors;
if(errors === _errs321){
if(data142 && typeof data142 == "object" && !Array.isArray(data142)){
if(data142.pollMs === undefined){
data142.pollMs = 5000;
}
if(data142.timeoutMs === undefined){
data142.timeoutMs = 5000;
}
let missing14;
if((((data142.baseUrl === undefined) && (missing14 = "baseUrl")) || ((data142.issuer === undefined) && (missing14 = "issuer"))) || ((data142.audience === undefined) && (missing14 = "audience"))){
validate12.errors = [{instancePath:instancePath+"/deskConnector",schemaPath:"#/properties/deskConnector/required",keyword:"required",params:{missingProperty: missing14},message:"must have required property '"+missing14+"'"}];
return false;
}
else {
const _errs323 = errors;
for(const key32 in data142){
if(!(func2.call(schema13.properties.deskConnector.properties, key32))){
validate12.errors = [{instancePath:instancePath+"/deskConnector",schemaPath:"#/properties/deskConnector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key32},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs323 === errors){
if(data142.baseUrl !== undefined){
let data143 = data142.baseUrl;
const _errs324 = errors;
if(errors === _errs324){
if(typeof data143 === "string"){
if(!pattern1.test(data143)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/baseUrl",schemaPath:"#/properties/deskConnector/properties/baseUrl/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/baseUrl",schemaPath:"#/properties/deskConnector/properties/baseUrl/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid55 = _errs324 === errors;
}
else {
var valid55 = true;
}
if(valid55){
if(data142.issuer !== undefined){
let data144 = data142.issuer;
const _errs326 = errors;
if(errors === _errs326){
if(typeof data144 === "string"){
if(func3(data144) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/issuer",schemaPath:"#/properties/deskConnector/properties/issuer/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/issuer",schemaPath:"#/properties/deskConnector/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid55 = _errs326 === errors;
}
else {
var valid55 = true;
}
if(valid55){
if(data142.audience !== undefined){
let data145 = data142.audience;
const _errs328 = errors;
if(errors === _errs328){
if(typeof data145 === "string"){
if(func3(data145) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/audience",schemaPath:"#/properties/deskConnector/properties/audience/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/audience",schemaPath:"#/properties/deskConnector/properties/audience/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid55 = _errs328 === errors;
}
else {
var valid55 = true;
}
if(valid55){
if(data142.keyFile !== undefined){
const _errs330 = errors;
if(typeof data142.keyFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/deskConnector/keyFile",schemaPath:"#/properties/deskConnector/properties/keyFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid55 = _errs330 === errors;
}
else {
var valid55 = true;
}
if(valid55){
if(data142.keyEnv !== undefined){
const _errs332 = errors;
if(typeof data142.keyEnv !== "string"){
validate12.errors = [{instancePath:instancePath+"/deskConnector/keyEnv",schemaPath:"#/properties/deskConnector/properties/keyEnv/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid55 = _errs332 === errors;
}
else {
var valid55 = true;
}
if(valid55){
if(data142.service !== undefined){
let data148 = data142.service;
const _errs334 = errors;
if(errors === _errs334){
if(typeof data148 === "string"){
if(func3(data148) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/service",schemaPath:"#/properties/deskConnector/properties/service/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/service",schemaPath:"#/properties/deskConnector/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid55 = _errs334 === errors;
}
else {
var valid55 = true;
}
if(valid55){
if(data142.agreement !== undefined){
let data149 = data142.agreement;
const _errs336 = errors;
if(errors === _errs336){
if(typeof data149 === "string"){
if(func3(data149) < 1){
validate12.errors = [{instancePath:instancePath+"/deskConnector/agreement",schemaPath:"#/properties/deskConnector/properties/agreement/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/deskConnector/agreement",schemaPath:"#/properties/deskConnector/properties/agreement/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid55 = _errs336 === errors;
}
else {
var valid55 = true;
}
if(valid55){
let data150 = data142.pollMs;
const _errs338 = errors;
if(!((typeof data150 == "number") && (!(data150 % 1) && !isNaN(data150)))){
validate12.errors = [{instancePath:instancePath+"/deskConnector/pollMs",schemaPath:"#/properties/deskConnector/properties/pollMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs338){
if(typeof data150 == "number"){
if(data150 > 3600000 || isNaN(data150)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/pollMs",schemaPath:"#/properties/deskConnector/properties/pollMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600000},message:"must be <= 3600000"}];
return false;
}
else {
if(data150 < 100 || isNaN(data150)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/pollMs",schemaPath:"#/properties/deskConnector/properties/pollMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid55 = _errs338 === errors;
if(valid55){
let data151 = data142.timeoutMs;
const _errs340 = errors;
if(!((typeof data151 == "number") && (!(data151 % 1) && !isNaN(data151)))){
validate12.errors = [{instancePath:instancePath+"/deskConnector/timeoutMs",schemaPath:"#/properties/deskConnector/properties/timeoutMs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs340){
if(typeof data151 == "number"){
if(data151 > 60000 || isNaN(data151)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/timeoutMs",schemaPath:"#/properties/deskConnector/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000"}];
return false;
}
else {
if(data151 < 100 || isNaN(data151)){
validate12.errors = [{instancePath:instancePath+"/deskConnector/timeoutMs",schemaPath:"#/properties/deskConnector/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100"}];
return false;
}
}
}
}
var valid55 = _errs340 === errors;
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
var valid0 = _errs321 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.console !== undefined){
let data152 = data.console;
const _errs342 = errors;
if(errors === _errs342){
if(data152 && typeof data152 == "object" && !Array.isArray(data152)){
if(data152.sessionMinutes === undefined){
data152.sessionMinutes = 480;
}
if(data152.signInAttemptsPerMinute === undefined){
data152.signInAttemptsPerMinute = 10;
}
const _errs344 = errors;
for(const key33 in data152){
if(!(((key33 === "accounts") || (key33 === "sessionMinutes")) || (key33 === "signInAttemptsPerMinute"))){
validate12.errors = [{instancePath:instancePath+"/console",schemaPath:"#/properties/console/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs344 === errors){
if(data152.accounts !== undefined){
let data153 = data152.accounts;
const _errs345 = errors;
if(errors === _errs345){
if(Array.isArray(data153)){
var valid57 = true;
const len15 = data153.length;
for(let i16=0; i16<len15; i16++){
let data154 = data153[i16];
const _errs347 = errors;
const _errs348 = errors;
if(errors === _errs348){
if(data154 && typeof data154 == "object" && !Array.isArray(data154)){
let missing15;
if(((data154.name === undefined) && (missing15 = "name")) || ((data154.roles === undefined) && (missing15 = "roles"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16,schemaPath:"#/components/schemas/ConsoleAccount/required",keyword:"required",params:{missingProperty: missing15},message:"must have required property '"+missing15+"'"}];
return false;
}
else {
const _errs350 = errors;
for(const key34 in data154){
if(!((((key34 === "name") || (key34 === "passwordHash")) || (key34 === "token")) || (key34 === "roles"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16,schemaPath:"#/components/schemas/ConsoleAccount/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key34},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs350 === errors){
if(data154.name !== undefined){
let data155 = data154.name;
const _errs351 = errors;
if(errors === _errs351){
if(typeof data155 === "string"){
if(!pattern19.test(data155)){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/name",schemaPath:"#/components/schemas/ConsoleAccount/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/name",schemaPath:"#/components/schemas/ConsoleAccount/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs351 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data154.passwordHash !== undefined){
let data156 = data154.passwordHash;
const _errs353 = errors;
if(errors === _errs353){
if(typeof data156 === "string"){
if(!pattern20.test(data156)){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/passwordHash",schemaPath:"#/components/schemas/ConsoleAccount/properties/passwordHash/pattern",keyword:"pattern",params:{pattern: "^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$"},message:"must match pattern \""+"^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/passwordHash",schemaPath:"#/components/schemas/ConsoleAccount/properties/passwordHash/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs353 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data154.token !== undefined){
let data157 = data154.token;
const _errs355 = errors;
if(errors === _errs355){
if(data157 && typeof data157 == "object" && !Array.isArray(data157)){
const _errs357 = errors;
for(const key35 in data157){
if(!((key35 === "env") || (key35 === "file"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key35},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs357 === errors){
if(data157.env !== undefined){
const _errs358 = errors;
if(typeof data157.env !== "string"){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token/env",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/properties/env/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid60 = _errs358 === errors;
}
else {
var valid60 = true;
}
if(valid60){
if(data157.file !== undefined){
const _errs360 = errors;
if(typeof data157.file !== "string"){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token/file",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid60 = _errs360 === errors;
}
else {
var valid60 = true;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/token",schemaPath:"#/components/schemas/ConsoleAccount/properties/token/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid59 = _errs355 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data154.roles !== undefined){
let data160 = data154.roles;
const _errs362 = errors;
if(errors === _errs362){
if(Array.isArray(data160)){
if(data160.length < 1){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles",schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid61 = true;
const len16 = data160.length;
for(let i17=0; i17<len16; i17++){
let data161 = data160[i17];
const _errs364 = errors;
if(typeof data161 !== "string"){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles/" + i17,schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data161 === "desk") || (data161 === "admin"))){
validate12.errors = [{instancePath:instancePath+"/console/accounts/" + i16+"/roles/" + i17,schemaPath:"#/components/schemas/ConsoleAccount/properties/roles/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.roles.items.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid61 = _errs364 === errors;
if(!valid61){
break;
}
}
if(valid61){
let i18 = data160.length;
let j1;
if(i18 > 1){
const indices1 = {};
for(;i18--;){
let item1 = data160[i18];
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
var valid59 = _errs362 === errors;
}
else {
var valid59 = true;
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
var valid57 = _errs347 === errors;
if(!valid57){
break;
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console/accounts",schemaPath:"#/properties/console/properties/accounts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid56 = _errs345 === errors;
}
else {
var valid56 = true;
}
if(valid56){
let data162 = data152.sessionMinutes;
const _errs366 = errors;
if(!((typeof data162 == "number") && (!(data162 % 1) && !isNaN(data162)))){
validate12.errors = [{instancePath:instancePath+"/console/sessionMinutes",schemaPath:"#/properties/console/properties/sessionMinutes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs366){
if(typeof data162 == "number"){
if(data162 > 10080 || isNaN(data162)){
validate12.errors = [{instancePath:instancePath+"/console/sessionMinutes",schemaPath:"#/properties/console/properties/sessionMinutes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10080},message:"must be <= 10080"}];
return false;
}
else {
if(data162 < 5 || isNaN(data162)){
validate12.errors = [{instancePath:instancePath+"/console/sessionMinutes",schemaPath:"#/properties/console/properties/sessionMinutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 5},message:"must be >= 5"}];
return false;
}
}
}
}
var valid56 = _errs366 === errors;
if(valid56){
let data163 = data152.signInAttemptsPerMinute;
const _errs368 = errors;
if(!((typeof data163 == "number") && (!(data163 % 1) && !isNaN(data163)))){
validate12.errors = [{instancePath:instancePath+"/console/signInAttemptsPerMinute",schemaPath:"#/properties/console/properties/signInAttemptsPerMinute/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs368){
if(typeof data163 == "number"){
if(data163 > 1000 || isNaN(data163)){
validate12.errors = [{instancePath:instancePath+"/console/signInAttemptsPerMinute",schemaPath:"#/properties/console/properties/signInAttemptsPerMinute/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000"}];
return false;
}
else {
if(data163 < 1 || isNaN(data163)){
validate12.errors = [{instancePath:instancePath+"/console/signInAttemptsPerMinute",schemaPath:"#/properties/console/properties/signInAttemptsPerMinute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid56 = _errs368 === errors;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/console",schemaPath:"#/properties/console/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs342 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.network !== undefined){
let data164 = data.network;
const _errs370 = errors;
if(errors === _errs370){
if(data164 && typeof data164 == "object" && !Array.isArray(data164)){
if(data164.refreshSeconds === undefined){
data164.refreshSeconds = 300;
}
const _errs372 = errors;
for(const key36 in data164){
if(!((((key36 === "serveFile") || (key36 === "url")) || (key36 === "operatorKeys")) || (key36 === "refreshSeconds"))){
validate12.errors = [{instancePath:instancePath+"/network",schemaPath:"#/properties/network/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key36},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs372 === errors){
if(data164.serveFile !== undefined){
const _errs373 = errors;
if(typeof data164.serveFile !== "string"){
validate12.errors = [{instancePath:instancePath+"/network/serveFile",schemaPath:"#/properties/network/properties/serveFile/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid63 = _errs373 === errors;
}
else {
var valid63 = true;
}
if(valid63){
if(data164.url !== undefined){
let data166 = data164.url;
const _errs375 = errors;
if(errors === _errs375){
if(typeof data166 === "string"){
if(!pattern1.test(data166)){
validate12.errors = [{instancePath:instancePath+"/network/url",schemaPath:"#/properties/network/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/network/url",schemaPath:"#/properties/network/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid63 = _errs375 === errors;
}
else {
var valid63 = true;
}
if(valid63){
if(data164.operatorKeys !== undefined){
let data167 = data164.operatorKeys;
const _errs377 = errors;
const _errs378 = errors;
let valid64 = false;
let passing0 = null;
const _errs379 = errors;
if(typeof data167 !== "string"){
const err0 = {instancePath:instancePath+"/network/operatorKeys",schemaPath:"#/properties/network/properties/operatorKeys/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs379 === errors;
if(_valid0){
valid64 = true;
passing0 = 0;
}
const _errs381 = errors;
if(errors === _errs381){
if(data167 && typeof data167 == "object" && !Array.isArray(data167)){
let missing16;
if((data167.keys === undefined) && (missing16 = "keys")){
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
if(data167.keys !== undefined){
let data168 = data167.keys;
const _errs383 = errors;
if(errors === _errs383){
if(Array.isArray(data168)){
if(data168.length < 1){
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
var valid66 = true;
const len17 = data168.length;
for(let i19=0; i19<len17; i19++){
let data169 = data168[i19];
const _errs385 = errors;
if(errors === _errs385){
if(data169 && typeof data169 == "object" && !Array.isArray(data169)){
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
var valid66 = _errs385 === errors;
if(!valid66){
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
var _valid0 = _errs381 === errors;
if(_valid0 && valid64){
valid64 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid64 = true;
passing0 = 1;
}
}
if(!valid64){
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
errors = _errs378;
if(vErrors !== null){
if(_errs378){
vErrors.length = _errs378;
}
else {
vErrors = null;
}
}
}
var valid63 = _errs377 === errors;
}
else {
var valid63 = true;
}
if(valid63){
let data170 = data164.refreshSeconds;
const _errs388 = errors;
if(!((typeof data170 == "number") && (!(data170 % 1) && !isNaN(data170)))){
validate12.errors = [{instancePath:instancePath+"/network/refreshSeconds",schemaPath:"#/properties/network/properties/refreshSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs388){
if(typeof data170 == "number"){
if(data170 > 86400 || isNaN(data170)){
validate12.errors = [{instancePath:instancePath+"/network/refreshSeconds",schemaPath:"#/properties/network/properties/refreshSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"}];
return false;
}
else {
if(data170 < 1 || isNaN(data170)){
validate12.errors = [{instancePath:instancePath+"/network/refreshSeconds",schemaPath:"#/properties/network/properties/refreshSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid63 = _errs388 === errors;
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
var valid0 = _errs370 === errors;
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
