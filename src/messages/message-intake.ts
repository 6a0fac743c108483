import { GatewayError } from '../kernel/gateway-error.js';
import type { VerificationKey } from '../keys/jwk.js';
import type { Partner, PartnerDirectory } from '../partners/partner-directory.js';
import type { Envelope, MessageType } from './envelope.js';
import { verifyCompact, verifyDetached } from './jws.js';
import { BATCH_TYPE, bodyDigest, checkManifest } from './batch.js';

/** A message whose signature verified, with the partner that signed it. */
export interface AuthenticatedMessage {
  readonly sender: Partner;
  readonly key: VerificationKey;
  readonly signature: string;
  readonly body: Buffer;
  /** `sha-256=<base64url>` of the exact body bytes. */
  readonly digest: string;
  /** The signing time from the signature's protected header, in ms, when it has one. */
  readonly signedAt: number | undefined;
}

export interface MessageIntake {
  /** Checks the detached signature over the raw body; runs before the body is trusted in any way. */
  authenticate(body: Buffer, signature: string | undefined): AuthenticatedMessage;
  /**
   * Checks a batch's manifest JWS and that it lists exactly these messages: each message then counts
   * as signed by the batch's signer at the manifest's `iat`, with the manifest JWS as its signature.
   */
  authenticateBatch(messages: readonly Buffer[], signature: string | undefined): AuthenticatedMessage[];
  /** Checks the envelope against its signer, this gateway and the endpoint. */
  checkEnvelope(envelope: Envelope, message: AuthenticatedMessage, expectedTypes: readonly MessageType[]): void;
  /**
   * Checks freshness against this gateway's clock: the signature's `iat` when it has one (queued
   * messages are re-signed at each attempt), else the envelope's `time`. Runs after the replay
   * lookup, so a late identical resend still gets its first answer.
   */
  checkTime(envelope: Envelope, message: AuthenticatedMessage): void;
}

export function createMessageIntake(options: {
  readonly self: string;
  readonly partners: PartnerDirectory;
  readonly algorithms: readonly string[];
  readonly windowSeconds: number;
  readonly now: () => number;
}): MessageIntake {
  const algorithms = new Set(options.algorithms);
  const keyFor = (kid: string): VerificationKey | undefined => options.partners.keyOwner(kid)?.key;
  return {
    authenticate(body, signature) {
      if (signature === undefined || signature.length === 0) throw new GatewayError('USM_ERR_SIGNATURE_MISSING');
      const { key, iat } = verifyDetached(body, signature, { algorithms, keyFor });
      return { sender: options.partners.keyOwner(key.kid)!.partner, key, signature, body, digest: bodyDigest(body), signedAt: iat === undefined ? undefined : iat * 1000 };
    },
    authenticateBatch(messages, signature) {
      if (signature === undefined || signature.length === 0) throw new GatewayError('USM_ERR_SIGNATURE_MISSING');
      const { key, payload } = verifyCompact(signature, { algorithms, keyFor }, BATCH_TYPE);
      const { iat, digests } = checkManifest(payload, messages);
      const sender = options.partners.keyOwner(key.kid)!.partner;
      return messages.map((body, i) => ({ sender, key, signature, body, digest: digests[i]!, signedAt: iat * 1000 }));
    },
    checkEnvelope(envelope, message, expectedTypes) {
      if (envelope.from !== message.sender.id) {
        throw new GatewayError('USM_ERR_SENDER_MISMATCH', `the message is from ${envelope.from} but signed with a key of ${message.sender.id}`);
      }
      if (envelope.to !== options.self) {
        throw new GatewayError('USM_ERR_WRONG_RECIPIENT', `this gateway is ${options.self}, the message is for ${envelope.to}`);
      }
      if (!expectedTypes.includes(envelope.type)) {
        throw new GatewayError('USM_ERR_MESSAGE_TYPE_MISMATCH', `this endpoint takes ${expectedTypes.join(', ')}, not ${envelope.type}`);
      }
    },
    checkTime(envelope, message) {
      const sent = message.signedAt ?? Date.parse(envelope.time);
      const skew = Math.abs(options.now() - sent);
      if (!Number.isFinite(sent) || skew > options.windowSeconds * 1000) {
        throw new GatewayError('USM_ERR_MESSAGE_TIME', `the ${message.signedAt === undefined ? 'message time' : 'signature time (iat)'} must be within ${options.windowSeconds} s of ${new Date(options.now()).toISOString()}`);
      }
    },
  };
}
