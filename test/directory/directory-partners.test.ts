import { describe, expect, it } from 'vitest';
import { partnersFromDirectory } from '../../src/directory/directory-partners.js';
import { generatePrivateJwk, publicJwkOf, verificationKeyOf } from '../../src/keys/jwk.js';
import { createPartnerDirectory, createSwitchablePartners, type Partner } from '../../src/partners/partner-directory.js';
import { testDirectory } from '../support/network-operator.js';

const jwk = async () => publicJwkOf(await generatePrivateJwk('EdDSA'));

describe('the partners a gateway takes from a directory', () => {
  it('takes roles from the links and keys valid now; the config narrows them and never widens', async () => {
    const [a1, a2, b1, c1, w1, w2, x1] = await Promise.all([jwk(), jwk(), jwk(), jwk(), jwk(), jwk(), jwk()]);
    const now = 2_000_000_000;
    const member = (id: string, keys: { jwk: typeof a1; nbf?: number; exp?: number }[], services: string[] = []) => ({ id, name: `${id} (directory)`, url: `https://${id}.example.org`, roles: [], keys, services: services.map((s) => ({ id: s, name: s })) });
    const directory = testDirectory({
      sequence: 7,
      members: [
        member('self', []),
        member('a', [{ jwk: a1 }, { jwk: a2, exp: now - 1 }], ['hosting', 'backup']),
        member('b', [{ jwk: b1, nbf: now + 60 }]),
        member('c', [{ jwk: c1 }]),
        member('loner', [{ jwk: c1 }]),
      ],
      links: [
        { customer: 'self', supplier: 'a', agreement: 'self-a', services: ['hosting'] },
        { customer: 'a', supplier: 'self', agreement: 'a-self', services: ['x'] },
        { customer: 'b', supplier: 'self', agreement: 'b-self', services: ['x'] },
        { customer: 'c', supplier: 'self', agreement: 'c-self', services: ['x'] },
      ],
      revocations: { keys: [{ member: 'ward', kid: w2.kid! }], members: [{ id: 'gone' }] },
    });
    const local = (id: string, roles: Partner['roles'], keys: (typeof a1)[]): Partner => ({ id, name: `${id} (config)`, roles, keys: keys.map(verificationKeyOf), source: 'local' });
    // The config's TLS toward a member goes with it: the directory says where, the config how to connect.
    const tls = { outbound: { pinSha256: ['nEEY/KyJgNFHEudjrGN3rXI/509dylqpEkYpPU/lqPA='] }, clientCertSha256: ['nEEY/KyJgNFHEudjrGN3rXI/509dylqpEkYpPU/lqPA='] };
    const taken = partnersFromDirectory(directory, 'self', [{ ...local('a', ['supplier'], []), tls }, local('c', ['customer'], [x1]), local('ward', ['customer'], [w1, w2]), local('gone', ['customer'], [x1]), local('loner', ['customer'], [])], now);

    const byId = new Map(taken.partners.map((p) => [p.id, p]));
    // a: both roles by the links, narrowed to supplier by the config; only its key valid now; the services of its links.
    expect(byId.get('a')).toMatchObject({ roles: ['supplier'], url: 'https://a.example.org', source: 'directory', name: 'a (config)', services: [{ id: 'hosting', name: 'hosting' }] });
    expect(byId.get('a')!.keys.map((k) => k.kid)).toEqual([a1.kid]);
    expect(byId.get('a')!.tls).toBe(tls);
    // b: its only key is not valid yet; c: the config lists a key the directory does not: nothing in common.
    expect(byId.has('b')).toBe(false);
    expect(byId.has('c')).toBe(false);
    // The ward is no member: as configured, less the key the operator revoked.
    expect(byId.get('ward')).toMatchObject({ roles: ['customer'], source: 'local' });
    expect(byId.get('ward')!.keys.map((k) => k.kid)).toEqual([w1.kid]);
    // A revoked member and a member without a link are not partners, whatever the config says.
    expect(byId.has('gone')).toBe(false);
    expect(byId.has('loner')).toBe(false);
    expect(taken.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^b: no key of it is valid now/),
        expect.stringMatching(/^c: no key of it is valid now among those the config lists/),
        expect.stringMatching(/^gone: revoked/),
        expect.stringMatching(/^loner: the directory allows no link/),
        expect.stringMatching(/^ward: 1 of its configured keys revoked/),
      ]),
    );
    expect(taken.directory.keyOwner(a1.kid!)?.partner.id).toBe('a');
    expect(taken.directory.keyOwner(a2.kid!)).toBeUndefined();
  });
});

describe('the partner directory swapped by a followed directory', () => {
  it('lets what runs pinned (a request) finish on the directory it started with, while the next one sees the new', async () => {
    const partner = (id: string): Partner => ({ id, name: id, roles: ['customer'], keys: [] });
    const switchable = createSwitchablePartners(createPartnerDirectory([partner('old')]));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight = switchable.pinned(async () => {
      const before = switchable.all().map((p) => p.id);
      await gate;
      await new Promise((resolve) => setImmediate(resolve));
      return [before, switchable.all().map((p) => p.id)];
    });
    switchable.swap(createPartnerDirectory([partner('new')]));
    expect(switchable.get('new')?.id).toBe('new');
    expect(await switchable.pinned(async () => switchable.all().map((p) => p.id))).toEqual(['new']);
    release();
    expect(await inFlight).toEqual([['old'], ['old']]);
  });
});
