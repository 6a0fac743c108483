import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookDispatcher } from '../../src/desk/webhook-dispatcher.js';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import type { Store } from '../../src/ports/store.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { removeDir } from '../support/gateway-fixture.js';
import { newCall } from '../support/records.js';

describe('the webhook dispatcher', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('reads nothing after a commit while the last look found no subscription (until its next poll or a subscription made here), and delivers from the events once one is made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-dispatcher-'));
    const opened = openSqliteStore(join(dir, 'store.db'));
    /** Every store method the dispatcher called, in order. */
    const called: string[] = [];
    const store = new Proxy(opened, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          called.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as Store;
    const received: string[] = [];
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        received.push((JSON.parse(raw) as { id: string }).id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dispatcher = createWebhookDispatcher({ store, logger: pino({ level: 'silent' }), now: Date.now, source: 'https://gateway.test', maxAttempts: 3, timeoutMs: 2000, backoffBaseMs: 10, backoffMaxMs: 50, pollMs: 60_000 });
    cleanups.push(async () => {
      await dispatcher.close();
      await new Promise((resolve) => server.close(resolve));
      await opened.close();
      await removeDir(dir);
    });
    const call = newCall();
    const event = { id: uuidv7(), type: 'call.note_added' as const, callId: call.id, at: new Date().toISOString(), payload: {} };
    await opened.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [event] });
    dispatcher.wake();
    await dispatcher.idle();
    expect(called).toEqual(['listWebhooks']);
    // Until its next poll, the commits' wakes read nothing at all: the last look found no subscription.
    called.length = 0;
    dispatcher.wake();
    await dispatcher.idle();
    dispatcher.wake();
    await dispatcher.idle();
    expect(called).toEqual([]);

    const at = new Date().toISOString();
    await opened.createWebhook({
      id: uuidv7(), url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, format: 'usm-link', secrets: [{ id: uuidv7(), secret: 'a-secret-of-the-desk-0123456789', createdAt: at, expiresAt: null }],
      events: [], createdAt: at, deliveredThrough: 0, failures: 0, lastError: null, nextAttemptAt: null,
    });
    // The services tell the dispatcher of a subscription they stored: the next commit's wake looks again.
    dispatcher.subscribed();
    called.length = 0;
    dispatcher.wake();
    await dispatcher.idle();
    expect(called.slice(0, 2)).toEqual(['listWebhooks', 'lastEventSeq']);
    expect(received).toEqual([event.id]);
  });
});
