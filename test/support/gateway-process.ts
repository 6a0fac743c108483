import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CLI = new URL('../../src/cli.ts', import.meta.url).pathname;

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A gateway in a process of its own (so that it can be SIGKILLed), started as `usm-link start` from
 * a config object written to `dir`; ready when `/readyz` answers 200.
 */
export async function spawnGateway(dir: string, config: Record<string, unknown> & { listen: { port: number; [key: string]: unknown } }): Promise<GatewayProcess> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'config.yaml');
  await writeFile(file, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'start', '--config', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const failed = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`gateway exited ${code}: ${stderr}`))));
  failed.catch(() => undefined);
  const url = `http://127.0.0.1:${config.listen.port}`;
  const ready = (async () => {
    while (child.exitCode === null && child.signalCode === null) {
      if ((await fetch(`${url}/readyz`).catch(() => undefined))?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await Promise.race([ready, failed]);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    url,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
