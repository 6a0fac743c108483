import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCheckpoint } from '../../src/messages/checkpoint.js';
import { createGatewayClient, GatewayClientError, verifyConsistency, verifyInclusion, type GatewayClient, type Receipt } from '../../src/client/index.js';
import { fromBase64url } from '../../src/kernel/base64url.js';
import { eventually, incident, type GatewayFixture } from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';

/**
 * The hospital's gateway hands a call to the exchange's gateway, which forwards it to hosting. Each
 * sender checks, with the receipt it got, that the receiver's log holds its message under a
 * checkpoint the receiver signed, and that the receiver's later checkpoints extend the earlier.
 */
describe("receipts that prove inclusion in the receiver's log", () => {
  let chain: HealthChain;
  let a: GatewayFixture;
  let b: GatewayFixture;
  const clients: GatewayClient[] = [];
  /** The hospital's gateway as a partner of the exchange, reading the exchange's log. */
  let hospitalAtExchange: GatewayClient;
  let parentId: string;

  beforeAll(async () => {
    chain = await startHealthChain({ exchangeRoute: { callTypes: ['incident'], mode: 'auto', onSupplierResolved: 'resolve', relayNotes: true }, hospitalRoute: { callTypes: ['incident'] } });
    ({ a, b } = chain);
    const ward = a.client(chain.ward);
    const submitted = await ward.send('/v1/calls', ward.envelope('call.submit', incident({ agreement: 'ward-agreement' })));
    expect(submitted.status).toBe(201);
    parentId = (submitted.body as any).call.id;
    await a.desk('POST', `/v1/desk/calls/${parentId}/advance`, {});
    await a.desk('POST', `/v1/desk/calls/${parentId}/advance`, {});
    expect((await a.desk('POST', `/v1/desk/calls/${parentId}/forks`, { supplier: chain.exchange.id })).status).toBe(201);
    // Delivered to the exchange and forwarded by it to hosting.
    await eventually(async () => (await chain.c.desk('GET', '/v1/desk/calls')).body.items[0]);
    hospitalAtExchange = createGatewayClient({ baseUrl: b.url, from: chain.hospital.id, to: chain.exchange.id, key: chain.hospital.key.key });
    clients.push(hospitalAtExchange);
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await chain?.close();
  });

  const deliveredReceipt = async (gateway: GatewayFixture, callId: string): Promise<Receipt> => {
    const sent = await eventually(async () => (await gateway.app.gateway.store.outboxForCall(callId)).find((m) => m.type === 'call.submit' && m.status === 'delivered'));
    return sent.receipt! as Receipt;
  };

  it("checks the hospital's call.submit is in the exchange's log, against the exchange's signed checkpoint", async () => {
    const receipt = await deliveredReceipt(a, parentId);
    expect(receipt.logIndex).toEqual(expect.any(Number));
    const checkpoint = await hospitalAtExchange.verifyInclusion(receipt);
    expect(checkpoint).toMatchObject({ origin: chain.exchange.id });
    expect(checkpoint.treeSize).toBeGreaterThan(receipt.logIndex!);

    // The same proof, tampered with, fails: another record's index, a changed path, another gateway's checkpoint.
    const proof = await hospitalAtExchange.getInclusionProof(receipt.logIndex!);
    const keys = { keyFor: async (kid: string) => (kid === chain.exchange.key.key.kid ? chain.exchange.key.key : undefined) };
    const expected = { receipt, from: chain.hospital.id, gateway: chain.exchange.id };
    expect(await verifyInclusion(proof, expected, keys)).toEqual(checkpoint);
    const flipped = proof.proof.length === 0 ? [] : [Buffer.from(fromBase64url(proof.proof[0]!)!.map((x, i) => (i === 0 ? x ^ 1 : x))).toString('base64url'), ...proof.proof.slice(1)];
    if (flipped.length > 0) await expect(verifyInclusion({ ...proof, proof: flipped }, expected, keys)).rejects.toMatchObject({ code: 'USM_CLIENT_PROOF_INVALID' });
    await expect(verifyInclusion({ ...proof, record: { ...proof.record, digest: 'sha-256=forged' } }, expected, keys)).rejects.toMatchObject({ code: 'USM_CLIENT_PROOF_INVALID' });
    await expect(verifyInclusion(proof, { ...expected, gateway: chain.hosting.id }, keys)).rejects.toMatchObject({ code: 'USM_CLIENT_PROOF_INVALID' });
    await expect(verifyInclusion(proof, expected, { keyFor: async () => undefined })).rejects.toMatchObject({ code: 'USM_CLIENT_PROOF_INVALID' });
  });

  it("checks the exchange's forward is in hosting's log, and the ward's submission in the hospital's", async () => {
    const atExchange = (await b.desk('GET', '/v1/desk/calls')).body.items[0];
    const receipt = await deliveredReceipt(b, atExchange.id);
    const exchangeAtHosting = createGatewayClient({ baseUrl: chain.c.url, from: chain.exchange.id, to: chain.hosting.id, key: chain.exchange.key.key });
    clients.push(exchangeAtHosting);
    expect(await exchangeAtHosting.verifyInclusion(receipt)).toMatchObject({ origin: chain.hosting.id });

    const ward = createGatewayClient({ baseUrl: a.url, from: chain.ward.id, to: chain.hospital.id, key: chain.ward.key });
    clients.push(ward);
    const sent = await ward.submitCall({ type: 'incident', service: 'workplace', agreement: 'ward-agreement', summary: 'The printer is on fire', impact: 'low', urgency: 'low', requester: { name: 'N. Nurse' } });
    expect(sent.body.receipt.logIndex).toEqual(expect.any(Number));
    expect((await ward.verifyInclusion(sent.body.receipt)).origin).toBe(chain.hospital.id);
    // An identical resend gets the same answer, the same index included.
    const again = await ward.send<{ receipt: Receipt }>('/v1/calls', sent.envelope);
    expect(again.replayed).toBe(true);
    expect(again.body.receipt.logIndex).toBe(sent.body.receipt.logIndex);
  });

  it('finds the record of a message by its id, for a receipt that came without its logIndex, and only a message of the caller\'s', async () => {
    const receipt = await deliveredReceipt(a, parentId);
    const { logIndex, ...withoutIndex } = receipt;
    expect(await hospitalAtExchange.verifyInclusion(withoutIndex)).toMatchObject({ origin: chain.exchange.id });
    const proof = await hospitalAtExchange.getInclusionProof({ messageId: receipt.messageId });
    expect(proof).toMatchObject({ index: logIndex, record: { direction: 'in', partner: chain.hospital.id, messageId: receipt.messageId } });

    // The same message is a record of the hospital's log too, sent to the exchange: the exchange finds it there by the same id.
    const exchangeAtHospital = createGatewayClient({ baseUrl: a.url, from: chain.exchange.id, to: chain.hospital.id, key: chain.exchange.key.key });
    clients.push(exchangeAtHospital);
    const sent = await exchangeAtHospital.getInclusionProof({ messageId: receipt.messageId });
    expect(sent.record).toMatchObject({ direction: 'out', partner: chain.exchange.id, messageId: receipt.messageId, receipt: receipt.jws });
    expect(sent.index).toBe(await a.app.gateway.store.logIndexOf('out', chain.exchange.id, receipt.messageId));

    // Another partner's message, and one never sent, are not found; an index and an id at once are refused.
    const forwarded = await eventually(async () => {
      for await (const record of b.app.gateway.store.readLog()) if (record.partner === chain.hosting.id) return record;
      return undefined;
    });
    for (const messageId of [forwarded.messageId, '01890000-0000-7000-8000-000000000000']) {
      await expect(hospitalAtExchange.getInclusionProof({ messageId })).rejects.toMatchObject({ status: 404, code: 'USM_ERR_LOG_RECORD_NOT_FOUND' });
    }
    const both = await fetch(`${b.url}/v1/log/proofs/inclusion?index=${logIndex}&messageId=${receipt.messageId}`, { headers: { authorization: `Bearer ${await hospitalAtExchange.readToken()}` } });
    expect(both.status).toBe(400);
    expect(both.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await both.json()) as { code: string }).code).toBe('USM_ERR_VALIDATION');
  });

  it("shows a partner only its own records, and every partner the checkpoints and the consistency between them", async () => {
    const first = await hospitalAtExchange.getLogCheckpoint();
    // Hosting's desk moves the forwarded call on: its update goes into the exchange's log, and is not the hospital's.
    const atHosting = (await chain.c.desk('GET', '/v1/desk/calls')).body.items[0];
    expect((await chain.c.desk('POST', `/v1/desk/calls/${atHosting.id}/advance`, {})).status).toBe(200);
    const hostingRecord = await eventually(async () => {
      for await (const record of b.app.gateway.store.readLog()) if (record.partner === chain.hosting.id && record.direction === 'in') return record;
      return undefined;
    });
    const refused = await hospitalAtExchange.getInclusionProof(hostingRecord.index).then(
      () => undefined,
      (e: unknown) => e as GatewayClientError,
    );
    expect(refused).toMatchObject({ status: 403, code: 'USM_ERR_FORBIDDEN' });
    await expect(hospitalAtExchange.getInclusionProof(first.treeSize + 100)).rejects.toMatchObject({ status: 404, code: 'USM_ERR_LOG_RANGE' });
    await expect(hospitalAtExchange.getLogCheckpoint(first.treeSize + 100)).rejects.toMatchObject({ status: 404, code: 'USM_ERR_CHECKPOINT_NOT_FOUND' });
    await expect(hospitalAtExchange.getConsistencyProof(3, 2)).rejects.toMatchObject({ status: 404, code: 'USM_ERR_LOG_RANGE' });

    // The exchange's log grew by hosting's update: its later checkpoint extends the first.
    const later = await eventually(async () => {
      const checkpoint = await hospitalAtExchange.getLogCheckpoint();
      return checkpoint.treeSize > first.treeSize ? checkpoint : undefined;
    });
    const consistency = await hospitalAtExchange.getConsistencyProof(first.treeSize, later.treeSize);
    const hashes = consistency.proof.map((h) => fromBase64url(h)!);
    expect(verifyConsistency(first.treeSize, later.treeSize, hashes, fromBase64url(first.rootHash)!, fromBase64url(later.rootHash)!)).toBe(true);
    expect(verifyConsistency(first.treeSize, later.treeSize, hashes, fromBase64url(later.rootHash)!, fromBase64url(later.rootHash)!)).toBe(false);
  });

  it("lets the hospital's gateway witness the exchange's log: consistent checkpoints kept, a fork and a shrink refused and kept as evidence", async () => {
    const witness = a.app.gateway.witness;
    const outcomeAtExchange = async () => (await witness.runOnce()).find((o) => o.partner === chain.exchange.id);
    expect(await outcomeAtExchange()).toMatchObject({ outcome: 'kept' });
    expect(await outcomeAtExchange()).toMatchObject({ outcome: 'same' });
    const first = (await a.app.gateway.store.lastPartnerCheckpoint(chain.exchange.id))!;

    // The exchange's log grows (the hospital's desk sends it a note): the next checkpoint is kept once its consistency proof holds.
    const fork = (await a.desk('GET', `/v1/desk/calls/${parentId}/forks`)).body.items[0];
    expect((await a.desk('POST', `/v1/desk/calls/${parentId}/forks/${fork.id}/notes`, { text: 'Any news?' })).status).toBeLessThan(300);
    await eventually(async () => (await hospitalAtExchange.getLogCheckpoint()).treeSize > first.treeSize);
    expect(await outcomeAtExchange()).toMatchObject({ outcome: 'kept' });
    const good = (await a.app.gateway.store.lastPartnerCheckpoint(chain.exchange.id))!;
    expect(good.treeSize).toBeGreaterThan(first.treeSize);

    // The exchange signs another root for the same size (its log rewritten), then a smaller tree (cut back).
    const exchangeDb = new Database(join(b.dir, 'gateway.db'));
    const forge = (treeSize: number, rootHash: string): void => {
      const statement = { origin: chain.exchange.id, treeSize, rootHash, at: new Date().toISOString() };
      exchangeDb.prepare('DELETE FROM log_checkpoints WHERE tree_size >= ?').run(treeSize);
      exchangeDb.prepare('INSERT INTO log_checkpoints (tree_size, root_hash, at, jws, origin) VALUES (?, ?, ?, ?, ?)').run(treeSize, rootHash, statement.at, signCheckpoint(statement, chain.exchange.key.key), statement.origin);
    };
    try {
      forge(good.treeSize, Buffer.alloc(32, 7).toString('base64url'));
      expect(await outcomeAtExchange()).toMatchObject({ outcome: 'fork', detail: `two roots for ${good.treeSize} records` });
      forge(1, Buffer.alloc(32, 9).toString('base64url'));
      expect(await outcomeAtExchange()).toMatchObject({ outcome: 'shrink' });
      expect(await outcomeAtExchange()).toMatchObject({ outcome: 'shrink' });
    } finally {
      exchangeDb.close();
    }
    // The last good checkpoint stays; each fork or shrink is kept once, with both signed checkpoints.
    expect(await a.app.gateway.store.lastPartnerCheckpoint(chain.exchange.id)).toEqual({ ...good });
    const evidence = await a.app.gateway.store.listWitnessEvidence();
    expect(evidence.map((e) => [e.partner, e.kind, e.kept.treeSize, e.offered.treeSize])).toEqual([
      [chain.exchange.id, 'fork', good.treeSize, good.treeSize],
      [chain.exchange.id, 'shrink', good.treeSize, 1],
    ]);
    expect(evidence[0]!.kept.jws).toBe(good.jws);
    // The neighbours view shows both: the last good checkpoint and the evidence.
    const neighbour = (await a.admin('GET', '/v1/admin/neighbours')).body.items.find((n: { partner: string }) => n.partner === chain.exchange.id);
    expect(neighbour.witnessed).toEqual({ treeSize: good.treeSize, rootHash: good.rootHash, at: good.at });
    expect(neighbour.logEvidence.map((e: { kind: string }) => e.kind)).toEqual(['fork', 'shrink']);
  });
});
