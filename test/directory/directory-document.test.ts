import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDirectories } from '../../src/directory/directory-diff.js';
import { parseDirectory, type Directory } from '../../src/directory/directory-document.js';
import { signDirectory, verifyDirectory } from '../../src/directory/directory-signing.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf } from '../../src/keys/jwk.js';
import { directoryOf, readOperatorSource } from '../../src/network/network-directory.js';
import { loadNetwork, type Network } from '../../src/network/network-model.js';

const examples = new URL('../../config/examples/', import.meta.url).pathname;

async function healthChain(): Promise<{ network: Network; directory: Directory }> {
  const network = await loadNetwork(join(examples, 'health-chain'));
  const directory = directoryOf(network, await readOperatorSource(join(examples, 'health-chain')), { sequence: 1, issuedAt: 1_800_000_000, validSeconds: 3600 });
  return { network, directory };
}

describe('the directory document', () => {
  it('passes its own schema, and refuses a member listed twice, a link to a stranger and a private key', async () => {
    const { directory } = await healthChain();
    expect(parseDirectory(JSON.parse(JSON.stringify(directory)))).toEqual(directory);
    const codeOf = (value: unknown): unknown => {
      try {
        parseDirectory(value);
        return undefined;
      } catch (error) {
        return [(error as { code: string }).code, (error as Error).message];
      }
    };
    expect(codeOf({ ...directory, members: [...directory.members, directory.members[0]] })).toEqual(['DIR_SCHEMA', 'member nordic-hosting is listed twice']);
    expect(codeOf({ ...directory, links: [{ customer: 'stranger', supplier: 'nordic-hosting', agreement: 'x', services: [] }] })).toEqual(['DIR_SCHEMA', 'link x names stranger, which is not a member']);
    const secret = await generatePrivateJwk();
    const leaked = { ...directory, members: [{ ...directory.members[0]!, keys: [{ jwk: secret }] }, ...directory.members.slice(1)] };
    expect((codeOf(leaked) as string[])[0]).toBe('DIR_SCHEMA');
    expect(codeOf({ ...directory, extra: true })).toEqual(['DIR_SCHEMA', 'the directory / must NOT have additional properties']);
  });

  it('refuses to build a member without a public URL', async () => {
    const { network } = await healthChain();
    const party = network.parties.get('nordic-hosting')!;
    const { publicUrl: _dropped, ...config } = party.config;
    const parties = new Map(network.parties).set('nordic-hosting', { ...party, config: config as typeof party.config });
    expect(() => directoryOf({ ...network, parties }, { network: { id: 'n', name: 'N' }, operator: { id: 'o', name: 'O' } }, { sequence: 1, issuedAt: 0, validSeconds: 60 })).toThrow(
      expect.objectContaining({ code: 'DIR_SOURCE', message: 'nordic-hosting.yaml: member nordic-hosting has no publicUrl, so no gateway could reach it' }),
    );
  });

  it('refuses a directory whose expiry is not after its signing time, and one signed in the future', async () => {
    const { directory } = await healthChain();
    const key = signingKeyOf(await generatePrivateJwk());
    const keys = [publicJwkOf(key.jwk)];
    expect(() => verifyDirectory(signDirectory({ ...directory, exp: directory.iat }, key), { operatorKeys: keys, now: directory.iat - 10 })).toThrow(expect.objectContaining({ code: 'DIR_SCHEMA' }));
    expect(() => verifyDirectory(signDirectory(directory, key), { operatorKeys: keys, now: directory.iat - 3600 })).toThrow(expect.objectContaining({ code: 'DIR_NOT_YET' }));
    expect(verifyDirectory(signDirectory(directory, key), { operatorKeys: keys, now: directory.iat - 60 }).sequence).toBe(1);
    const other = { ...directory, network: { id: 'other-chain', name: 'Other' }, sequence: 9 };
    expect(() => verifyDirectory(signDirectory(other, key), { operatorKeys: keys, now: directory.iat, after: directory })).toThrow(expect.objectContaining({ code: 'DIR_NETWORK' }));
  });

  it('diffs key periods, services, roles, a link\'s services and the network\'s name', async () => {
    const { directory: before } = await healthChain();
    const [hosting, hie, hospital] = before.members as [Directory['members'][number], Directory['members'][number], Directory['members'][number]];
    const after: Directory = {
      ...before,
      network: { ...before.network, name: 'Renamed chain' },
      members: [
        { ...hosting, services: [...hosting.services, { id: 'backup', name: 'Backup' }], keys: [{ ...hosting.keys[0]!, exp: 1_900_000_000 }] },
        { ...hie, roles: ['supplier'] },
        hospital,
      ],
      links: before.links.map((l) => (l.supplier === 'nordic-hosting' ? { ...l, services: [...l.services, 'backup'] } : l)),
    };
    const kinds = Object.fromEntries(diffDirectories(before, after).map((c) => [c.kind, c]));
    expect(Object.keys(kinds).sort()).toEqual(['key-validity', 'link-services-changed', 'network-renamed', 'roles-changed', 'services-changed']);
    expect(kinds['key-validity']!.message).toBe(`nordic-hosting's key ${hosting.keys[0]!.jwk.kid} is valid until 2030-03-17T17:46:40.000Z (was without limit)`);
    expect(kinds['services-changed']).toMatchObject({ message: 'nordic-hosting offers backup, managed-hosting (was managed-hosting)', concerns: ['regional-hie'] });
    expect(kinds['roles-changed']!.message).toBe('regional-hie is supplier (was customer and supplier)');
    expect(kinds['link-services-changed']!.concerns).toEqual(['regional-hie', 'nordic-hosting']);
    expect(diffDirectories(before, before)).toEqual([]);
  });
});
