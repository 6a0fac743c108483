import { describe, expect, it } from 'vitest';
import { generatePrivateJwk, publicJwkOf } from '../../src/keys/jwk.js';
import { compareWithDirectory } from '../../src/network/directory-online.js';
import { testDirectory } from '../support/network-operator.js';

describe('network check --online: running gateways against the directory', () => {
  it('names a gateway that signs with a key the directory does not list, answers as another party or lists a stale key', async () => {
    const [listed, signing, retired] = await Promise.all([generatePrivateJwk('EdDSA'), generatePrivateJwk('EdDSA'), generatePrivateJwk('EdDSA')]).then((keys) => keys.map(publicJwkOf));
    const now = Math.floor(Date.now() / 1000);
    const member = (id: string, keys: typeof listed[]) => ({ id, name: id, url: `https://${id}.example.org`, roles: [], keys: keys.map((jwk) => ({ jwk })), services: [] });
    const directory = testDirectory({ sequence: 4, members: [member('a', [listed!]), member('b', [listed!, retired!]), member('c', [listed!])], links: [] });
    const differences = compareWithDirectory(
      directory,
      new Map([
        ['a', { discovery: { partyId: 'a', apiBase: 'https://a.example.org' }, keys: [signing!, listed!] }],
        ['b', { discovery: { partyId: 'x', apiBase: 'https://elsewhere.example.org/' }, keys: [listed!] }],
        ['c', { discovery: new Error('connect ECONNREFUSED'), keys: [] }],
      ]),
      now,
    );
    expect(differences.map((d) => [d.member, d.kind, d.severity])).toEqual([
      ['a', 'signing-key-not-listed', 'error'],
      ['b', 'party-mismatch', 'error'],
      ['b', 'url-mismatch', 'warning'],
      ['b', 'key-not-published', 'warning'],
      ['c', 'unreachable', 'error'],
    ]);
    expect(differences[0]!.message).toContain(signing!.kid);
  });
});
