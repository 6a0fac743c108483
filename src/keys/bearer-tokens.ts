import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BootError } from '../kernel/boot-error.js';
import { GatewayError } from '../kernel/gateway-error.js';

export interface BearerTokenConfig {
  readonly name: string;
  readonly env?: string | undefined;
  readonly file?: string | undefined;
  readonly createIfMissing?: boolean | undefined;
}

export interface BearerAuthenticator {
  /** The name of the desk token presented; throws a 401 GatewayError otherwise. */
  verify(authorization: string | undefined): string;
}

export interface LoadedBearerTokens {
  readonly authenticator: BearerAuthenticator;
  readonly createdFiles: readonly string[];
  /** Where each token was read from, `env <VARIABLE>` or `file <path>` (never the token), for the start log. */
  readonly sources: readonly { readonly name: string; readonly from: string }[];
}

const MIN_TOKEN_LENGTH = 16;

/** Reads each bearer token (desk or admin) from its environment variable, else from its file (created in development). */
export async function loadBearerTokens(configs: readonly BearerTokenConfig[], env: Readonly<Record<string, string | undefined>>): Promise<LoadedBearerTokens> {
  const createdFiles: string[] = [];
  const tokens: { name: string; digest: Buffer }[] = [];
  const sources: { name: string; from: string }[] = [];
  for (const config of configs) {
    let token = config.env === undefined ? undefined : env[config.env];
    let from = `env ${config.env}`;
    if ((token === undefined || token === '') && config.file !== undefined) {
      from = `file ${config.file}`;
      token = await readTokenFile(config.name, config.file);
      if (token === undefined && config.createIfMissing === true) {
        token = randomBytes(32).toString('base64url');
        await writeTokenFile(config.name, config.file, token);
        createdFiles.push(config.file);
      }
    }
    if (token === undefined || token === '') {
      throw new BootError('USM_BOOT_TOKEN', `token ${config.name}: set ${config.env ?? 'its env variable'}${config.file !== undefined ? ` or write ${config.file}` : ''}`);
    }
    if (token.length < MIN_TOKEN_LENGTH) throw new BootError('USM_BOOT_TOKEN', `token ${config.name} is shorter than ${MIN_TOKEN_LENGTH} characters`);
    tokens.push({ name: config.name, digest: digestOf(token) });
    sources.push({ name: config.name, from });
  }
  return {
    createdFiles,
    sources,
    authenticator: {
      verify(authorization) {
        const match = authorization === undefined ? null : /^Bearer (\S+)$/.exec(authorization);
        if (match === null) throw new GatewayError('USM_ERR_TOKEN_MISSING', 'send Authorization: Bearer <token>');
        const digest = digestOf(match[1]!);
        // Compare against every token, always, so timing does not tell which one nearly matched.
        let found: string | undefined;
        for (const token of tokens) if (timingSafeEqual(token.digest, digest) && found === undefined) found = token.name;
        if (found === undefined) throw new GatewayError('USM_ERR_TOKEN_INVALID', 'not a token of this API');
        return found;
      },
    },
  };
}

async function readTokenFile(name: string, file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new BootError('USM_BOOT_TOKEN', `token ${name}: cannot read ${file} (${code ?? 'error'})`, { cause: error });
  }
}

async function writeTokenFile(name: string, file: string, token: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new BootError('USM_BOOT_TOKEN', `token ${name}: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
