import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/**
 * What the proxy does with one request (numbered from 1): pass it on, pass it on and cut the
 * connection instead of answering (the gateway acted, the client never hears), answer itself
 * without passing it on, or pass it on and rewrite the answer's body.
 */
export type ProxyStep =
  | { readonly kind: 'forward' }
  | { readonly kind: 'forward-then-drop' }
  | { readonly kind: 'answer'; readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly kind: 'rewrite'; readonly rewrite: (body: string) => string };

export interface FlakyProxy {
  readonly url: string;
  /** The bodies of the requests it got, in order. */
  readonly requests: { readonly method: string; readonly path: string; readonly headers: IncomingHttpHeaders; readonly body: string }[];
  close(): Promise<void>;
}

/** A node:http proxy on loopback in front of `target`, scripted request by request (afterwards: forward). */
export async function flakyProxy(target: string, plan: (n: number, request: { method: string; path: string }) => ProxyStep): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const requests: FlakyProxy['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const step = plan(requests.length, { method: req.method ?? 'GET', path });
      if (step.kind === 'answer') {
        res.writeHead(step.status, { 'content-type': 'application/problem+json', ...step.headers }).end(step.body ?? '');
        return;
      }
      const forwarded = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            if (step.kind === 'forward-then-drop') {
              req.socket.destroy();
              return;
            }
            let text = Buffer.concat(parts).toString('utf8');
            if (step.kind === 'rewrite') text = step.rewrite(text);
            const headers = { ...answer.headers };
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            res.writeHead(answer.statusCode ?? 502, headers).end(text);
          });
        },
      );
      forwarded.on('error', () => req.socket.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
