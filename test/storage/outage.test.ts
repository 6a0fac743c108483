import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, incident, makePartner, removeDir, startGateway } from '../support/gateway-fixture.js';
import { postgresSchema } from '../support/postgres.js';

/** A TCP relay to the real PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
function relay(port: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async up() {
      server = createServer((client) => {
        const upstream = createConnection({ host: '127.0.0.1', port: 5432 });
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async down() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}

describe('a PostgreSQL outage', () => {
  const schema = postgresSchema();
  afterAll(() => schema.drop());

  it('answers writes with 503 and no partial state while the database is gone, and recovers by itself', async () => {
    const port = await freePort();
    const db = relay(port);
    await db.up();
    const hospital = await makePartner('hospital');
    const url = schema.url.replace('127.0.0.1:5432', `127.0.0.1:${port}`);
    const gateway = await startGateway({ partners: [hospital], config: { storage: url, postgres: { timeoutMs: 500, poolSize: 4 } } });
    try {
      const client = gateway.client(hospital);
      expect((await client.send('/v1/calls', client.envelope('call.submit', incident({ summary: 'before' })))).status).toBe(201);

      await db.down();
      const envelope = client.envelope('call.submit', incident({ summary: 'during' }));
      const during = await client.send('/v1/calls', envelope);
      expect(during.status).toBe(503);
      expect((during.body as any).code).toBe('USM_ERR_STORE_UNAVAILABLE');
      expect(during.headers['retry-after']).toBe('5');
      const ready = await fetch(`${gateway.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as any).checks.store).toBe('failing');
      expect((await gateway.desk('GET', '/v1/desk/calls')).status).toBe(503);

      await db.up();
      const after = await client.send('/v1/calls', envelope);
      expect(after.status).toBe(201);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      const summaries = (await gateway.desk('GET', '/v1/desk/calls')).body.items.map((c: any) => c.summary);
      expect(summaries).toEqual(['before', 'during']);
    } finally {
      await gateway.close();
      await db.down().catch(() => undefined);
      await removeDir(gateway.dir);
    }
  }, 30_000);
});
