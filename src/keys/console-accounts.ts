import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BootError } from '../kernel/boot-error.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { BearerAuthenticator } from './bearer-tokens.js';

export type ConsoleRole = 'desk' | 'admin';

export interface ConsoleAccountConfig {
  readonly name: string;
  readonly passwordHash?: string | undefined;
  readonly token?: { readonly env?: string | undefined; readonly file?: string | undefined } | undefined;
  readonly roles: readonly ConsoleRole[];
}

/** Who signed in, and how. */
export interface ConsolePerson {
  /** The name the history records for what they do. */
  readonly person: string;
  readonly roles: readonly ConsoleRole[];
  /** `account` (name and password or personal token), or the desk or admin token signed in with, `token <name>`. */
  readonly via: string;
}

export interface SignIn {
  readonly name?: string | undefined;
  readonly password?: string | undefined;
  readonly token?: string | undefined;
}

export interface ConsoleAccounts {
  /** The person these credentials sign in, or a 401 USM_ERR_SIGN_IN_FAILED (which never says what was wrong). */
  signIn(credentials: SignIn): Promise<ConsolePerson>;
}

/** scrypt's cost: N = 2^15, r = 8, p = 1 (about 32 MiB and a few tens of milliseconds, off the event loop). */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scryptOf(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, base64url: what a `console.accounts[].passwordHash` holds. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptOf(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || key === undefined) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptOf(password, Buffer.from(salt!, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const digestOf = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/**
 * The people who may sign in to the console: accounts from config (a password hash or a personal
 * token, each with its roles), and anyone holding a desk token (role desk) or an admin token (role
 * admin), who names themselves for the history. Personal tokens are read at start, like the desk's.
 */
export async function loadConsoleAccounts(
  configs: readonly ConsoleAccountConfig[],
  tokens: { readonly desk: BearerAuthenticator; readonly admin: BearerAuthenticator },
  env: Readonly<Record<string, string | undefined>>,
): Promise<ConsoleAccounts> {
  const personal: { name: string; digest: Buffer; roles: readonly ConsoleRole[] }[] = [];
  for (const account of configs) {
    if (account.token === undefined) continue;
    const secret = (account.token.env !== undefined ? env[account.token.env] : undefined) ?? (account.token.file !== undefined ? await readSecret(account.name, account.token.file) : undefined);
    if (secret === undefined || secret.length < 16) throw new BootError('USM_BOOT_TOKEN', `console account ${account.name}: its token is missing or shorter than 16 characters`);
    personal.push({ name: account.name, digest: digestOf(secret), roles: account.roles });
  }
  const byName = new Map(configs.filter((a) => a.passwordHash !== undefined).map((a) => [a.name, a]));
  // A name without an account still costs a hash, so the time taken does not tell which names exist: it is
  // checked against a decoy of the same cost, a random salt and key that no password hashes to (hashing a
  // password for it took a tenth of a second of every start).
  const decoy = ['scrypt', COST.N, COST.r, COST.p, randomBytes(16).toString('base64url'), randomBytes(KEY_LENGTH).toString('base64url')].join('$');
  const failed = () => new GatewayError('USM_ERR_SIGN_IN_FAILED', 'check the name and password, or the token');

  return {
    async signIn({ name, password, token }) {
      if (token !== undefined) {
        const digest = digestOf(token);
        let found: (typeof personal)[number] | undefined;
        for (const p of personal) if (timingSafeEqual(p.digest, digest) && found === undefined) found = p;
        if (found !== undefined) return { person: found.name, roles: found.roles, via: 'account' };
        for (const [role, authenticator] of [['desk', tokens.desk], ['admin', tokens.admin]] as const) {
          try {
            const tokenName = authenticator.verify(`Bearer ${token}`);
            return { person: name ?? tokenName, roles: [role], via: `token ${tokenName}` };
          } catch {
            // not a token of this kind
          }
        }
        throw failed();
      }
      if (name === undefined || password === undefined) throw failed();
      const account = byName.get(name);
      const ok = await verifyPassword(password, account?.passwordHash ?? decoy);
      if (account === undefined || !ok) throw failed();
      return { person: account.name, roles: account.roles, via: 'account' };
    },
  };
}

async function readSecret(name: string, file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new BootError('USM_BOOT_TOKEN', `console account ${name}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
}
