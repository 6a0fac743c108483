import { readFile } from 'node:fs/promises';
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { KeyError } from './jwk.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A PEM file's text, or a KeyError naming the file (`what` says what it was to hold). */
export async function readPemFile(file: string, what: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new KeyError(`cannot read ${what} ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  if (!text.includes('-----BEGIN ')) throw new KeyError(`${file} is not PEM (${what})`);
  return text;
}

/** A private key in PEM: from the variable `keyEnv` when given, else from `keyFile`; checked to parse. */
export async function readPrivateKeyPem(source: { keyFile?: string | undefined; keyEnv?: string | undefined }, env: Env, what: string): Promise<string> {
  let pem: string;
  let where: string;
  if (source.keyEnv !== undefined) {
    where = `$${source.keyEnv}`;
    const value = env[source.keyEnv];
    if (value === undefined || value === '') throw new KeyError(`set ${source.keyEnv} to ${what} (PEM)`);
    pem = value;
  } else {
    where = source.keyFile!;
    pem = await readPemFile(source.keyFile!, what);
  }
  try {
    createPrivateKey(pem);
  } catch (error) {
    throw new KeyError(`${where} is not a private key in PEM (${what})`, { cause: error });
  }
  return pem;
}

/** Certificates in PEM: checked to parse (the first is the leaf). */
export async function readCertificatesPem(file: string, what: string): Promise<string> {
  const pem = await readPemFile(file, what);
  try {
    new X509Certificate(pem);
  } catch (error) {
    throw new KeyError(`${file} is not a certificate in PEM (${what})`, { cause: error });
  }
  return pem;
}

/** The base64 SHA-256 of a certificate's SubjectPublicKeyInfo (an SPKI pin, RFC 7469's pin-sha256), from its DER. */
export function spkiSha256(der: Buffer): string {
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The SHA-256 fingerprint of a certificate's DER, as lowercase hex without colons. */
export function certificateSha256(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}
