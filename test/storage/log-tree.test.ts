import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64url } from '../../src/kernel/base64url.js';
import { generatePrivateJwk, signingKeyOf } from '../../src/keys/jwk.js';
import { readCheckpoint, signCheckpoint } from '../../src/messages/checkpoint.js';
import { consistencyProof, inclusionProof, type CheckpointSigner } from '../../src/messages/log-proofs.js';
import { verifyConsistency, verifyInclusion } from '../../src/messages/merkle-tree.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import type { InboundMessage } from '../../src/ports/inbound-message.js';
import type { Store } from '../../src/ports/store.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { openStore } from '../../src/storage/open-store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';
import { verifyInclusionProof } from '../../src/console/log-verify.js';
import { openLogStoreReader } from '../../src/storage/log-store-reader.js';
import { postgresAtVersion, sqliteAtVersion } from '../support/legacy-store.js';

const key = signingKeyOf(await generatePrivateJwk());
const keys = { algorithms: new Set(['EdDSA']), keyFor: (kid: string) => (kid === key.kid ? key : undefined) };
const signer: CheckpointSigner = (head) => {
  const signed = { origin: 'provider', ...head, at: new Date().toISOString() };
  return { ...signed, jws: signCheckpoint(signed, key) };
};

const ENGINES = [
  {
    name: 'sqlite',
    async open(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
      const dir = await mkdtemp(join(tmpdir(), 'usm-link-tree-'));
      return { store: await openStore(`sqlite:${join(dir, 'store.db')}`, { checkpoint: signer }), cleanup: () => removeDir(dir) };
    },
  },
  {
    name: 'postgres',
    async open(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
      const schema = postgresSchema();
      return { store: await openStore(schema.url, { checkpoint: signer }), cleanup: schema.drop };
    },
  },
];

function inbound(callId: string): InboundMessage {
  return {
    id: uuidv7(), from: 'hospital', type: 'call.submit', digest: 'sha-256=abc', signature: 'h..s', body: '{}',
    receivedAt: new Date().toISOString(), callId, response: { status: 201, body: { receipt: { jws: 'receipt-jws' } } },
  };
}

async function commitMany(store: Store, n: number): Promise<InboundMessage[]> {
  const messages = Array.from({ length: n }, () => newCall()).map((call) => ({ call, message: inbound(call.id) }));
  await Promise.all(messages.map(({ call, message }) => store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], inbound: message })));
  // On PostgreSQL the sequencer gives the entries their leaf indexes a batch after their commits.
  await store.sequenced();
  return messages.map((m) => m.message);
}

