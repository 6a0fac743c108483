import type { AuthenticatedMessage } from '../messages/message-intake.js';
import type { Partner } from '../partners/partner-directory.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact body bytes, for signature checks. */
    rawBody?: Buffer;
    /** The partner a read token authenticated. */
    partner?: Partner;
    /** The signed message a write carried, once its signature verified. */
    signedMessage?: AuthenticatedMessage;
    /** Who made a desk request: the name of the desk token presented, or the person signed in to the console. */
    deskToken?: string;
  }
}

export {};
