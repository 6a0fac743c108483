import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient, type GatewayClient } from '../../src/client/index.js';
import { cosignatureStatement, readCosignature, signCosignature, type Cosignature } from '../../src/messages/cosignature.js';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import { publicJwkOf, verificationKeyOf } from '../../src/keys/jwk.js';
import { eventually, incident, makePartner } from '../support/gateway-fixture.js';
import { startProviderSupplier, type ProviderSupplier } from '../support/provider-supplier.js';

/**
 * The provider's gateway A and the supplier's gateway B witness each other's logs. Each cosigns the
 * checkpoint of the other's log it checked and kept; each fetches the other's cosignature of its
 * own log, checks it against its own checkpoints and keeps it, or refuses it and keeps it as evidence.
 */
describe("partners' cosignatures of a gateway's log checkpoints", () => {
  let link: ProviderSupplier;
  /** A reading B's log and B's cosignatures, as B's partner. */
  let aAtB: GatewayClient;

  beforeAll(async () => {
    link = await startProviderSupplier({ route: { callTypes: ['incident'] } });
    const { a, b, ward, supplier } = link;
    const submitted = await a.client(ward).send('/v1/calls', a.client(ward).envelope('call.submit', incident({ agreement: 'ward-agreement' }, 'ward')));
    expect(submitted.status).toBe(201);
    const callId = (submitted.body as any).call.id;
    await a.desk('POST', `/v1/desk/calls/${callId}/advance`, {});
    await a.desk('POST', `/v1/desk/calls/${callId}/advance`, {});
    expect((await a.desk('POST', `/v1/desk/calls/${callId}/forks`, { supplier: supplier.id })).status).toBe(201);
    await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    // Both logs have a checkpoint: A's holds the ward's call and its delivery to B, B's the call it got.
    await eventually(async () => (await a.app.gateway.store.logCheckpoint()) !== undefined && (await b.app.gateway.store.logCheckpoint()) !== undefined);
    aAtB = createGatewayClient({ baseUrl: b.url, from: link.provider.id, to: supplier.id, key: link.provider.key.key });
  });
  afterAll(async () => {
    await aAtB?.close();
    await link?.close();
  });

  const roundAt = async (gateway: 'a' | 'b') => {
    const [self, partner] = gateway === 'a' ? [link.a, link.supplier.id] : [link.b, link.provider.id];
    return (await self.app.gateway.witness.runOnce()).find((o) => o.partner === partner)!;
  };

  it("leaves A holding B's cosignature of A's checkpoint after a witness round on both sides, verifiable with B's public key", async () => {
    const { a, b, provider, supplier } = link;
    // A's first round: it keeps and cosigns B's checkpoint; B has cosigned nothing of A's log yet.
    expect(await roundAt('a')).toMatchObject({ outcome: 'kept', cosignature: { outcome: 'none' } });
    await expect(aAtB.getLogCosignature()).rejects.toMatchObject({ status: 404, code: 'USM_ERR_COSIGNATURE_NOT_FOUND' });

    // B's round: it keeps and cosigns A's checkpoint, and keeps A's cosignature of B's log.
    expect(await roundAt('b')).toMatchObject({ outcome: 'kept', cosignature: { outcome: 'kept' } });
    const aCheckpointAtB = (await b.app.gateway.store.lastPartnerCheckpoint(provider.id))!;
    const bCheckpointAtA = (await a.app.gateway.store.lastPartnerCheckpoint(supplier.id))!;
    expect((await b.app.gateway.store.listCosignatures()).map((c) => [c.witness, c.treeSize, c.rootHash])).toEqual([[provider.id, bCheckpointAtA.treeSize, bCheckpointAtA.rootHash]]);

    // A's next round: the same checkpoint of B's again, and B's cosignature of A's log kept.
    expect(await roundAt('a')).toMatchObject({ outcome: 'same', cosignature: { outcome: 'kept', treeSize: aCheckpointAtB.treeSize } });
    const kept = await a.app.gateway.store.listCosignatures();
    expect(kept).toHaveLength(1);
    const [cosignature] = kept;
    expect(cosignature).toMatchObject({ witness: supplier.id, treeSize: aCheckpointAtB.treeSize, rootHash: aCheckpointAtB.rootHash });

    // Anyone with B's public key checks it, and A's own log has that checkpoint.
    const bPublic = verificationKeyOf(publicJwkOf(supplier.key.jwk));
    const stated = readCosignature(cosignature!.jws, { algorithms: new Set(['EdDSA']), keyFor: (kid) => (kid === bPublic.kid ? bPublic : undefined) });
    expect(stated).toEqual({ origin: provider.id, treeSize: cosignature!.treeSize, rootHash: cosignature!.rootHash, witness: supplier.id, at: cosignature!.at });
    expect((await a.app.gateway.store.logCheckpoint(stated.treeSize))?.rootHash).toBe(stated.rootHash);
    // Not with A's own key, and not as a checkpoint: the type is in the signed header.
    const aPublic = verificationKeyOf(publicJwkOf(provider.key.jwk));
    expect(() => readCosignature(cosignature!.jws, { algorithms: new Set(['EdDSA']), keyFor: () => aPublic })).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));
    const checkpointSigned = signCheckpoint({ origin: provider.id, treeSize: stated.treeSize, rootHash: stated.rootHash, at: stated.at }, supplier.key.key);
    expect(() => readCosignature(checkpointSigned, { algorithms: new Set(['EdDSA']), keyFor: () => bPublic })).toThrow(expect.objectContaining({ code: 'USM_ERR_SIGNATURE_INVALID' }));

    // B serves it to A, the members repeating what the JWS states; the payload is exactly the five members in order.
    const served = await aAtB.getLogCosignature();
    expect(served).toEqual({ cosignature: cosignature!.jws, ...stated });
    expect(Buffer.from(cosignature!.jws.split('.')[1]!, 'base64url').toString()).toBe(JSON.stringify({ origin: stated.origin, treeSize: stated.treeSize, rootHash: stated.rootHash, witness: stated.witness, at: stated.at }));
    expect(JSON.parse(Buffer.from(cosignature!.jws.split('.')[0]!, 'base64url').toString())).toMatchObject({ typ: 'usm-link-cosignature+jws', kid: supplier.key.key.kid });

    // Another round keeps it once; the neighbours view shows it.
    expect(await roundAt('a')).toMatchObject({ cosignature: { outcome: 'kept' } });
    expect(await a.app.gateway.store.listCosignatures()).toEqual(kept);
    const neighbour = (await a.admin('GET', '/v1/admin/neighbours')).body.items.find((n: any) => n.partner === supplier.id);
    expect(neighbour.cosigned).toEqual({ treeSize: stated.treeSize, rootHash: stated.rootHash, at: stated.at, cosignature: cosignature!.jws });
    expect(neighbour.refusedCosignatures).toEqual([]);
  });

  it('refuses a forged cosignature, one of another log and one of a tree A never had, and keeps each once as evidence', async () => {
    const { a, b, provider, supplier } = link;
    const good = (await a.app.gateway.store.listCosignatures())[0]!;
    const other = await makePartner('impostor');
    const bDb = new Database(join(b.dir, 'gateway.db'));
    // B serves whatever it keeps as its newest cosignature of A's log.
    const serve = (jws: string): void => {
      bDb.prepare('UPDATE partner_checkpoints SET cosignature = ? WHERE partner = ? AND tree_size = (SELECT MAX(tree_size) FROM partner_checkpoints WHERE partner = ?)').run(jws, provider.id, provider.id);
    };
    const statement: Cosignature = { ...cosignatureStatement(good.jws), at: new Date().toISOString() };
    const offers = [
      { jws: signCosignature(statement, { ...other.key, kid: supplier.key.key.kid }), detail: `not ${supplier.id}'s cosignature: the signature does not match the body` },
      { jws: signCosignature(statement, other.key), detail: `not ${supplier.id}'s cosignature: no partner key has kid ${JSON.stringify(other.key.kid)}` },
      { jws: signCosignature({ ...statement, origin: 'someone-else' }, supplier.key.key), detail: `the cosignature is of "someone-else"'s log` },
      { jws: signCosignature({ ...statement, witness: 'someone-else' }, supplier.key.key), detail: `the cosignature names "someone-else" as its witness` },
      { jws: signCosignature({ ...statement, rootHash: randomBytes(32).toString('base64url') }, supplier.key.key), detail: `our log's checkpoint of ${statement.treeSize} records has another root` },
      { jws: signCosignature({ ...statement, treeSize: statement.treeSize + 1000 }, supplier.key.key), detail: `our log has no checkpoint of ${statement.treeSize + 1000} records` },
    ];
    try {
      for (const offer of offers) {
        serve(offer.jws);
        expect(await roundAt('a')).toMatchObject({ cosignature: { outcome: 'refused', detail: offer.detail } });
      }
      // The same one again is refused again and kept once.
      expect(await roundAt('a')).toMatchObject({ cosignature: { outcome: 'refused' } });
      serve(good.jws);
      expect(await roundAt('a')).toMatchObject({ cosignature: { outcome: 'kept' } });
    } finally {
      bDb.close();
    }
    expect(await a.app.gateway.store.listCosignatures()).toEqual([good]);
    const refused = await a.app.gateway.store.listRefusedCosignatures();
    expect(refused.map((r) => [r.witness, r.jws, r.detail])).toEqual(offers.map((o) => [supplier.id, o.jws, o.detail]));
    const neighbour = (await a.admin('GET', '/v1/admin/neighbours')).body.items.find((n: any) => n.partner === supplier.id);
    expect(neighbour.refusedCosignatures.map((r: any) => r.cosignature)).toEqual(offers.map((o) => o.jws));
    expect(neighbour.cosigned.cosignature).toBe(good.jws);
  });

  it('cosigns a checkpoint kept before it was cosigned when it finds it the same again, and only once', async () => {
    const { b, provider } = link;
    const kept = (await b.app.gateway.store.lastPartnerCheckpoint(provider.id))!;
    const bDb = new Database(join(b.dir, 'gateway.db'));
    try {
      bDb.prepare('UPDATE partner_checkpoints SET cosignature = NULL WHERE partner = ?').run(provider.id);
    } finally {
      bDb.close();
    }
    await expect(aAtB.getLogCosignature()).rejects.toMatchObject({ status: 404, code: 'USM_ERR_COSIGNATURE_NOT_FOUND' });
    expect(await roundAt('b')).toMatchObject({ outcome: 'same', treeSize: kept.treeSize });
    const first = await aAtB.getLogCosignature();
    expect(first).toMatchObject({ origin: provider.id, witness: link.supplier.id, treeSize: kept.treeSize, rootHash: kept.rootHash });
    expect(await roundAt('b')).toMatchObject({ outcome: 'same' });
    expect(await aAtB.getLogCosignature()).toEqual(first);
  });

  it("exports A's log with B's cosignatures, and verify-log counts B as a witness of it", async () => {
    const { a, provider, supplier } = link;
    const kept = await a.app.gateway.store.listCosignatures();
    expect(kept.length).toBeGreaterThan(0);
    const bundle = join(a.dir, `bundle-${randomBytes(4).toString('hex')}.jsonl`);
    const keys = join(a.dir, 'both-keys.json');
    await writeFile(keys, JSON.stringify({ keys: [publicJwkOf(provider.key.jwk), publicJwkOf(supplier.key.jwk)] }));
    const cli = promisify(execFile);
    const bin = new URL('../../bin/usm-link.js', import.meta.url).pathname;
    await cli(process.execPath, [bin, 'log', 'export', '--store', join(a.dir, 'gateway.db'), '--out', bundle, '--json']);
    const lines = (await readFile(bundle, 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { type: string; jws?: string });
    expect(lines.filter((l) => l.type === 'cosignature').map((l) => l.jws)).toEqual(kept.map((c) => c.jws));
    const verified = JSON.parse((await cli(process.execPath, [bin, 'verify-log', bundle, '--keys', keys, '--require-cosignatures', '1', '--json'])).stdout);
    expect(verified).toMatchObject({ ok: true, cosignatures: { count: kept.length, witnesses: [supplier.id] } });
    // Two witnesses asked for, one there: refused, named.
    const refused = await cli(process.execPath, [bin, 'verify-log', bundle, '--keys', keys, '--require-cosignatures', '2', '--json']).catch((e: { stdout: string }) => e);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, code: 'cosignatures_missing' });
  });
});
