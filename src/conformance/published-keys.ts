import type { JWK } from 'jose';
import { verificationKeyOf, type VerificationKey } from '../keys/jwk.js';
import { objectOf } from './expectations.js';

/** Private JWK members (RFC 7518 section 6): none may be published. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const;

/**
 * Reads a published JWKS as docs/protocol.md describes keys: `{"keys": [...]}`, each an Ed25519
 * (`OKP`, `x`) or P-256 (`EC`, `x`, `y`) public key with a unique `kid` and an `alg`, when given,
 * that fits it. Gives the usable keys and a problem for each key that is not.
 */
export function readPublishedKeys(body: unknown): { keys: VerificationKey[]; problems: string[] } {
  const keys = objectOf(body)?.keys;
  if (!Array.isArray(keys)) return { keys: [], problems: ['the JWKS is not {"keys": [...]}'] };
  if (keys.length === 0) return { keys: [], problems: ['the JWKS has no keys'] };
  const problems: string[] = [];
  const usable: VerificationKey[] = [];
  const kids = new Set<string>();
  keys.forEach((entry, i) => {
    const jwk = objectOf(entry);
    const name = typeof jwk?.kid === 'string' ? `key ${jwk.kid}` : `key ${i}`;
    if (jwk === undefined) return problems.push(`key ${i} is not a JSON object`);
    const secret = PRIVATE_MEMBERS.filter((member) => member in jwk);
    if (secret.length > 0) return problems.push(`${name} publishes private members (${secret.join(', ')})`);
    if (typeof jwk.kid === 'string' && kids.has(jwk.kid)) return problems.push(`${name} is published twice`);
    try {
      const key = verificationKeyOf(jwk as JWK);
      kids.add(key.kid);
      usable.push(key);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
    return undefined;
  });
  return { keys: usable, problems };
}
