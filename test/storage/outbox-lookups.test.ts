import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { openStore } from '../../src/storage/open-store.js';
import { positional, textIn, type Sql } from '../../src/storage/sql.js';
import { STATEMENTS as S } from '../../src/storage/statements.js';
import { removeDir } from '../support/gateway-fixture.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';

/**
 * The outbox's indexes hold only the messages still waiting (pending or dead), so that marking a
 * message delivered writes no entry to them. Every query that finds waiting messages must still
 * reach them through those indexes, on an outbox that is mostly delivered messages: SQLite uses a
 * partial index only for a query that repeats its condition, and PostgreSQL's generic plan of a
 * prepared statement only when it can prove the condition from the statement's text.
 */
const DELIVERED = 20_000;
const rows = (): unknown[][] =>
  Array.from({ length: DELIVERED + 120 }, (_, i) => {
    const status = i < DELIVERED ? 'delivered' : i < DELIVERED + 100 ? 'pending' : 'dead';
    return [`m-${i}`, `partner-${i % 5}`, 'call.update', '/v1/messages', null, i % 7 === 0 ? null : `call-${i % 3000}`, '{}', null, status, 0, '2026-01-01T00:00:00Z'];
  });
const INSERT = 'INSERT INTO outbox (id, partner, type, path, link_id, call_id, body, trace, status, attempts, created_at) VALUES ';
const PARAMS = { owner: 'r1', until: '2027-01-01T00:00:00Z', now: '2026-06-01T00:00:00Z', partner: 'partner-1', limit: 32, status: 'dead', seq: DELIVERED + 1, delivered_at: '2026-06-01T00:00:00Z', receipt: '{}' };
/** The statements that find waiting messages (markDelivered: whether another of the call waits behind the one marked). */
const WAITING_READS = { claimHeads: S.claimHeads, markDelivered: S.markDelivered, listOutbox: S.listOutbox, outboxCounts: S.outboxCounts, outboxOldest: S.outboxOldest, partnersWithPending: S.partnersWithPending, requeueAll: S.requeueAll } as const;

