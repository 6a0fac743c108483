import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** One file of the console, as served: its bytes, and gzipped once for clients that take it. */
export interface ConsoleAsset {
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
}

/** The console as the gateway serves it: the HTML shell and its content-hashed assets by file name. */
export interface ConsoleBundle {
  readonly html: string;
  readonly assets: ReadonlyMap<string, ConsoleAsset>;
}

/**
 * The console's browser code (src/console/, TypeScript), bundled from source: there is no build step
 * to forget. Beside this module when run from src/; from the package's src/ when run compiled (dist/).
 */
const ENTRY = [new URL('../console/main.ts', import.meta.url), new URL('../../src/console/main.ts', import.meta.url)].map((url) => fileURLToPath(url)).find((path) => existsSync(path)) ?? fileURLToPath(new URL('../console/main.ts', import.meta.url));
export const CONSOLE_ASSET_PATH = '/console/assets/';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * Bundles the console with esbuild's JS API, in memory: one minified ES module and one style sheet,
 * named by their content hash so that they can be cached for good, and an HTML shell that loads
 * them (no inline script or style, so the Content-Security-Policy can forbid both).
 */
export async function bundleConsole(): Promise<ConsoleBundle> {
  // esbuild is loaded with the first bundle: a gateway whose console is never opened never loads it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outdir: '/console-out',
    entryNames: 'console-[hash]',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const assets = new Map<string, ConsoleAsset>();
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type === undefined) continue;
    const body = Buffer.from(file.contents);
    assets.set(name, { type, body, gzip: gzipSync(body, { level: 9 }) });
  }
  const script = [...assets.keys()].find((n) => n.endsWith('.js'));
  const style = [...assets.keys()].find((n) => n.endsWith('.css'));
  if (script === undefined) throw new Error('the console bundle has no script');
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>usm-link console</title>',
    '<link rel="icon" href="data:,">',
    ...(style !== undefined ? [`<link rel="stylesheet" href="${CONSOLE_ASSET_PATH}${style}">`] : []),
    `<script type="module" src="${CONSOLE_ASSET_PATH}${script}"></script>`,
    '</head>',
    '<body>',
    '<noscript>The console needs JavaScript.</noscript>',
    '<div id="app"></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, assets };
}

/** Bundles once, on first use, and keeps the result (a failed bundle is tried again on the next use). */
export function lazyConsoleBundle(bundle: () => Promise<ConsoleBundle> = bundleConsole): () => Promise<ConsoleBundle> {
  let pending: Promise<ConsoleBundle> | undefined;
  return () => {
    pending ??= bundle().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
