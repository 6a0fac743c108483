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
            };
            /** @description The base URL partners reach this gateway at. */
            publicUrl?: string;
            /** @description `sqlite:<path>` for the embedded store. */
            storage: string;
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
            };
            services: {
                id: string;
                name: string;
                description?: string;
            }[];
            partners: components["schemas"]["PartnerConfig"][];
            agreements?: components["schemas"]["AgreementConfig"][];
            desk?: {
                tokens?: {
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
                }[];
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
            };
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
        };
        PartnerConfig: {
            id: string;
            name: string;
            roles: ("customer" | "supplier")[];
            /** @description The partner's public keys, inline. */
            jwks?: {
                keys: Record<string, never>[];
            };
            /** @description A file with the partner's public JWKS. */
            jwksFile?: string;
            /**
             * @description Development only. A private JWK file for this partner; generated when missing and its
             *     public half trusted. Lets the CLI act as this partner on a test gateway.
             */
            devKeyFile?: string;
        };
        AgreementConfig: {
            id: string;
            customer: string;
            services: string[];
            /**
             * @default active
             * @enum {string}
             */
            status: "active" | "terminated";
            serviceLevels: {
                supportHours: string;
                availability?: number;
                targets: {
                    priority: number;
                    responseMinutes: number;
                    resolutionMinutes: number;
                }[];
            };
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
