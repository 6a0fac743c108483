import { createServer, type Server } from 'node:http';
import type { JWK } from 'jose';
import type { Directory, DirectoryMember } from '../../src/directory/directory-document.js';
import { signDirectory } from '../../src/directory/directory-signing.js';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, type SigningKey } from '../../src/keys/jwk.js';

/**
 * A chain operator for a test: its key pair (made here, never kept), and a web server that serves
 * whatever document it is given at `url`, counting the fetches. `status` other than 200 serves an error.
 */
export interface TestOperator {
  readonly url: string;
  readonly key: SigningKey;
  /** The public key set gateways trust (config network.operatorKeys). */
  readonly keys: { keys: JWK[] };
  /** Serves this text from now on (a signed directory, or anything else). */
  serve(text: string, status?: number): void;
  /** Signs a directory with the operator's key (or another one) and serves it; returns the JWS. */
  publish(directory: Directory, key?: SigningKey): string;
  /** How many times the document was fetched. */
  readonly fetches: number;
  close(): Promise<void>;
}

export async function startOperator(): Promise<TestOperator> {
  const key = signingKeyOf(await generatePrivateJwk('EdDSA'));
  let body = '';
  let status = 404;
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === '/directory.jws') fetches++;
    response.writeHead(request.url === '/directory.jws' ? status : 404, { 'content-type': 'application/jose' }).end(request.url === '/directory.jws' ? body : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const operator: TestOperator = {
    url: `http://127.0.0.1:${port}/directory.jws`,
    key,
    keys: { keys: [publicJwkOf(key.jwk)] },
    serve(text, code = 200) {
      body = text;
      status = code;
    },
    publish(directory, by = key) {
      const jws = signDirectory(directory, by);
      operator.serve(jws);
      return jws;
    },
    get fetches() {
      return fetches;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return operator;
}

/** A directory of these members and links, valid for an hour from now unless said otherwise. */
export function testDirectory(options: {
  sequence: number;
  members: readonly DirectoryMember[];
  links: Directory['links'];
  revocations?: Partial<Directory['revocations']>;
  iat?: number;
  exp?: number;
}): Directory {
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  return {
    version: 1,
    network: { id: 'test-network', name: 'A test network' },
    operator: { id: 'test-operator', name: 'The test operator' },
    sequence: options.sequence,
    iat,
    exp: options.exp ?? iat + 3600,
    members: options.members,
    links: options.links,
    revocations: { keys: options.revocations?.keys ?? [], members: options.revocations?.members ?? [] },
  };
}
