import { describe, expect, it } from 'vitest';
import { generatePrivateJwk, signingKeyOf, SIGNING_ALGORITHMS } from '../../src/keys/jwk.js';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import { COSIGNATURE_TYPE, cosignatureStatement, readCosignature, signCosignature } from '../../src/messages/cosignature.js';

const ROOT = 'hO2R8i4h_YNg7jdnDduo3gG3HhXp1jyRIQhWLCDzySk';

describe('cosignatures', () => {
  it.each(SIGNING_ALGORITHMS)('signs and reads back a witness statement (%s), exactly its five members in order', async (alg) => {
    const key = signingKeyOf(await generatePrivateJwk(alg));
    const statement = { origin: 'provider', treeSize: 37, rootHash: ROOT, witness: 'hospital', at: '2026-12-02T01:02:03.456Z' };
    const jws = signCosignature({ ...statement, extra: 'dropped' } as typeof statement, key);
    const options = { algorithms: new Set<string>(SIGNING_ALGORITHMS), keyFor: (kid: string) => (kid === key.kid ? key : undefined) };
    expect(readCosignature(jws, options)).toEqual(statement);
    expect(Buffer.from(jws.split('.')[1]!, 'base64url').toString()).toBe(JSON.stringify(statement));
    expect(JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg, kid: key.kid, typ: COSIGNATURE_TYPE });
    expect(cosignatureStatement(jws)).toEqual(statement);
    // A checkpoint is not a cosignature, even by the same key; another key does not verify it.
    const checkpoint = signCheckpoint({ origin: 'provider', treeSize: 37, rootHash: ROOT, at: statement.at }, key);
    expect(() => readCosignature(checkpoint, options)).toThrow();
    const other = signingKeyOf(await generatePrivateJwk(alg));
    expect(() => readCosignature(jws, { ...options, keyFor: () => other })).toThrow();
    expect(() => cosignatureStatement(signCosignature({ ...statement, rootHash: 'short' }, key))).toThrow(/rootHash/);
  });
});
