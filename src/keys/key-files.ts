import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JWK } from 'jose';
import { generatePrivateJwk, KeyError } from './jwk.js';

export function parseJwkJson(text: string, where: string): JWK {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeyError(`${where} is not valid JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new KeyError(`${where} is not a JWK object`);
  return value as JWK;
}

export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A JSON parser's message quotes the file: it is not kept as the cause.
    throw new KeyError(code === undefined ? `${file} is not valid JSON` : `cannot read ${file} (${code})`, code === undefined ? {} : { cause: error });
  }
}

/** Reads a private JWK file; when `create` is set and the file is missing, writes a new Ed25519 key (mode 0600). */
export async function readOrCreatePrivateJwk(file: string, create: boolean): Promise<{ jwk: JWK; created: boolean }> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new KeyError(`cannot read ${file} (${code ?? 'error'})`, { cause: error });
    if (!create) throw new KeyError(`key file ${file} does not exist`);
  }
  if (text !== undefined) return { jwk: parseJwkJson(text, file), created: false };
  const jwk = await generatePrivateJwk('EdDSA');
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new KeyError(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  return { jwk, created: true };
}
