/**
 * The baseline's processes: a plain echo upstream and a plain fastify + undici proxy, each in its own
 * Node process with its own event loop (and CPU time read from /proc). Gateways run as
 * `usm-link start` from a compiled build (see run.ts).
 *
 *   node --import tsx bench/processes.ts echo <port>
 *   node --import tsx bench/processes.ts proxy <port> <upstream-url>
 */
import { createServer } from 'node:http';
import fastify from 'fastify';
import { Pool } from 'undici';

const [role, ...args] = process.argv.slice(2);

async function main(): Promise<void> {
  if (role === 'echo') {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.stringify({ received: Buffer.concat(chunks).length });
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      });
    });
    server.keepAliveTimeout = 30_000;
    server.listen(Number(args[0]), '127.0.0.1', () => ready());
    return;
  }
  if (role === 'proxy') {
    const upstream = new Pool(args[1]!, { connections: 16, keepAliveTimeout: 30_000 });
    const app = fastify({ logger: false, bodyLimit: 1 << 20 });
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.post('/*', async (request, reply) => {
      const response = await upstream.request({ path: request.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body as Buffer });
      const text = await response.body.text();
      return reply.code(response.statusCode).type('application/json').send(text);
    });
    await app.listen({ host: '127.0.0.1', port: Number(args[0]) });
    ready();
    process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
    return;
  }
  throw new Error(`unknown role ${role}`);
}

function ready(): void {
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
