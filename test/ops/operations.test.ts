import { request } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/kernel/logger.js';
import { DESK_TOKEN, incident, makePartner, removeDir, startGateway } from '../support/gateway-fixture.js';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('operations', () => {
  it('redacts tokens, signatures and secrets from log lines', () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    logger.info({ req: { headers: { authorization: 'Bearer s3cr3t-token', 'usm-signature': 'eyJ..sig' } }, webhook: { secret: 'hook-secret' }, token: 'tok' }, 'request');
    const text = lines.join('\n');
    for (const secret of ['s3cr3t-token', 'eyJ..sig', 'hook-secret', '"tok"']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('logs each request with its id, and never the desk token', async () => {
    const { stream, lines } = capture();
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital], config: { log: { level: 'info' } } });
    // The fixture's logger is silent; a second app on the same files logs into `lines`.
    const { buildApp } = await import('../../src/app.js');
    const app = await buildApp({ config: { ...gateway.config, log: { level: 'info' } }, env: {}, logger: pino({ level: 'info' }, stream) });
    const answer = await app.inject({ method: 'GET', url: '/v1/desk/calls', headers: { authorization: `Bearer ${DESK_TOKEN}`, 'x-request-id': 'req-42' } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['x-request-id']).toBe('req-42');
    await app.close();
    await gateway.close();
    await removeDir(gateway.dir);
    const text = lines.join('\n');
    expect(text).toContain('"reqId":"req-42"');
    expect(text).not.toContain(DESK_TOKEN);
  });

  it('finishes a request in flight when it is told to close', async () => {
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital] });
    const client = gateway.client(hospital);
    const body = JSON.stringify(client.envelope('call.submit', incident()));
    const { port } = new URL(gateway.url);
    const answered = new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/calls', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'usm-signature': client.sign(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.write(body.slice(0, 100));
      setTimeout(() => req.end(body.slice(100)), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = gateway.close();
    expect(await answered).toBe(201);
    await closing;
    await removeDir(gateway.dir);
  });
});
