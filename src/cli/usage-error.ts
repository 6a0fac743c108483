/** The code of a usage error: the CLI prints its message alone and exits 2. Not a boot code: nothing failed to start. */
export const USAGE_ERROR = 'USM_CLI_USAGE';

/** A command was called wrongly. */
export class UsageError extends Error {
  readonly code = USAGE_ERROR;
  override name = 'UsageError';
}
