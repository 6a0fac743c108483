import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePrivateJwk, publicJwkOf } from '../../src/keys/jwk.js';

const CLI = new URL('../../src/cli.ts', import.meta.url).pathname;

export interface StartedProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Waits until the output holds `count` lines matching `pattern` (bounded by `attempts` checks 20 ms apart). */
  lines(pattern: RegExp, count?: number, attempts?: number): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * `usm-link start` in a process of its own, stdout and stderr captured; on a terminal of its own
 * (a pseudo-terminal made by `script`) when `tty` is set. Ready when `/readyz` answers 200.
 */
export async function startProcess(
  dir: string,
  config: Record<string, unknown> & { listen: { port: number; [key: string]: unknown } },
  options: { tty?: boolean; env?: Record<string, string> } = {},
): Promise<StartedProcess> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'config.yaml');
  await writeFile(file, JSON.stringify(config));
  const { USM_LINK_DEBUG: _debug, NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const env = { ...inherited, TERM: 'xterm-256color', ...options.env };
  const args = ['--import', 'tsx', CLI, 'start', '--config', file];
  const child =
    options.tty === true
      ? spawn('script', ['-qfec', [process.execPath, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${config.listen.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the gateway exited: ${output}`);
    if ((await fetch(`${url}/readyz`).catch(() => undefined))?.ok) break;
    if (i > 1500) throw new Error(`the gateway did not get ready: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const started: StartedProcess = {
    child,
    url,
    output: () => output,
    async lines(pattern, count = 1, attempts = 250) {
      for (let i = 0; ; i++) {
        const found = plain(output).split('\n').filter((line) => pattern.test(line));
        if (found.length >= count) return found;
        if (i >= attempts) throw new Error(`no ${count} line(s) matching ${pattern} in: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return started;
}

/** The text without terminal colours and carriage returns. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '');
}

/** A gateway's config in `dir` with its key, tokens and one customer partner written there. */
export async function processConfig(dir: string, port: number, tokens: { desk: string; admin: string }): Promise<Record<string, unknown> & { listen: { host: string; port: number } }> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'desk-token'), tokens.desk, { mode: 0o600 });
  await writeFile(join(dir, 'admin-token'), tokens.admin, { mode: 0o600 });
  await writeFile(join(dir, 'gateway.private.jwk'), JSON.stringify(await generatePrivateJwk()), { mode: 0o600 });
  return {
    party: { id: 'provider', name: 'Provider' },
    listen: { host: '127.0.0.1', port },
    storage: 'sqlite:./gateway.db',
    signing: { keyFile: './gateway.private.jwk' },
    services: [{ id: 'workplace', name: 'Digital workplace' }],
    partners: [{ id: 'hospital', name: 'Hospital', roles: ['customer'], jwks: { keys: [publicJwkOf(await generatePrivateJwk())] } }],
    desk: { tokens: [{ name: 'desk', file: './desk-token' }] },
    admin: { tokens: [{ name: 'admin', file: './admin-token' }] },
    log: { level: 'info' },
  };
}
