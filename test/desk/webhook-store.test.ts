import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import type { Store } from '../../src/ports/store.js';
import type { WebhookSecret, WebhookSubscription } from '../../src/ports/webhook-store.js';
import { openStore } from '../../src/storage/open-store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { POSTGRES_URL, postgresSchema } from '../support/postgres.js';
import { postgresAtVersion, sqliteAtVersion } from '../support/legacy-store.js';

const BEFORE_FORMATS = 9;
const LEGACY = { id: '01900000-0000-7000-8000-0000000000aa', secret: 'a-secret-from-before-0123', createdAt: '2026-01-01T00:00:00.000Z' };
const LEGACY_INSERT = `INSERT INTO webhooks (id, url, secret, events, created_at, delivered_through, failures) VALUES ('${LEGACY.id}', 'http://127.0.0.1:1/h', '${LEGACY.secret}', '[]', '${LEGACY.createdAt}', 0, 0)`;

/** Both engines, each also as a store written before migration 10 with one subscription in it. */
const ENGINES = [
  {
    name: 'sqlite',
    async open(legacy: boolean) {
      const dir = await mkdtemp(join(tmpdir(), 'usm-link-webhooks-'));
      const file = join(dir, 'store.db');
      if (legacy) {
        const old = sqliteAtVersion(file, BEFORE_FORMATS, LEGACY.createdAt);
        old.exec(LEGACY_INSERT);
        old.close();
      }
      const store = await openStore(`sqlite:${file}`, { now: Date.now });
      const column = async () => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare('SELECT secret FROM webhooks WHERE id = ?').pluck().get(LEGACY.id);
        } finally {
          db.close();
        }
      };
      return { store, column, cleanup: () => removeDir(dir) };
    },
  },
  {
    name: 'postgres',
    async open(legacy: boolean) {
      const schema = postgresSchema();
      /** Runs statements in the test's schema (creating it first for a store from before migration 10). */
      const inSchema = async <T>(work: (client: pg.Client) => Promise<T>, create = false): Promise<T> => {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        try {
          await client.query(`${create ? `CREATE SCHEMA ${schema.schema}; ` : ''}SET search_path = ${schema.schema}`);
          return await work(client);
        } finally {
          await client.end();
        }
      };
      if (legacy) {
        await inSchema(async (client) => {
          await postgresAtVersion(client, BEFORE_FORMATS, LEGACY.createdAt);
          await client.query(LEGACY_INSERT);
        }, true);
      }
      const store = await openStore(schema.url, { now: Date.now });
      const column = () => inSchema(async (client) => (await client.query('SELECT secret FROM webhooks WHERE id = $1', [LEGACY.id])).rows[0]?.secret);
      return { store, column, cleanup: schema.drop };
    },
  },
];

const secret = (value: string, expiresAt: string | null = null): WebhookSecret => ({ id: uuidv7(), secret: value, createdAt: new Date().toISOString(), expiresAt });

function subscription(secrets: readonly WebhookSecret[]): WebhookSubscription {
  return { id: uuidv7(), url: 'http://127.0.0.1:1/h', format: 'cloudevents', secrets, events: [], createdAt: new Date().toISOString(), deliveredThrough: 0, failures: 0, lastError: null, nextAttemptAt: null };
}

describe.each(ENGINES)('webhook formats and secrets in the $name store', (engine) => {
  let opened: { store: Store; column: () => Promise<unknown>; cleanup: () => Promise<void> } | undefined;
  afterEach(async () => {
    await opened?.store.close();
    await opened?.cleanup();
    opened = undefined;
  });

  it('keeps a subscription\'s format and secrets, and changes the secrets of one in a transaction that sees the last change', async () => {
    opened = await engine.open(false);
    const { store } = opened;
    const first = secret('whsec_first');
    const hook = subscription([first]);
    await store.createWebhook(hook);
    expect(await store.getWebhook(hook.id)).toEqual(hook);
    expect(await store.listWebhooks()).toEqual([hook]);

    // Changes made at once each start from the other's result: none is lost.
    const added = ['whsec_second', 'whsec_third'].map((value) => secret(value));
    const seen: number[] = [];
    await Promise.all(
      added.map((extra) =>
        store.changeWebhookSecrets(hook.id, (current) => {
          seen.push(current.secrets.length);
          return [...current.secrets, extra];
        }),
      ),
    );
    expect(seen.sort()).toEqual([1, 2]);
    const after = await store.getWebhook(hook.id);
    expect(after!.secrets.map((s) => s.secret).sort()).toEqual(['whsec_first', 'whsec_second', 'whsec_third']);
    expect(after).toMatchObject({ format: 'cloudevents', url: hook.url });

    // No change: the subscription as it is; no subscription: nothing to change.
    expect(await store.changeWebhookSecrets(hook.id, () => undefined)).toEqual(after);
    let called = false;
    expect(await store.changeWebhookSecrets(uuidv7(), () => ((called = true), []))).toBeUndefined();
    expect(called).toBe(false);
  });

  it('reads a subscription stored before migration 10 as usm-link with its one secret, named by the subscription\'s id', async () => {
    opened = await engine.open(true);
    const { store } = opened;
    const legacy = await store.getWebhook(LEGACY.id);
    expect(legacy).toMatchObject({ format: 'usm-link', secrets: [{ id: LEGACY.id, secret: LEGACY.secret, createdAt: LEGACY.createdAt, expiresAt: null }] });
    const rotated = secret('a-secret-after-the-upgrade-45');
    const changed = await store.changeWebhookSecrets(LEGACY.id, (current) => [{ ...current.secrets[0]!, expiresAt: '2030-01-01T00:00:00.000Z' }, rotated]);
    expect(changed!.secrets.map((s) => s.id)).toEqual([LEGACY.id, rotated.id]);
    expect(await store.getWebhook(LEGACY.id)).toEqual(changed);
    // The column an older reader knows holds the newest secret.
    expect(await opened.column()).toBe(rotated.secret);
  });
});
