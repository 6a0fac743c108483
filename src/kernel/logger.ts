import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPrettyModule from 'pino-pretty';

/** pino-pretty, loaded only for readable lines (JSON lines, a deployed gateway's, never need it). */
const loadPinoPretty = (): typeof PinoPrettyModule => createRequire(import.meta.url)('pino-pretty') as typeof PinoPrettyModule;

/** Paths pino blanks out of every log line: tokens, signatures and secrets never reach the logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["usm-signature"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["usm-signature"]',
  '*.secret',
  '*.token',
  '*.d',
  '*.privateKey',
  'secret',
  'token',
];

export interface LoggerOptions {
  /** Readable lines (pino-pretty) instead of JSON lines; redaction applies before either. */
  readonly pretty?: boolean;
}

/** JSON lines to `destination` (standard output by default), or readable lines when `pretty`. */
export function createLogger(level: string, destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (options.pretty !== true) return pino({ level, redact }, destination);
  const pretty = loadPinoPretty()({
    // Colours only on a terminal: a captured stream gets plain text.
    ...(destination === undefined ? { destination: 1 } : { destination, colorize: false }),
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // `start` holds the fields of the start lines, whose messages say the same.
    ignore: 'pid,hostname,start',
    singleLine: true,
  });
  return pino({ level, redact }, pretty);
}

/** Readable lines when the config says so, else when standard output is a terminal. */
export function prettyWanted(configured: boolean | undefined, stdoutIsTTY: boolean | undefined): boolean {
  return configured ?? stdoutIsTTY === true;
}

/** A storage setting fit for a log line: the password of a `postgres://` URL (in its user part or its query) blanked. */
export function withoutPassword(storage: string): string {
  if (!/^postgres(ql)?:\/\//.test(storage)) return storage;
  try {
    const url = new URL(storage);
    if (url.password !== '') url.password = '***';
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString().replaceAll('%2A%2A%2A', '***');
  } catch {
    // Not a URL the gateway could use either: say only which engine it names.
    return storage.split(':')[0]! + '://***';
  }
}
