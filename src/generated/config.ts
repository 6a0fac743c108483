// Generated from config/schema.yaml by scripts/generate-types.ts. Do not edit; run `npm run generate`.

export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        GatewayConfig: {
            party: {
                /** @description This gateway's party id; partners address messages `to` it. */
                id: string;
                name: string;
            };
            listen?: {
                /** @default 127.0.0.1 */
                host: string;
                /** @default 8080 */
                port: number;
                tls?: components["schemas"]["ListenTlsConfig"];
            };
            /** @description The base URL partners reach this gateway at. */
            publicUrl?: string;
            /** @description `sqlite:<path>` for the embedded store; `postgres://user@host:5432/db?schema=name` for replicas sharing PostgreSQL. */
            storage: string;
            sqlite?: {
                /**
                 * @description The embedded store's page cache, in MiB. The file's pages stay in the operating system's cache as well, so a small one costs a read call on a miss, not a disk read.
                 * @default 4
                 */
                cacheMb: number;
            };
            postgres?: {
                /** @default 10 */
                poolSize: number;
                /**
                 * @description How long to wait for a connection or a query before answering 503.
                 * @default 5000
                 */
                timeoutMs: number;
            };
            signing: components["schemas"]["SigningConfig"];
            security?: {
                /**
                 * @default [
                 *       "EdDSA",
                 *       "ES256"
                 *     ]
                 */
                algorithms: ("EdDSA" | "ES256")[];
                /**
                 * @description How far a message's `time` may be from this gateway's clock.
                 * @default 300
                 */
                messageWindowSeconds: number;
                /** @default 300 */
                readTokenMaxLifetimeSeconds: number;
            };
            limits?: {
                /** @default 262144 */
                bodyBytes: number;
                /** @default 30000 */
                requestTimeoutMs: number;
                /**
                 * @description Each partner's sustained request rate; more gets 429 with Retry-After.
                 * @default 50
                 */
                partnerRequestsPerSecond: number;
                /**
                 * @description How many requests a partner may send at once.
                 * @default 200
                 */
                partnerBurst: number;
            };
            services: {
                id: string;
                name: string;
                description?: string;
            }[];
            partners: components["schemas"]["PartnerConfig"][];
            agreements?: components["schemas"]["AgreementConfig"][];
            /**
             * @description Internal teams: suppliers without a gateway. An `underpinning` agreement whose `supplier`
             *     is a team is an operational agreement (OLA); a route may name a team, and its sub-calls
             *     are worked at our desk (no message is sent) under the OLA's service levels.
             */
            teams?: {
                id: string;
                name: string;
                /** @description The services the team provides to us. */
                services: {
                    id: string;
                    name: string;
                }[];
            }[];
            /** @description Our agreements as the customer of our suppliers (underpinning contracts) and of our internal teams (operational agreements). */
            underpinning?: components["schemas"]["UnderpinningConfig"][];
            /** @description Which supplier service underpins one of our services, for which call types. */
            routes?: components["schemas"]["RouteConfig"][];
            /**
             * @description Rules that raise triggered calls by themselves: a call of one of `callTypes` under
             *     `service` that the desk advances onto a trigger step of its own process raising `raise`
             *     (Agree 6, Change 6, Recover 5, Improve 5) gets that triggered call at once, raised by the
             *     gateway, and waits for it (as `POST /v1/desk/calls/{id}/triggered` does).
             */
            triggers?: components["schemas"]["TriggerRuleConfig"][];
            /** @description How a resolved call's closing steps (review .. evaluate and close) are worked. */
            closing?: {
                /**
                 * @description `auto`: the gateway works them when the customer confirms the resolution, and the call
                 *     closes at once. `desk`: the desk works them (advance) and completing evaluate and close
                 *     closes the call, once the customer confirmed. Either way a call still resolved when the
                 *     agreement's confirmation window (`serviceLevels.confirmationHours`) ends is closed by
                 *     the gateway.
                 * @default auto
                 * @enum {string}
                 */
                steps: "auto" | "desk";
            };
            /**
             * @description Witnessing the partners' message logs: how often the gateway fetches each partner
             *     gateway's newest checkpoint and checks it against the last one it kept (docs/protocol.md,
             *     "Witnessing").
             */
            witness?: {
                /**
                 * @description Seconds between looks at every partner gateway's log; 0 turns witnessing off.
                 * @default 60
                 */
                intervalSeconds: number;
            };
            /** @description Evidence of the gateway's own message log beyond its signed checkpoints. */
            evidence?: {
                /**
                 * @description RFC 3161 timestamps of the log's checkpoints by a Time Stamping Authority
                 *     (docs/protocol.md, "Timestamps"). Without it nothing is stamped and writes never
                 *     wait on a TSA. With it the gateway refuses every write with 503
                 *     `USM_ERR_TIMESTAMPING_UNAVAILABLE` once `maxFailureMinutes` have passed without a
                 *     good token, and `/readyz` says so, until stamping works again.
                 */
                tsa?: {
                    /** @description The TSA's URL; requests are POSTed as `application/timestamp-query`. */
                    url: string;
                    /** @description A PEM file of the certificates trusted for the TSA (its CA, or its chain up to one); a token's signer must chain to one of them and carry the timeStamping extended key usage. */
                    certificates: string;
                    /**
                     * @description How long stamping may fail (since the first failed attempt after the last good token) before writes are refused; fractions allowed (0.05 is 3 seconds).
                     * @default 10
                     */
                    maxFailureMinutes: number;
                    /**
                     * @description Seconds between looks at the newest checkpoint (also looked at shortly after each commit); a checkpoint without a token is sent to the TSA.
                     * @default 30
                     */
                    intervalSeconds: number;
                    /**
                     * @description How long one TSA request may take.
                     * @default 10000
                     */
                    timeoutMs: number;
                };
            };
            /**
             * @description Attachments: references a call, a note or a sub-call carries. The gateway fetches each
             *     reference once, when it arrives, and refuses the message unless the content's size and
             *     SHA-256 are the declared ones; what it fetched it keeps content-addressed in `folder`
             *     and serves only to the parties entitled to it (docs/security.md).
             */
            attachments?: {
                /**
                 * @description Host names (or IP literals) a reference may name; `*.example.org` names every host under example.org. A partner gateway's own URL is always allowed (its downloads, with a read token).
                 * @default []
                 */
                allowedHosts: string[];
                /**
                 * @description Let an allowed host resolve to a loopback, link-local, private or otherwise internal address. Off, such a reference is refused whatever its name.
                 * @default false
                 */
                allowPrivateAddresses: boolean;
                /**
                 * @description The largest attachment the gateway fetches and keeps.
                 * @default 10485760
                 */
                maxBytes: number;
                /**
                 * @description How long one fetch may take in all.
                 * @default 10000
                 */
                fetchTimeoutMs: number;
                /**
                 * @description Where fetched content is kept, one file per SHA-256; relative to the config file. Gateways sharing PostgreSQL need it on a shared file system.
                 * @default ./attachments
                 */
                folder: string;
            };
            /** @description Delivery of signed messages to partner gateways. */
            delivery?: {
                /** @default 12 */
                maxAttempts: number;
                /** @default 86400 */
                maxAgeSeconds: number;
                /** @default 5000 */
                timeoutMs: number;
                /** @default 500 */
                backoffBaseMs: number;
                /** @default 60000 */
                backoffMaxMs: number;
                /** @default 5 */
                circuitFailureThreshold: number;
                /** @default 30000 */
                circuitCooldownMs: number;
                /** @default 32 */
                connections: number;
                /**
                 * @description The most call submissions and updates sent to a partner gateway in one signed batch; 1 sends each on its own.
                 * @default 16
                 */
                batchSize: number;
                /**
                 * @description How long a replica holds the messages it is sending; when it dies, another replica takes them over after this.
                 * @default 30000
                 */
                leaseMs: number;
            };
            admin?: {
                tokens?: components["schemas"]["TokenConfig"][];
            };
            desk?: {
                tokens?: components["schemas"]["TokenConfig"][];
                /**
                 * @description How long a desk write sent with an Idempotency-Key is remembered, with its answer.
                 * @default 24
                 */
                idempotencyHours: number;
            };
            webhooks?: {
                /** @default 10 */
                maxAttempts: number;
                /** @default 5000 */
                timeoutMs: number;
                /** @default 1000 */
                backoffBaseMs: number;
                /** @default 300000 */
                backoffMaxMs: number;
            };
            log?: {
                /**
                 * @default info
                 * @enum {string}
                 */
                level: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
                /** @description Readable log lines (pino-pretty) instead of JSON lines. When absent, lines are readable when standard output is a terminal and JSON otherwise. */
                pretty?: boolean;
            };
            /**
             * @description How long what a closed call holds is kept after it ends (closed, cancelled or rejected):
             *     `default` for every agreement without a `retention` of its own. The purge job runs every
             *     `intervalSeconds` and removes message bodies, notes' text and requester details whose
             *     time is up; the message log's records, digests, signatures, receipts and proofs stay
             *     (docs/security.md, Retention). Nothing is purged when neither is set.
             */
            retention?: {
                default?: components["schemas"]["RetentionPolicy"];
                /**
                 * @description How often the purge job looks for calls whose time is up.
                 * @default 3600
                 */
                intervalSeconds: number;
            };
            /** @description `GET /metrics` is always served to admin tokens on the main listener; `listen` serves it without a token on an address of its own. */
            metrics?: {
                listen?: {
                    /**
                     * @description Keep it on loopback or a private network.
                     * @default 127.0.0.1
                     */
                    host: string;
                    port: number;
                };
            };
            /**
             * @description The provider's desk tool, when it speaks TMF621 (docs/tmf621.md, "The desk connector"): every
             *     open call is opened there as a trouble ticket, and the tool's status changes and notes are
             *     taken back into the call by polling it.
             */
            deskConnector?: {
                /** @description The tool's TMF621 base URL (ending in `/tmf-api/troubleTicket/v5`). */
                baseUrl: string;
                /** @description Our account at the tool: the `iss` of the JWTs we sign. */
                issuer: string;
                /** @description The tool's `aud` for those JWTs. */
                audience: string;
                /** @description File holding the private JWK (Ed25519 or P-256 */
                keyFile?: string;
                /** @description Environment variable holding that private JWK as JSON. */
                keyEnv?: string;
                /** @description The service to name at the tool (`relatedEntity` role `service`); default none, the tool's only one. */
                service?: string;
                /** @description The agreement to name at the tool (`relatedEntity` role `agreement`). */
                agreement?: string;
                /**
                 * @description How often the tool is asked for news.
                 * @default 5000
                 */
                pollMs: number;
                /** @default 5000 */
                timeoutMs: number;
            };
            /** @description The web console at `/console` (docs/console.md): who may sign in, and how long a session lasts. Desk and admin tokens always sign in too. */
            console?: {
                /** @description People who sign in by name, each with a password hash or a personal token, and their roles. */
                accounts?: components["schemas"]["ConsoleAccount"][];
                /**
                 * @description A session ends this long after sign-in (or at sign-out, or when the gateway restarts).
                 * @default 480
                 */
                sessionMinutes: number;
                /**
                 * @description Failed sign-in attempts allowed per name and per client address, in a minute (the same number at once); once they are used up, sign-ins get 429 with Retry-After.
                 * @default 10
                 */
                signInAttemptsPerMinute: number;
            };
            /** @description The signed network directory of the chain's operator (docs/directory.md). */
            network?: {
                /** @description A signed directory (`usm-link network publish`) this gateway serves at `/.well-known/usm-link-directory`, read on every request so a newly published file is served without a restart. */
                serveFile?: string;
                /**
                 * @description Follow the operator's signed directory published here (docs/directory.md): this gateway
                 *     fetches it every `refreshSeconds`, checks the operator's signature, that its sequence
                 *     never goes back and that it has not expired, and takes its partners' URLs, keys and
                 *     roles from it. A partner entry under `partners` may then omit its keys (they come from
                 *     the directory) and only narrows what the directory allows (roles, keys); a partner that is
                 *     no member of the network (a customer without a gateway) stays as configured.
                 */
                url?: string;
                /** @description The operator's public keys (two during a rotation of the operator's key), a JWKS file or inline. Required with `url`. */
                operatorKeys?: string | {
                    keys: {
                        [key: string]: unknown;
                    }[];
                };
                /**
                 * @description How often the directory is fetched (with several replicas on PostgreSQL, one replica fetches and the others read the document it stored).
                 * @default 300
                 */
                refreshSeconds: number;
            };
        };
        ConsoleAccount: {
            /** @description The name the person signs in with; the call history records it for what they do. */
            name: string;
            /** @description The password as `usm-link console hash-password` writes it: `scrypt$N$r$p$salt$hash` (node:crypto scrypt, base64url). A hash, never the password. */
            passwordHash?: string;
            /** @description A personal token to sign in with instead of a password, from an environment variable or a file. */
            token?: {
                env?: string;
                file?: string;
            };
            /** @description `desk` works calls (the desk API); `admin` sees the operator pages (the admin API). */
            roles: ("desk" | "admin")[];
        };
        TokenConfig: {
            name: string;
            /** @description Environment variable holding the token. */
            env?: string;
            /** @description File holding the token. */
            file?: string;
            /**
             * @description Development only. Create a random token in `file` when it does not exist.
             * @default false
             */
            createIfMissing: boolean;
        };
        /** @description The gateway's private signing key, a JWK (OKP Ed25519 or EC P-256) with a `kid`. */
        SigningConfig: {
            /** @description File holding the private JWK. */
            keyFile?: string;
            /** @description Environment variable holding the private JWK as JSON. */
            keyEnv?: string;
            /**
             * @description Development only. Generate an Ed25519 key in `keyFile` when it does not exist.
             * @default false
             */
            createIfMissing: boolean;
            /**
             * @description Key rotation: more JWK files (private or public) whose public keys are published in
             *     /.well-known/jwks.json beside the signing key, so that two keys are live at once: the next
             *     key before switching to it, or the previous one until every partner has the new one.
             */
            publishKeyFiles?: string[];
            /**
             * @description Key rollover: the key to sign with from `activateAt` on. Its public half is published in
             *     /.well-known/jwks.json from the start, so partners fetching the JWKS know it before the switch.
             */
            next?: {
                /** @description File holding the next private JWK. */
                keyFile: string;
                /** @description When the gateway starts signing with the next key (RFC 3339). */
                activateAt: string;
            };
            /**
             * @description After the switch to `next`, how long the previous key stays published (so receipts and
             *     messages signed with it still verify); a week by default.
             * @default 604800
             */
            retireAfterSeconds: number;
        };
        PartnerConfig: {
            id: string;
            name: string;
            roles: ("customer" | "supplier")[];
            /** @description The partner's public keys, inline. */
            jwks?: {
                keys: {
                    [key: string]: unknown;
                }[];
            };
            /** @description A file with the partner's public JWKS. */
            jwksFile?: string;
            /**
             * @description Where the partner publishes its keys (its gateway's /.well-known/jwks.json), fetched at start
             *     and every `jwksRefreshSeconds`; only this URL is fetched. Must be https, except on a loopback
             *     address. A fetch that fails keeps the last good keys; a key gone from the JWKS is refused from
             *     the next refresh on. With `jwks`/`jwksFile` or `kids` beside it, those pin: only fetched keys
             *     among them are accepted.
             */
            jwksUrl?: string;
            /**
             * @description How often `jwksUrl` is fetched again.
             * @default 300
             */
            jwksRefreshSeconds: number;
            /** @description A pin: the key ids accepted from `jwksUrl` (a fetched key with another kid is refused). */
            kids?: string[];
            /**
             * @description Development only. A private JWK file for this partner; generated when missing and its
             *     public half trusted. Lets the CLI act as this partner on a test gateway.
             */
            devKeyFile?: string;
            /**
             * @description The partner's usm-link gateway. Required for a supplier (calls are raised there); for a
             *     customer it means status changes of its calls are sent there as signed messages.
             */
            url?: string;
            /** @description For a supplier, the services it provides to us. */
            services?: {
                id: string;
                name: string;
            }[];
            /** @description The partner's use of the TMF621 facade (docs/tmf621.md). */
            tmf?: {
                /**
                 * @description The hosts the partner's `/hub` listener callbacks may name: a host name (`listener.example.com`),
                 *     `*.` and a domain for its subdomains (`*.example.com`), or an IP address. Without it the
                 *     partner cannot subscribe.
                 */
                callbackHosts?: string[];
                /**
                 * @description Let the callbacks reach loopback, link-local, private and other non-public addresses
                 *     (checked on the resolved address at subscription and at every delivery). Off by default,
                 *     so that a partner cannot make the gateway call into the provider's own network.
                 * @default false
                 */
                allowPrivateAddresses: boolean;
            };
            tls?: components["schemas"]["PartnerTlsConfig"];
        };
        /**
         * @description Serve HTTPS (docs/deploy.md, "TLS and mutual TLS"). With `ca`, partners are asked for a client
         *     certificate checked against it, and a partner's `tls.clientCertSha256` or `tls.clientCertSubject`
         *     binds its signed messages and read tokens to its own certificate. Files are read at start: a
         *     new certificate takes a restart.
         */
        ListenTlsConfig: {
            /** @description PEM file with the server certificate (and the intermediates after it). */
            cert: string;
            /** @description PEM file with its private key. */
            key?: string;
            /** @description Environment variable holding that private key as PEM (instead of `key`). */
            keyEnv?: string;
            /** @description PEM file with the CAs partners' client certificates must chain to; set */
            ca?: string;
            /**
             * @description With `ca`, the TLS handshake itself refuses a client without a certificate that chains to it (the desk, the console and /healthz too then need one).
             * @default false
             */
            requireClientCert: boolean;
        };
        /** @description TLS toward and from this partner's gateway (docs/deploy.md, "TLS and mutual TLS"). */
        PartnerTlsConfig: {
            /**
             * @description Inbound, with `listen.tls.ca`: the client certificates the partner's signed messages and read
             *     tokens must come over, each the SHA-256 fingerprint of the certificate (hex, colons allowed) or
             *     the base64 SHA-256 of its SubjectPublicKeyInfo (an SPKI pin, which survives a renewal with the
             *     same key). Another certificate, or none, is refused with USM_ERR_CLIENT_CERTIFICATE before the body is read.
             */
            clientCertSha256?: string[];
            /** @description Inbound, with `listen.tls.ca`, instead of or besides `clientCertSha256`; the subject common name (CN) the partner's client certificate must have. */
            clientCertSubject?: string;
            /** @description Outbound: PEM file with our client certificate toward this partner's gateway (and its intermediates). */
            clientCert?: string;
            /** @description Outbound */
            clientKey?: string;
            /** @description Outbound */
            clientKeyEnv?: string;
            /** @description Outbound: PEM file with the CAs the partner's server certificate must chain to (instead of the system's). */
            ca?: string;
            /**
             * @description Outbound: the base64 SHA-256 of the SubjectPublicKeyInfo of the partner gateway's server
             *     certificate (one or more, for a rollover). A server whose certificate has none of them is
             *     refused: messages to it stay in the outbox and are retried, with the reason in the log.
             */
            pinSha256?: string[];
        };
        UnderpinningConfig: {
            id: string;
            supplier: string;
            services: string[];
            /**
             * @default active
             * @enum {string}
             */
            status: "active" | "terminated";
            serviceLevels: components["schemas"]["ServiceLevels"];
            /** @description An RFC 3339 date-time: from when calls are taken under the agreement (inclusive); open when absent. */
            validFrom?: string;
            /** @description An RFC 3339 date-time: until when calls are taken under the agreement (exclusive); open when absent. */
            validUntil?: string;
            /** @description Service levels per service id of this agreement, each overriding `serviceLevels` member by member (`targets` as a whole). */
            serviceLevelsByService?: {
                [key: string]: {
                    supportHours?: string;
                    availability?: number;
                    confirmationHours?: number;
                    onRejection?: components["schemas"]["RejectionReturn"];
                    targets?: components["schemas"]["ServiceLevelTarget"][];
                };
            };
        };
        TriggerRuleConfig: {
            /** @description Our service. */
            service: string;
            /** @description The types of the calls that raise it; each one's process must trigger `raise`. */
            callTypes: ("wish" | "rfc" | "incident" | "risk")[];
            /**
             * @description The type of the triggered call.
             * @enum {string}
             */
            raise: "wish" | "rfc" | "service_request";
            /** @description The provider's own agreement the triggered call falls under (default the first active one of `party.id` that covers the service). */
            agreement?: string;
        };
        RouteConfig: {
            /** @description Our service. */
            service: string;
            supplier: string;
            supplierService: string;
            /** @description The underpinning agreement the sub-call falls under. */
            agreement: string;
            /** @description The call types routed this way; all when absent. */
            callTypes?: ("wish" | "rfc" | "service_request" | "incident" | "risk")[];
            /**
             * @description `auto` forks every matching call to the supplier as soon as it arrives: the gateway accepts
             *     it and walks it to the fork step (`at`), then raises the sub-call. `manual` lets the desk
             *     escalate along this route.
             * @default manual
             * @enum {string}
             */
            mode: "manual" | "auto";
            /** @description The fork step for `auto` (default the first supplier fork step of the call's process). */
            at?: {
                /** @enum {string} */
                process: "agree" | "change" | "recover" | "operate" | "improve";
                step: number;
            };
            /** @enum {string} */
            subCallType?: "wish" | "rfc" | "service_request" | "incident" | "risk";
            /**
             * @description `resume` puts the parent back in progress for the desk; `resolve` also resolves it with the
             *     supplier's resolution (the gateway walks it to its last fulfilment step).
             * @default resume
             * @enum {string}
             */
            onSupplierResolved: "resume" | "resolve";
            /**
             * @description Pass the supplier's public notes on to our customer as public notes.
             * @default false
             */
            relayNotes: boolean;
        };
        ServiceLevels: {
            /**
             * @description `24x7`, or days, hours and a time zone: `Mo-Fr 08:00-18:00 Europe/Amsterdam`,
             *     `Mo,We,Fr 07:30-16:00 UTC` (the grammar is in the contract, `ServiceLevels.supportHours`).
             */
            supportHours: string;
            availability?: number;
            /** @description How long a resolved call waits for the customer's answer; then the provider closes it. Never, when absent. */
            confirmationHours?: number;
            onRejection?: components["schemas"]["RejectionReturn"];
            targets: components["schemas"]["ServiceLevelTarget"][];
        };
        /**
         * @description The step a rejected resolution goes back to, for the calls whose workflow has it among its
         *     fulfilment steps (e.g. `{process: recover, step: 3}`); the last fulfilment step otherwise.
         */
        RejectionReturn: {
            /** @enum {string} */
            process: "agree" | "change" | "recover" | "operate" | "improve";
            step: number;
        };
        /** @description The targets for calls of one priority, in minutes of support time, from 1 to 525600 (one year). */
        ServiceLevelTarget: {
            priority: number;
            responseMinutes: number;
            resolutionMinutes: number;
        };
        AgreementConfig: {
            id: string;
            /** @description A partner with the customer role, or this gateway's own `party.id`: an operational agreement for the provider's internal calls (raised at the desk). */
            customer: string;
            services: string[];
            /**
             * @default active
             * @enum {string}
             */
            status: "active" | "terminated";
            serviceLevels: components["schemas"]["ServiceLevels"];
            /** @description An RFC 3339 date-time: from when calls are taken under the agreement (inclusive); open when absent. */
            validFrom?: string;
            /** @description An RFC 3339 date-time: until when calls are taken under the agreement (exclusive); open when absent. */
            validUntil?: string;
            /** @description Service levels per service id of this agreement, each overriding `serviceLevels` member by member (`targets` as a whole). */
            serviceLevelsByService?: {
                [key: string]: {
                    supportHours?: string;
                    availability?: number;
                    confirmationHours?: number;
                    onRejection?: components["schemas"]["RejectionReturn"];
                    targets?: components["schemas"]["ServiceLevelTarget"][];
                };
            };
            /**
             * @description The users the customer authorises under this agreement: a requester is known when its
             *     `id` is in `ids` or its e-mail address is at one of `emailDomains` (the domain exactly,
             *     any case). A wish (a change to the agreement) is taken only from a contract holder, a
             *     requester whose `id` or e-mail address is in `contractHolders`, when that list is given.
             *     What happens to others is `onUnknownRequester`.
             */
            requesters?: {
                ids?: string[];
                emailDomains?: string[];
                /** @description Requester ids or e-mail addresses (any case) of those who may submit a wish. */
                contractHolders?: string[];
            };
            retention?: components["schemas"]["RetentionPolicy"];
            /**
             * @description A call from a requester `requesters` does not know (or a wish from one who is not a contract
             *     holder): `accept` it as any other (the default), `refuse` it (422
             *     `USM_ERR_REQUESTER_UNKNOWN`), or accept and `flag` it (`requesterUnknown` on the desk's view
             *     of the call and an internal note).
             * @default accept
             * @enum {string}
             */
            onUnknownRequester: "accept" | "refuse" | "flag";
        };
        /**
         * @description Days after a call ends that its data is kept. In an agreement, a member left out takes
         *     `retention.default`'s; left out there too, that data is kept for good.
         *     `bodiesDays`: the signed message bytes and stored answers of the call's inbound messages
         *     and its delivered outbox messages, and its attachments' content (unless another call whose
         *     bodies are kept holds the same bytes). `notesDays`: the notes' text and history comments.
         *     `requesterDays`: the requester's name, e-mail address, phone and id, wherever the call's
         *     records hold them. Message bodies hold notes and requester details too: they go at the
         *     earliest of the three. The log's leaves (digests, signatures, receipts) always stay.
         */
        RetentionPolicy: {
            bodiesDays?: number;
            notesDays?: number;
            requesterDays?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
