import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const run = promisify(execFile);

/** What the TSA does to a request before it stamps it: nothing, or a different imprint or nonce (a TSA answering another request). */
export type TsaTamper = 'none' | 'imprint' | 'nonce';

/**
 * A real RFC 3161 TSA for tests: `openssl ts -reply` behind node:http, with a CA and a TSA
 * certificate (timeStamping EKU) made by openssl in a temp folder; `otherCaFile` is a CA that did
 * not issue it. `stop()` closes the listener (an outage), `start()` opens it on the same port.
 */
export interface LocalTsa {
  readonly url: string;
  /** The CA that issued the TSA's certificate (the trust anchor to configure). */
  readonly caFile: string;
  /** A CA that did not. */
  readonly otherCaFile: string;
  tamper: TsaTamper;
  readonly requests: () => number;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const opensslConfig = (dir: string): string => `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = usm-link test
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_section
[ tsa_section ]
dir = ${dir}
serial = ${dir}/tsaserial
signer_cert = ${dir}/tsa.pem
certs = ${dir}/ca.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(join(tmpdir(), 'usm-tsa-'));
  const config = join(dir, 'openssl.cnf');
  await writeFile(config, opensslConfig(dir));
  await writeFile(join(dir, 'tsaserial'), '01\n');
  const ossl = (...args: string[]) => run('openssl', args, { cwd: dir });
  for (const ca of ['ca', 'other-ca']) {
    await ossl('req', '-config', config, '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${ca}.key`, '-out', `${ca}.pem`, '-days', '2', '-subj', `/CN=${ca}`, '-extensions', 'ca_ext');
  }
  await ossl('req', '-config', config, '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=test tsa');
  await ossl('x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '2', '-extfile', config, '-extensions', 'tsa_ext');

  let count = 0;
  let seq = 0;
  const tsa: LocalTsa = {
    url: '',
    caFile: join(dir, 'ca.pem'),
    otherCaFile: join(dir, 'other-ca.pem'),
    tamper: 'none',
    requests: () => count,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
    start: async () => {
      server = makeServer();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      if (server.listening) await tsa.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  const makeServer = (): Server =>
    createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        count += 1;
        const n = (seq += 1);
        const query = join(dir, `q${n}.tsq`);
        const reply = join(dir, `r${n}.tsr`);
        void (async () => {
          try {
            await writeFile(query, tampered(Buffer.concat(chunks), tsa.tamper));
            await ossl('ts', '-reply', '-config', config, '-queryfile', query, '-out', reply);
            const body = await readFile(reply);
            response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body);
          } catch (error) {
            response.writeHead(500).end(String(error));
          }
        })();
      });
    });
  let server = makeServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  (tsa as { url: string }).url = `http://127.0.0.1:${port}/tsa`;
  return tsa;
}

function tampered(der: Buffer, tamper: TsaTamper): Buffer {
  if (tamper === 'none') return der;
  const request = pkijs.TimeStampReq.fromBER(new Uint8Array(der));
  if (tamper === 'imprint') {
    const other = Buffer.from(request.messageImprint.hashedMessage.valueBlock.valueHexView);
    other[0] = other[0]! ^ 0xff;
    request.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: other });
  } else {
    request.nonce = asn1js.Integer.fromBigInt((request.nonce?.toBigInt() ?? 0n) + 1n);
  }
  return Buffer.from(request.toSchema().toBER(false));
}
