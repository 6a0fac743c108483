import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SCRIPT = new URL('../../bench/processes.ts', import.meta.url).pathname;

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A gateway in a process of its own (so that it can be SIGKILLed), from a config object written to `dir`. */
export async function spawnGateway(dir: string, config: Record<string, unknown> & { listen: { port: number; [key: string]: unknown } }): Promise<GatewayProcess> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'config.yaml');
  await writeFile(file, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, 'gateway', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`gateway exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    url: `http://127.0.0.1:${config.listen.port}`,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
