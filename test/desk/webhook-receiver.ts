import { createServer, type IncomingHttpHeaders } from 'node:http';

/** One request a receiver got, answered with `status`. */
export interface Attempt {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
}

export interface Receiver {
  readonly url: string;
  /** Every request, in the order they came. */
  readonly attempts: Attempt[];
  /** The requests answered with a 2xx. */
  received(): Attempt[];
  close(): Promise<void>;
}

/** A webhook receiver on loopback; `statusOf` answers each request (numbered from 1), a 2xx is received. */
export async function webhookReceiver(statusOf: (attempt: number) => number = () => 204): Promise<Receiver> {
  const attempts: Attempt[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const status = statusOf(attempts.length + 1);
      attempts.push({ status, headers: req.headers, raw });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    attempts,
    received: () => attempts.filter((a) => a.status < 300),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls `check` every 20 ms until it holds, for at most `ms`. */
export async function until(check: () => boolean, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The headers Standard Webhooks' `verify` and the CloudEvents HTTP binding take: string values only. */
export function stringHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
}
