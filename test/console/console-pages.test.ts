import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';
import { processConfig, startProcess } from '../ops/started-process.js';

describe('the console pages', () => {
  let gateway: GatewayFixture;
  beforeAll(async () => {
    gateway = await startGateway({ partners: [] });
  });
  afterAll(async () => gateway?.close());

  it('serves an HTML shell without inline script or style, behind a strict Content-Security-Policy', async () => {
    const response = await fetch(`${gateway.url}/console`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(html).toMatch(/<script type="module" src="\/console\/assets\/console-[A-Z0-9]+\.js"><\/script>/);
  });

  it('serves the content-hashed script and style sheet with long cache headers, gzipped when asked', async () => {
    const html = await (await fetch(`${gateway.url}/console/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const plain = await fetch(`${gateway.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = Buffer.from(await plain.arrayBuffer());
      const zipped = await new Promise<Buffer>((done, fail) => {
        import('node:http').then(({ get }) =>
          get(`${gateway.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
            expect(res.headers['content-encoding']).toBe('gzip');
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(Buffer.concat(chunks)));
          }).on('error', fail),
        );
      });
      expect(gunzipSync(zipped).equals(body)).toBe(true);
    }
    const missing = await fetch(`${gateway.url}/console/assets/console-NOPE.js`);
    expect(missing.status).toBe(404);
    expect(mediaType(missing)).toBe('application/problem+json');
  });
});

describe('the console of a started gateway', () => {
  it('is bundled by its first page view, not at start: that view serves the shell and every asset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-console-start-'));
    const gateway = await startProcess(dir, await processConfig(dir, await freePort(), { desk: 'desk-token-console-0123456789', admin: 'admin-token-console-0123456789' }));
    try {
      const shell = await fetch(`${gateway.url}/console`);
      expect(shell.status).toBe(200);
      const assets = [...(await shell.text()).matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.filter((a) => /\.(js|css)$/.test(a))).toHaveLength(2);
      for (const asset of assets) {
        const answer = await fetch(`${gateway.url}${asset}`);
        expect(answer.status).toBe(200);
        expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      expect(gateway.output()).not.toMatch(/cannot bundle/);
    } finally {
      await gateway.stop();
      await removeDir(dir);
    }
  });
});

function mediaType(r: Response): string | undefined {
  return r.headers.get('content-type')?.split(';')[0];
}

describe('the console source', () => {
  const root = resolve(import.meta.dirname, '../../src/console');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []));

  it('is browser code: it imports its own modules, the contract types and its few packages, never a server module', () => {
    const allowed = /^(\.\/|\.\.\/generated\/api\.js$|preact(\/hooks)?$|htm$|openapi-fetch$)/;
    const bad: string[] = [];
    for (const file of files(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\s+'([^']+)'/g)) {
        const specifier = (m[1] ?? m[2])!;
        if (!allowed.test(specifier)) bad.push(`${relative(root, file)} imports ${specifier}`);
        if (specifier.startsWith('../generated/') && !/import type/.test(m[0])) bad.push(`${relative(root, file)} imports ${specifier} for more than types`);
      }
    }
    expect(bad).toEqual([]);
  });
});
