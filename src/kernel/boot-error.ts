import type { BootCode } from './boot-codes.js';

/** A reason the gateway cannot start; `code` says which (boot-codes.ts). The message never holds a secret. */
export class BootError extends Error {
  readonly code: BootCode;

  constructor(code: BootCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BootError';
    this.code = code;
  }
}
