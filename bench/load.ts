/**
 * The load client, in its own process. Reads a JSON job on stdin: a list of prepared requests
 * (bodies already signed, so the client's own signing is not measured) and either a concurrency
 * (closed loop, as fast as the server answers) or a rate (open loop, one request every 1/rate s).
 * Prints one JSON line: the count of 2xx answers, the others, elapsed ms and latencies.
 */
import { Pool } from 'undici';

interface Job {
  /** One or more gateways (replicas): requests go to them in turn. */
  readonly urls: readonly string[];
  readonly requests: readonly { path: string; body: string; headers: Record<string, string> }[];
  readonly concurrency?: number;
  readonly ratePerSecond?: number;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Job;
  const pools = job.urls.map((url) => new Pool(url, { connections: Math.max(job.concurrency ?? 32, 8), keepAliveTimeout: 30_000 }));
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const one = async (i: number): Promise<void> => {
    const request = job.requests[i]!;
    const started = performance.now();
    try {
      const response = await pools[i % pools.length]!.request({ path: request.path, method: 'POST', headers: request.headers, body: request.body });
      await response.body.dump();
      if (response.statusCode < 300) ok++;
      else failed++;
    } catch {
      failed++;
    }
    latencies.push(performance.now() - started);
  };
  const start = performance.now();
  if (job.ratePerSecond !== undefined) {
    const interval = 1000 / job.ratePerSecond;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < job.requests.length; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(one(i));
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < job.requests.length) await one(next++);
    };
    await Promise.all(Array.from({ length: job.concurrency ?? 32 }, worker));
  }
  const elapsedMs = performance.now() - start;
  await Promise.all(pools.map((pool) => pool.close()));
  process.stdout.write(`${JSON.stringify({ ok, failed, elapsedMs, latencies })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