describe("the outbox's indexes hold only the waiting messages", () => {
  const schema = postgresSchema();
  afterAll(() => schema.drop());

  it('on SQLite: every query for waiting messages reads them through those indexes, never by scanning the outbox', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-outbox-'));
    try {
      const file = join(dir, 'store.db');
      await (await openStore(`sqlite:${file}`)).close();
      const db = new Database(file);
      const insert = db.prepare(`${INSERT}(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      db.transaction(() => rows().forEach((row) => insert.run(...row)))();
      db.exec('ANALYZE');
      for (const [name, statement] of Object.entries(WAITING_READS)) {
        const text = textIn(statement, 'sqlite')!;
        const used = Object.fromEntries(Object.entries({ ...PARAMS, partner: name === 'listOutbox' || name === 'requeueAll' ? null : PARAMS.partner }).filter(([key]) => text.includes(`@${key}`)));
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(used).map((r) => (r as { detail: string }).detail);
        const onOutbox = plan.filter((step) => / outbox| o | p /.test(`${step} `) && !/delivery_pauses/.test(step));
        expect(onOutbox.length, name).toBeGreaterThan(0);
        for (const step of onOutbox) expect(step, `${name}: ${plan.join('; ')}`).toMatch(/USING (COVERING )?INDEX outbox_waiting_by_|USING INTEGER PRIMARY KEY/);
      }
      db.close();
    } finally {
      await removeDir(dir);
    }
  });

  it('on PostgreSQL: so do their generic plans, and a delivered message leaves no entry in them', async () => {
    const store = await openStore(schema.url, { sequencer: false });
    const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema.schema}` });
    await client.connect();
    try {
      const values = rows();
      for (let at = 0; at < values.length; at += 500) {
        const chunk = values.slice(at, at + 500);
        await client.query(INSERT + chunk.map((_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(', ')})`).join(', '), chunk.flat());
      }
      await client.query('ANALYZE outbox');
      type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };
      const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
      const literal = (value: unknown): string => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${String(value)}'`);
      // A prepared statement planned once for any parameters, as the gateway's named statements are after their first runs.
      await client.query('SET plan_cache_mode = force_generic_plan');
      const genericPlan = async (name: string, statement: Sql): Promise<PlanNode[]> => {
        const query = positional(textIn(statement, 'postgres')!);
        await client.query(`PREPARE ${name} AS ${query.text}`);
        const params: Record<string, unknown> = { ...PARAMS, partner: name === 'listOutbox' || name === 'requeueAll' ? null : PARAMS.partner };
        const explained = `EXPLAIN (FORMAT JSON) EXECUTE ${name}${query.names.length > 0 ? `(${query.names.map((n) => literal(params[n])).join(', ')})` : ''}`;
        // EXPLAIN of an UPDATE plans it without running it.
        const [{ 'QUERY PLAN': [plan] }] = (await client.query(explained)).rows;
        return nodes(plan.Plan as PlanNode);
      };
      for (const [name, statement] of Object.entries(WAITING_READS)) {
        // A bitmap heap scan reads by the bitmap index scans below it.
        const scans = (await genericPlan(name, statement))
          .filter((n) => n['Relation Name'] === 'outbox' && /Scan/.test(n['Node Type']))
          .flatMap((n) => (n['Node Type'] === 'Bitmap Heap Scan' ? nodes(n).filter((b) => b['Node Type'] === 'Bitmap Index Scan') : [n]));
        expect(scans.some((n) => /^outbox_waiting_by_/.test(n['Index Name'] ?? '')), name).toBe(true);
        // The rows an UPDATE ... WHERE seq IN (...) changes are found by their key; every other read goes through the waiting messages' indexes.
        const allowed = name === 'claimHeads' || name === 'requeueAll' ? /^outbox_(waiting_by_\w+|pkey)$/ : /^outbox_waiting_by_/;
        for (const scan of scans) expect([scan['Node Type'], scan['Index Name']], name).toEqual([expect.stringMatching(/^(Index|Index Only|Bitmap Index) Scan$/), expect.stringMatching(allowed)]);
      }
      await client.query('RESET plan_cache_mode');

      // Delivered through the store: once VACUUM has cleared their old versions' entries, the indexes hold the waiting messages alone.
      for (let i = 0; i < 20; i++) {
        const call = newCall();
        await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [{ id: uuidv7(), partner: 'receiving', type: 'call.submit', path: '/v1/calls', linkId: null, callId: call.id, body: '{}', trace: null, createdAt: new Date().toISOString() }] });
      }
      const claimed = await store.claimHeads('receiving', 'r1', 20, 30_000);
      expect(claimed).toHaveLength(20);
      for (const m of claimed) {
        const receipt = { messageId: m.id, digest: 'sha-256=d', receivedAt: new Date().toISOString(), gateway: 'receiving', jws: 'r' };
        await store.markDelivered(m.seq, { receipt, deliveredAt: receipt.receivedAt, signature: 's', digest: 'sha-256=d' });
      }
      await client.query('VACUUM (INDEX_CLEANUP ON) outbox');
      const count = async (where: string): Promise<number> => Number((await client.query(`SELECT COUNT(*) AS n FROM outbox WHERE ${where}`)).rows[0].n);
      const entries = async (index: string): Promise<number> =>
        Number((await client.query('SELECT reltuples FROM pg_class WHERE relname = $1 AND relnamespace = $2::regnamespace', [index, schema.schema])).rows[0].reltuples);
      expect(await count("status = 'delivered'")).toBe(DELIVERED + 20);
      const waiting = await count("status IN ('pending', 'dead')");
      expect(waiting).toBe(120);
      for (const index of ['outbox_waiting_by_partner', 'outbox_waiting_by_status', 'outbox_waiting_by_call']) expect(await entries(index), index).toBe(waiting);
      expect(await entries('outbox_pkey')).toBe(DELIVERED + 140);

      // The partners with a pending message, asked at every poll: one probe a partner, not a read of the backlog.
      await client.query(`INSERT INTO outbox (id, partner, type, path, link_id, call_id, body, trace, status, attempts, created_at)
        SELECT 'backlog-' || g, 'backlogged-' || (g % 3), 'call.update', '/v1/messages', NULL, 'call-' || g, '{}', NULL, 'pending', 0, '2026-01-01T00:00:00Z' FROM generate_series(1, 30000) g`);
      await client.query('ANALYZE outbox');
      expect((await store.partnersWithPending()).sort()).toEqual(['backlogged-0', 'backlogged-1', 'backlogged-2', 'partner-0', 'partner-1', 'partner-2', 'partner-3', 'partner-4']);
      const [{ 'QUERY PLAN': [analysed] }] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${textIn(S.partnersWithPending, 'postgres')!}`)).rows;
      const pages = Number((await client.query("SELECT pg_relation_size('outbox_waiting_by_partner') / 8192 AS pages")).rows[0].pages);
      const touched = analysed.Plan['Shared Hit Blocks'] + analysed.Plan['Shared Read Blocks'];
      expect(pages).toBeGreaterThan(100);
      expect(touched).toBeLessThan(pages / 2);
    } finally {
      await client.end();
      await store.close();
    }
  });
});
