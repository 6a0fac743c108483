import { hashPassword } from '../keys/console-accounts.js';
import { UsageError } from './usage-error.js';

/**
 * `usm-link console hash-password`: reads a password from standard input (its first line) and prints
 * the scrypt hash a `console.accounts[].passwordHash` takes. The password never goes on the command line.
 */
export async function consoleCommand(args: readonly string[], input: NodeJS.ReadableStream = process.stdin, print: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  if (args[0] !== 'hash-password' || args.length > 1) throw new UsageError('usage: usm-link console hash-password   (the password on standard input)');
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (password.length < 8) throw new UsageError('the password must have at least 8 characters');
  print(`${await hashPassword(password)}\n`);
  return 0;
}
