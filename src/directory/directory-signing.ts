import type { JWK } from 'jose';
import { fromBase64url } from '../kernel/base64url.js';
import { SIGNING_ALGORITHMS, verificationKeyOf, type SigningKey } from '../keys/jwk.js';
import { signCompact, verifyCompact } from '../messages/jws.js';
import { DIRECTORY_TYP, DirectoryError, parseDirectory, type Directory } from './directory-document.js';

/** The directory as a compact JWS signed by the operator's key (typ usm-link-directory+jws). */
export function signDirectory(directory: Directory, key: SigningKey): string {
  return signCompact(Buffer.from(JSON.stringify(parseDirectory(directory))), key, DIRECTORY_TYP);
}

export interface VerifyDirectoryOptions {
  /** The operator's public keys; any one of them (two during a rotation) may have signed. */
  readonly operatorKeys: readonly JWK[];
  /** Unix seconds. */
  readonly now: number;
  /** The directory held so far: the new one must be of the same network and have a higher sequence. */
  readonly after?: Directory | undefined;
  /** Seconds a signing time may lie ahead of `now` (clock skew). */
  readonly skewSeconds?: number;
  /** Take an expired document (the last good one a follower kept, read back from its store). */
  readonly allowExpired?: boolean;
}

/**
 * Checks a signed directory: the signature by one of the operator's keys and the type, the schema,
 * the times (signed no later than now, not expired) and, given the directory held so far, that the
 * network is the same and the sequence grew (a replayed older document is refused).
 */
export function verifyDirectory(jws: string, options: VerifyDirectoryOptions): Directory {
  const keys = new Map(options.operatorKeys.map((jwk) => [jwk.kid, verificationKeyOf(jwk)]));
  let payload: Buffer;
  try {
    ({ payload } = verifyCompact(jws.trim(), { algorithms: new Set(SIGNING_ALGORITHMS), keyFor: (kid) => keys.get(kid) }, DIRECTORY_TYP));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'USM_ERR_UNKNOWN_KEY' ? "it is not signed by one of the operator's keys" : (error as Error).message;
    throw new DirectoryError('DIR_SIGNATURE', `the directory's signature does not verify: ${why}`, { cause: error });
  }
  const directory = parseDirectory(parseJson(payload));
  const skew = options.skewSeconds ?? 300;
  if (directory.iat > options.now + skew) throw new DirectoryError('DIR_NOT_YET', `the directory is signed at ${iso(directory.iat)}, in the future`);
  if (directory.exp <= directory.iat) throw new DirectoryError('DIR_SCHEMA', 'the directory expires before it is signed');
  if (directory.exp <= options.now && options.allowExpired !== true) throw new DirectoryError('DIR_EXPIRED', `the directory expired at ${iso(directory.exp)}`);
  const after = options.after;
  if (after !== undefined) {
    if (after.network.id !== directory.network.id) throw new DirectoryError('DIR_NETWORK', `the directory is of network ${directory.network.id}, not ${after.network.id}`);
    if (directory.sequence <= after.sequence) {
      throw new DirectoryError('DIR_ROLLBACK', `the directory's sequence ${directory.sequence} is not above ${after.sequence}, the one held: an older or replayed document`);
    }
  }
  return directory;
}

/**
 * The payload of a signed directory without checking the signature: for the document a follower
 * already holds (verified when it was taken, and perhaps signed by a key since rotated away).
 */
export function readDirectoryUnverified(jws: string): Directory {
  const parts = jws.trim().split('.');
  const payload = parts.length === 3 ? fromBase64url(parts[1]!) : undefined;
  if (payload === undefined) throw new DirectoryError('DIR_SCHEMA', 'not a compact JWS');
  return parseDirectory(parseJson(payload));
}

function parseJson(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    throw new DirectoryError('DIR_SCHEMA', 'the directory is not JSON');
  }
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