for (const engine of ENGINES) {
  describe(`the message log's Merkle tree in the ${engine.name} store`, () => {
    let opened: { store: Store; cleanup: () => Promise<void> } | undefined;
    afterEach(async () => {
      await opened?.store.close();
      await opened?.cleanup();
      opened = undefined;
    });

    it('signs a checkpoint per commit batch and proves every record and every earlier checkpoint against the newest', async () => {
      opened = await engine.open();
      const { store } = opened;
      expect(await store.logCheckpoint()).toBeUndefined();
      const first = await commitMany(store, 13);
      const earlier = (await store.logCheckpoint())!;
      expect(earlier.treeSize).toBe(13);
      await commitMany(store, 24);
      const latest = (await store.logCheckpoint())!;
      expect(readCheckpoint(latest.jws, keys)).toEqual({ origin: 'provider', treeSize: 37, rootHash: latest.rootHash, at: latest.at });
      // SQLite groups the concurrent commits: fewer checkpoints than commits; PostgreSQL signs one per transaction.
      if (engine.name === 'sqlite') expect(await store.logCheckpoint(5)).toBeUndefined();

      const log: LogRecord[] = [];
      for await (const record of store.readLog()) log.push(record);
      expect(verifyLog(log, { checkpoints: [earlier, latest] })).toMatchObject({ ok: true, records: 37, rootHash: latest.rootHash });
      for (const record of log) {
        const proof = await inclusionProof(store, record.index, latest.treeSize);
        expect(verifyInclusion(record.index, latest.treeSize, fromBase64url(record.leafHash)!, proof.map((h) => fromBase64url(h)!), fromBase64url(latest.rootHash)!)).toBe(true);
      }
      const consistency = (await consistencyProof(store, earlier.treeSize, latest.treeSize)).map((h) => fromBase64url(h)!);
      expect(verifyConsistency(earlier.treeSize, latest.treeSize, consistency, fromBase64url(earlier.rootHash)!, fromBase64url(latest.rootHash)!)).toBe(true);

      const index = await store.logIndexOf('in', 'hospital', first[4]!.id);
      expect(index).toBeGreaterThanOrEqual(0);
      expect((await store.logRecordAt(index!))?.messageId).toBe(first[4]!.id);
      expect(await store.logIndexOf('out', 'hospital', first[4]!.id)).toBeUndefined();
    });

    it('searches the log by message id and by call, newest first and paged; the console verifies each proof with WebCrypto and refuses a tampered one', async () => {
      opened = await engine.open();
      const { store } = opened;
      const messages = await commitMany(store, 9);
      const all = await store.searchLog({ limit: 50 });
      expect(all.map((r) => r.index)).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);
      expect((await store.searchLog({ before: 5, limit: 3 })).map((r) => r.index)).toEqual([4, 3, 2]);
      const byMessage = await store.searchLog({ messageId: messages[3]!.id, limit: 50 });
      expect(byMessage.map((r) => r.messageId)).toEqual([messages[3]!.id]);
      const byCall = await store.searchLog({ callId: messages[6]!.callId!, limit: 50 });
      expect(byCall.map((r) => r.messageId)).toEqual([messages[6]!.id]);
      expect(await store.searchLog({ callId: 'no-such-call', limit: 50 })).toEqual([]);

      const latest = (await store.logCheckpoint())!;
      const checkpoint = { checkpoint: latest.jws, origin: latest.origin, treeSize: latest.treeSize, rootHash: latest.rootHash, at: latest.at };
      const record = byMessage[0]!;
      const proof = { index: record.index, treeSize: latest.treeSize, record, proof: await inclusionProof(store, record.index, latest.treeSize), checkpoint };
      expect(await verifyInclusionProof(proof)).toEqual({ verified: true, treeSize: 9, rootHash: latest.rootHash });
      const other = (await store.logRecordAt((record.index + 1) % 9))!;
      expect(await verifyInclusionProof({ ...proof, record: { ...record, type: 'call.update' } })).toMatchObject({ verified: false, reason: 'the leaf hash does not follow from the record' });
      expect(await verifyInclusionProof({ ...proof, record: { ...other, index: record.index } })).toMatchObject({ verified: false, reason: "the audit path does not lead to the checkpoint's root" });
      expect(await verifyInclusionProof({ ...proof, proof: proof.proof.slice(1) })).toMatchObject({ verified: false });
      expect(await verifyInclusionProof({ ...proof, checkpoint: { ...checkpoint, rootHash: other.leafHash } })).toMatchObject({ verified: false });
    });

    it('migrates a hash-chained log: every record becomes a leaf, in its order', async () => {
      const records = Array.from({ length: 11 }, (_, i) => ({
        seq: i + 1, direction: i % 2 === 0 ? 'in' : 'out', message_id: `m${i}`, partner: 'hospital', type: 'call.submit',
        digest: `sha-256=${i}`, signature: `h..${i}`, receipt: i === 3 ? null : `r${i}`, at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
        prev_hash: '0'.repeat(64), hash: createHash('sha256').update(String(i)).digest('hex'),
      }));
      const columns = Object.keys(records[0]!);
      let open: () => Promise<Store>;
      let cleanup: () => Promise<void>;
      if (engine.name === 'sqlite') {
        const dir = await mkdtemp(join(tmpdir(), 'usm-link-tree-'));
        const file = join(dir, 'store.db');
        const old = sqliteAtVersion(file, 10, 'x');
        const insert = old.prepare(`INSERT INTO message_log (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
        for (const record of records) insert.run(record);
        old.close();
        open = () => openStore(`sqlite:${file}`, { checkpoint: signer });
        cleanup = () => removeDir(dir);
      } else {
        const schema = postgresSchema();
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        try {
          await client.query(`CREATE SCHEMA ${schema.schema}; SET search_path = ${schema.schema}`);
          await postgresAtVersion(client, 10, 'x');
          for (const record of records) {
            await client.query(`INSERT INTO message_log (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(record));
          }
        } finally {
          await client.end();
        }
        open = () => openStore(schema.url, { checkpoint: signer });
        cleanup = schema.drop;
      }
      const store = await open();
      opened = { store, cleanup };
      const log: LogRecord[] = [];
      for await (const record of store.readLog()) log.push(record);
      expect(log.map((r) => [r.index, r.messageId])).toEqual(records.map((r, i) => [i, r.message_id]));
      expect(verifyLog(log)).toMatchObject({ ok: true, records: 11 });
      expect(await store.logSize()).toBe(11);
      // The next record goes on as leaf 11; its batch's checkpoint covers the migrated records too.
      await commitMany(store, 1);
      const checkpoint = (await store.logCheckpoint())!;
      expect(checkpoint.treeSize).toBe(12);
      const all: LogRecord[] = [];
      for await (const record of store.readLog()) all.push(record);
      expect(verifyLog(all, { checkpoints: [checkpoint] })).toMatchObject({ ok: true, records: 12 });
      const proof = (await inclusionProof(store, 3, 12)).map((h) => fromBase64url(h)!);
      expect(verifyInclusion(3, 12, fromBase64url(all[3]!.leafHash)!, proof, fromBase64url(checkpoint.rootHash)!)).toBe(true);
    });
    it("keeps an RFC 3161 token with the checkpoint it stamps, and only with that one", async () => {
      opened = await engine.open();
      const { store } = opened;
      await commitMany(store, 2);
      const stamped = (await store.logCheckpoint())!;
      expect(stamped.timestampToken).toBeUndefined();
      await store.keepCheckpointTimestamp(stamped.treeSize, 'MIIB+token/base64==');
      expect(await store.logCheckpoint()).toEqual({ ...stamped, timestampToken: 'MIIB+token/base64==' });
      // Another replica's later token does not replace the one kept.
      await store.keepCheckpointTimestamp(stamped.treeSize, 'b3RoZXI=');
      expect((await store.logCheckpoint())!.timestampToken).toBe('MIIB+token/base64==');
      await commitMany(store, 1);
      expect((await store.logCheckpoint())!.timestampToken).toBeUndefined();
      expect((await store.logCheckpoint(stamped.treeSize))!.timestampToken).toBe('MIIB+token/base64==');
    });
  });
}

