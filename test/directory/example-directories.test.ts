import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDirectoryUnverified, verifyDirectory } from '../../src/directory/directory-signing.js';
import { directoryOf, readOperatorSource } from '../../src/network/network-directory.js';
import { loadNetwork } from '../../src/network/network-model.js';

const EXAMPLES = new URL('../../config/examples/', import.meta.url).pathname;

/**
 * Each example network ships its operator's public key and a directory published from its sources
 * (operator/README.md says how to make them again; the private key is not kept). When a gateway config
 * or operator/network.yaml changes, the directory must be published again: this test says so.
 */
describe.each(['health-chain', 'government-chain'])('the published directory of config/examples/%s', (name) => {
  const dir = join(EXAMPLES, name);

  it('verifies against the committed operator key and is what network publish builds from the sources', async () => {
    const jws = await readFile(join(dir, 'operator', 'directory.jws'), 'utf8');
    const operatorKeys = (JSON.parse(await readFile(join(dir, 'operator', 'operator.jwks.json'), 'utf8')) as { keys: never[] }).keys;
    expect(operatorKeys.every((k: { d?: string }) => k.d === undefined)).toBe(true);
    const published = verifyDirectory(jws, { operatorKeys, now: Math.floor(Date.now() / 1000) });
    expect(published).toEqual(readDirectoryUnverified(jws));
    // Built again from the sources with the published one's sequence and times: only the signature may differ.
    const built = directoryOf(await loadNetwork(dir), await readOperatorSource(dir), { sequence: published.sequence, issuedAt: published.iat, validSeconds: published.exp - published.iat });
    expect(published, `config/examples/${name}: publish the directory again (config/examples/${name}/operator/README.md)`).toEqual(built);
    expect(published.network.id).toBe(name);
  });
});
