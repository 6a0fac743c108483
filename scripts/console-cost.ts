/**
 * What a console page costs: the bundle's JS and CSS (bytes, and gzipped as served), and the first
 * load in headless chromium against a fresh gateway (to the sign-in form; the bundle built at the
 * first request, then a second load with a fresh browser context). `node --import tsx scripts/console-cost.ts`
 */
import { performance } from 'node:perf_hooks';
import { bundleConsole } from '../src/http/console-bundle.js';
import { launchChromium } from '../test/console/browser.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { buildConfig } from '../src/config/load-config.js';

const bundle = await bundleConsole();
for (const [name, asset] of bundle.assets) console.log(`${name}: ${asset.body.length} bytes, ${asset.gzip.length} gzipped`);
const total = [...bundle.assets.values()].reduce((sum, a) => ({ raw: sum.raw + a.body.length, gzip: sum.gzip + a.gzip.length }), { raw: 0, gzip: 0 });
console.log(`JS + CSS: ${total.raw} bytes, ${total.gzip} gzipped; HTML shell ${Buffer.byteLength(bundle.html)} bytes`);

const dir = await mkdtemp(join(tmpdir(), 'usm-link-console-cost-'));
const config = buildConfig(
  {
    party: { id: 'provider', name: 'Provider' },
    listen: { host: '127.0.0.1', port: 0 },
    storage: 'sqlite:./gateway.db',
    signing: { keyFile: './gateway.private.jwk', createIfMissing: true },
    services: [],
    partners: [],
    admin: { tokens: [] },
  },
  dir,
);
const app = await buildApp({ config, env: {}, logger: pino({ level: 'silent' }) });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await launchChromium();
try {
  for (const label of ['first load (bundled at this request)', 'first load of a new visitor (bundle built)']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${url}/console`);
    await page.getByRole('heading', { name: 'Sign in to the usm-link console' }).waitFor();
    console.log(`${label}: ${Math.round(performance.now() - started)} ms to the sign-in form`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  await rm(dir, { recursive: true, force: true });
}
