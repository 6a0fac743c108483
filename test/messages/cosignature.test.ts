import { describe, expect, it } from 'vitest';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import { COSIGNATURE_TYPE, cosignatureStatement, readCosignature, signCosignature } from '../../src/messages/cosignature.js';
import { publicJwkOf, verificationKeyOf } from '../../src/keys/jwk.js';
import { makePartner } from '../support/gateway-fixture.js';

describe("a witness's cosignature of a log checkpoint", () => {
  const statement = { origin: 'provider', treeSize: 37, rootHash: Buffer.alloc(32, 5).toString('base64url'), witness: 'supplier', at: '2026-12-02T01:02:03.456Z' };

  it('signs exactly the five members in order under its own type, and reads back with the witness key only', async () => {
    const witness = await makePartner('supplier');
    const other = await makePartner('other', 'ES256');
    // Members given in another order, and one more: the payload is still exactly the five, in order.
    const jws = signCosignature({ at: statement.at, witness: 'supplier', rootHash: statement.rootHash, treeSize: 37, origin: 'provider', extra: 1 } as typeof statement, witness.key);
    const [header, payload] = jws.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'EdDSA', kid: witness.key.kid, typ: COSIGNATURE_TYPE });
    expect(Buffer.from(payload!, 'base64url').toString()).toBe('{"origin":"provider","treeSize":37,"rootHash":"BQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU","witness":"supplier","at":"2026-12-02T01:02:03.456Z"}');

    const key = verificationKeyOf(publicJwkOf(witness.jwk));
    const options = { algorithms: new Set(['EdDSA', 'ES256']), keyFor: (kid: string) => (kid === key.kid ? key : undefined) };
    expect(readCosignature(jws, options)).toEqual(statement);
    expect(cosignatureStatement(jws)).toEqual(statement);
    expect(() => readCosignature(signCosignature(statement, other.key), options)).toThrow(expect.objectContaining({ code: 'USM_ERR_UNKNOWN_KEY' }));
    // Another EdDSA key under the witness's kid: the signature does not match.
    const impostor = await makePartner('impostor');
    expect(() => readCosignature(signCosignature(statement, { ...impostor.key, kid: key.kid }), options)).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));
    // A checkpoint signed by the same key does not pass for a cosignature.
    expect(() => readCosignature(signCheckpoint(statement, witness.key), options)).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));
  });

  it('refuses a statement without all five members or with a malformed root or time', async () => {
    const witness = await makePartner('supplier');
    const key = verificationKeyOf(publicJwkOf(witness.jwk));
    const options = { algorithms: new Set(['EdDSA']), keyFor: () => key };
    for (const bad of [{ ...statement, witness: undefined }, { ...statement, treeSize: -1 }, { ...statement, treeSize: 1.5 }, { ...statement, rootHash: 'short' }, { ...statement, at: 'yesterday' }]) {
      const jws = signCosignature(bad as unknown as typeof statement, witness.key);
      expect(() => readCosignature(jws, options)).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));
      expect(() => cosignatureStatement(jws)).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));
    }
    expect(() => cosignatureStatement('not-a-jws')).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));
  });
});