describe('the message log of two PostgreSQL replicas', () => {
  it('gives every leaf one index, and signs checkpoints (one per sequencer batch) that each extend the one before', async () => {
    const schema = postgresSchema();
    const [one, two] = [await openStore(schema.url, { checkpoint: signer }), await openStore(schema.url, { checkpoint: signer })];
    try {
      await Promise.all([commitMany(one, 15), commitMany(two, 15)]);
      await one.sequenced();
      const log: LogRecord[] = [];
      for await (const record of one.readLog()) log.push(record);
      const reader = await openLogStoreReader(schema.url);
      const checkpoints = await reader.checkpoints().finally(() => reader.close());
      expect(checkpoints.at(-1)!.treeSize).toBe(30);
      expect(verifyLog(log, { checkpoints })).toMatchObject({ ok: true, records: 30, checkpoints: checkpoints.length });
      const last = checkpoints.at(-1)!;
      for (const from of checkpoints) {
        const proof = (await consistencyProof(one, from.treeSize, last.treeSize)).map((h) => fromBase64url(h)!);
        expect(verifyConsistency(from.treeSize, last.treeSize, proof, fromBase64url(from.rootHash)!, fromBase64url(last.rootHash)!)).toBe(true);
      }
    } finally {
      await one.close();
      await two.close();
      await schema.drop();
    }
  });
});
