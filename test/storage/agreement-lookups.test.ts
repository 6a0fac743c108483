import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { positional, textIn } from '../../src/storage/sql.js';
import { STATEMENTS as S } from '../../src/storage/statements.js';
import { removeDir } from '../support/gateway-fixture.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';

/**
 * A call reads its customer's active agreements (and the gateway's own, to fork under), and a
 * supplier's update reads the agreements negotiated for the call's wish. Each must be an index
 * lookup, not a read of every version of every agreement: with 1,000 negotiated agreements the
 * full read cost a call about 9 ms (`npm run bench`, store.agreements).
 */
const AGREEMENTS = 1000;
const VERSIONS = [[1, 'superseded'], [2, 'active'], [3, 'proposed']] as const;

function rows(): unknown[][] {
  return Array.from({ length: AGREEMENTS }, (_, i) =>
    VERSIONS.map(([version, status]) => {
      const doc = { id: `ag-${i}`, version, provider: 'provider', customer: `customer-${i}`, status, ...(i % 2 === 0 ? { forCall: `call-${i}` } : {}) };
      return [`ag-${i}`, version, 'provider', `customer-${i}`, status, JSON.stringify(doc)];
    }),
  ).flat();
}

const INSERT = 'INSERT INTO agreement_versions (id, version, provider, customer, status, doc) VALUES ';

describe('agreement lookups are index lookups', () => {
  const schema = postgresSchema();
  afterAll(() => schema.drop());

  it('on SQLite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-agreements-'));
    try {
      const file = join(dir, 'store.db');
      await (await openStore(`sqlite:${file}`)).close();
      const db = new Database(file);
      const insert = db.prepare(`${INSERT}(?, ?, ?, ?, ?, ?)`);
      db.transaction(() => rows().forEach((row) => insert.run(...(row as unknown[]))))();
      db.exec('ANALYZE');
      const plan = (text: string) => db.prepare(`EXPLAIN QUERY PLAN ${text}`).all({ customer: 'customer-7', call_id: 'call-8' }).map((r) => (r as { detail: string }).detail).join('; ');
      expect(plan(textIn(S.activeAgreementVersions, 'sqlite')!)).toMatch(/USING (COVERING )?INDEX agreement_versions_by_customer/);
      expect(plan(textIn(S.wishAgreementVersions, 'sqlite')!)).toMatch(/USING INDEX agreement_versions_by_wish/);
      db.close();
      const store = await openStore(`sqlite:${file}`);
      try {
        expect((await store.activeAgreementVersions('customer-7')).map((v) => [v.id, v.version])).toEqual([['ag-7', 2]]);
        expect((await store.wishAgreementVersions('call-8')).map((v) => v.version)).toEqual([1, 2, 3]);
      } finally {
        await store.close();
      }
    } finally {
      await removeDir(dir);
    }
  });

  it('on PostgreSQL', async () => {
    await (await openStore(schema.url, { sequencer: false })).close();
    const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema.schema}` });
    await client.connect();
    try {
      const values = rows();
      for (let at = 0; at < values.length; at += 500) {
        const chunk = values.slice(at, at + 500);
        await client.query(INSERT + chunk.map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(', ')})`).join(', '), chunk.flat());
      }
      await client.query('ANALYZE agreement_versions');
      type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
      const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
      const indexes = async (statement: typeof S.activeAgreementVersions, params: Record<string, unknown>) => {
        const query = positional(textIn(statement, 'postgres')!);
        const [{ 'QUERY PLAN': [plan] }] = (await client.query(`EXPLAIN (FORMAT JSON) ${query.text}`, query.names.map((n) => params[n]))).rows;
        return nodes(plan.Plan as PlanNode).map((n) => [n['Node Type'], n['Index Name']]);
      };
      expect(await indexes(S.activeAgreementVersions, { customer: 'customer-7' })).toContainEqual([expect.stringMatching(/Index Scan/), 'agreement_versions_by_customer']);
      expect(await indexes(S.wishAgreementVersions, { call_id: 'call-8' })).toContainEqual([expect.stringMatching(/Index Scan/), 'agreement_versions_by_wish']);
    } finally {
      await client.end();
    }
  });
});
