/**
 * What the gateways ask of PostgreSQL, seen from outside them:
 *
 * - a counting TCP proxy between the gateways and the server: it counts round trips (each time a
 *   connection's client writes again after the server answered since its last write: pipelined
 *   statements sent together are one), and reads the frontend side of the wire protocol (v3) for
 *   Syncs, simple Queries and commits (`COMMIT` queries, which is how the store ends its
 *   transactions); the gateways' store URL points at it;
 * - the server processes serving those connections (pg_stat_activity rows whose client port is one
 *   of the proxy's upstream ports), their CPU time from /proc/<pid>/stat, and lock waits: the
 *   activity sampled every few milliseconds for `wait_event_type = 'Lock'` (advisory locks included),
 *   each waiting transaction counted once (by backend and transaction start).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { cpuMicros } from './proc.js';

export interface WireCounts {
  roundTrips: number;
  syncs: number;
  queries: number;
  commits: number;
}

export interface CountingProxy {
  readonly port: number;
  readonly counts: WireCounts;
  /** The local ports of the proxy's connections to the server (a backend's client_port). */
  readonly upstreamPorts: Set<number>;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export async function startCountingProxy(upstream: { host: string; port: number }): Promise<CountingProxy> {
  const counts: WireCounts = { roundTrips: 0, syncs: 0, queries: 0, commits: 0 };
  const upstreamPorts = new Set<number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const server = connect(upstream.port, upstream.host);
    sockets.add(client).add(server);
    server.on('connect', () => upstreamPorts.add(server.localPort!));
    // As the gateway's own connection does: no Nagle delay on small pipelined writes.
    client.setNoDelay(true);
    server.setNoDelay(true);
    const parse = frontendParser(counts);
    // A round trip: the client speaks again after the server has answered something since it last spoke.
    let answered = true;
    client.on('data', (chunk: Buffer) => {
      if (answered) counts.roundTrips++;
      answered = false;
      parse(chunk);
      server.write(chunk);
    });
    server.on('data', () => {
      answered = true;
    });
    server.pipe(client);
    const end = (): void => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    counts,
    upstreamPorts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads the frontend messages of one connection from its chunks: the startup phase, then typed messages. */
function frontendParser(counts: WireCounts): (chunk: Buffer) => void {
  let buffered: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    for (;;) {
      if (!started) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        // An SSL or GSS encryption request is answered with one byte, then the real startup follows.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
        buffered = buffered.subarray(length);
        continue;
      }
      if (buffered.length < 5) return;
      const type = String.fromCharCode(buffered[0]!);
      const length = buffered.readInt32BE(1);
      if (buffered.length < 1 + length) return;
      if (type === 'S') {
        counts.syncs++;
      } else if (type === 'Q') {
        counts.queries++;
        if (/^\s*COMMIT\b/i.test(buffered.subarray(5, 1 + length - 1).toString('utf8'))) counts.commits++;
      }
      buffered = buffered.subarray(1 + length);
    }
  };
}

export interface ServerSample {
  /** CPU time (µs) of the backends serving the proxy's connections, while sampled. */
  readonly backendCpuUs: number;
  readonly backends: number;
  /** CPU time (µs) of the server's own processes (checkpointer, WAL writer, ...), shared with any other database user. */
  readonly auxiliaryCpuUs: number;
  /** Transactions seen waiting on a lock (each once), and by wait event. */
  readonly lockWaits: number;
  readonly lockWaitsByEvent: Record<string, number>;
  /** Samples taken, and those in which at least one of the backends waited on a lock. */
  readonly samples: number;
  readonly samplesWithLockWait: number;
}

/** Samples the server during a run: started before the load, stopped after it. */
export async function sampleServer(connectionString: string, proxy: CountingProxy, everyMs = 10): Promise<{ stop(): Promise<ServerSample> }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const cpuAtStart = new Map<number, number>();
  const cpuLast = new Map<number, number>();
  const auxStart = auxiliaryCpu();
  const episodes = new Map<string, string>();
  let samples = 0;
  let samplesWithLockWait = 0;
  let running = true;
  let lastCpuRead = 0;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ pid: number; wait_event_type: string | null; wait_event: string | null; xact_start: Date | null }>(
        'SELECT pid, wait_event_type, wait_event, xact_start FROM pg_stat_activity WHERE client_port = ANY($1::int[])',
        [[...proxy.upstreamPorts]],
      );
      samples++;
      let waiting = false;
      for (const row of rows) {
        if (!cpuAtStart.has(row.pid)) cpuAtStart.set(row.pid, cpuMicros(row.pid));
        if (row.wait_event_type === 'Lock') {
          waiting = true;
          episodes.set(`${row.pid}/${row.xact_start?.getTime() ?? 'none'}`, row.wait_event ?? 'lock');
        }
      }
      if (waiting) samplesWithLockWait++;
      if (Date.now() - lastCpuRead > 200) {
        lastCpuRead = Date.now();
        for (const pid of cpuAtStart.keys()) {
          const cpu = cpuMicros(pid);
          if (cpu > 0) cpuLast.set(pid, cpu);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      let backendCpuUs = 0;
      for (const [pid, start] of cpuAtStart) {
        const end = cpuMicros(pid) || cpuLast.get(pid) || start;
        backendCpuUs += end - start;
      }
      const lockWaitsByEvent: Record<string, number> = {};
      for (const event of episodes.values()) lockWaitsByEvent[event] = (lockWaitsByEvent[event] ?? 0) + 1;
      return { backendCpuUs, backends: cpuAtStart.size, auxiliaryCpuUs: Math.max(0, auxiliaryCpu() - auxStart), lockWaits: episodes.size, lockWaitsByEvent, samples, samplesWithLockWait };
    },
  };
}

/** The CPU time of the server's processes that serve no client (the postmaster and its background workers). */
function auxiliaryCpu(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (!/(^|\/)postgres\b|^postgres:/.test(cmdline)) continue;
    if (/\(\d+\)|\[local\]/.test(cmdline)) continue; // a client backend
    total += cpuMicros(Number(entry));
  }
  return total;
}
