import { pino, type Logger } from 'pino';

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
