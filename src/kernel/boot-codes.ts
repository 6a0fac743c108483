/**
 * Every reason a gateway can fail to start, with a stable code. The CLI prints a boot failure as one
 * line, `usm-link: <CODE> <message>`, and exits 1; docs/deploy.md says what each means and what to do.
 *
 * Apart from error-codes.ts on purpose: those codes are answers to partners and desks, each with its HTTP
 * status and problem title; these never reach a client, have no status, and are read by the operator
 * who started the process.
 */
export const BOOT_CODES = {
  USM_BOOT_CONFIG: { title: 'The config file cannot be read or is not valid' },
  USM_BOOT_KEY: { title: 'A key (the signing key, a published key or a partner key set) cannot be read or is not usable' },
  USM_BOOT_TOKEN: { title: 'A desk or admin bearer token is missing, unreadable or too short' },
  USM_BOOT_STORE: { title: 'The store cannot be opened' },
  USM_BOOT_LISTEN: { title: 'The gateway cannot listen on its address' },
  USM_BOOT_INTERNAL: { title: 'An error the gateway did not expect' },
} as const satisfies Record<string, { title: string }>;

export type BootCode = keyof typeof BOOT_CODES;

export function isBootCode(code: unknown): code is BootCode {
  return typeof code === 'string' && Object.hasOwn(BOOT_CODES, code);
}
