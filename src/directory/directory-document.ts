import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';

/** The protected header's `typ` of a signed directory: no other signed statement passes for one. */
export const DIRECTORY_TYP = 'usm-link-directory+jws';

/** A member's public key, with the period the operator vouches for it (Unix seconds). */
export interface DirectoryKey {
  readonly jwk: JWK;
  readonly nbf?: number;
  readonly exp?: number;
}

export interface DirectoryMember {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly roles: readonly ('customer' | 'supplier')[];
  readonly keys: readonly DirectoryKey[];
  readonly services: readonly { readonly id: string; readonly name: string }[];
}

/** The customer may raise calls with the supplier for these services; both hold the agreement id. */
export interface DirectoryLink {
  readonly customer: string;
  readonly supplier: string;
  readonly agreement: string;
  readonly services: readonly string[];
}

export interface DirectoryRevocations {
  readonly keys: readonly { readonly member: string; readonly kid: string; readonly reason?: string }[];
  readonly members: readonly { readonly id: string; readonly reason?: string }[];
}

/** The payload of a signed network directory (config/directory.schema.json), version 1. */
export interface Directory {
  readonly version: 1;
  readonly network: { readonly id: string; readonly name: string };
  readonly operator: { readonly id: string; readonly name: string };
  readonly sequence: number;
  readonly iat: number;
  readonly exp: number;
  readonly members: readonly DirectoryMember[];
  readonly links: readonly DirectoryLink[];
  readonly revocations: DirectoryRevocations;
}

/** A directory refused, or its source; `code` says why (DIR_SOURCE, DIR_SIGNATURE, DIR_SCHEMA, DIR_EXPIRED, DIR_NOT_YET, DIR_ROLLBACK, DIR_NETWORK). */
export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'DirectoryError';
  }
}

export type DirectoryErrorCode = 'DIR_SOURCE' | 'DIR_SIGNATURE' | 'DIR_SCHEMA' | 'DIR_EXPIRED' | 'DIR_NOT_YET' | 'DIR_ROLLBACK' | 'DIR_NETWORK';

/** The JSON Schema of the document (config/directory.schema.json), read once. */
export const directorySchema = JSON.parse(readFileSync(new URL('../../config/directory.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * The schema's check, compiled on the first directory checked (a gateway that follows none never needs
 * it), with ajv's JSON Schema 2020-12 build (its own vocabularies, some twenty modules) loaded then.
 */
let compiled: ValidateFunction | undefined;
function compileDirectorySchema(): ValidateFunction {
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof Ajv2020Module;
  return new Ajv2020({ allErrors: false, strict: false }).compile(directorySchema);
}

/** Checks a parsed payload against the schema and the rules a schema cannot say; returns it typed. */
export function parseDirectory(value: unknown): Directory {
  const validate = (compiled ??= compileDirectorySchema());
  if (!validate(value)) {
    const [first] = validate.errors ?? [];
    throw new DirectoryError('DIR_SCHEMA', `the directory ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
  }
  const directory = value as unknown as Directory;
  const ids = new Set<string>();
  for (const member of directory.members) {
    if (ids.has(member.id)) throw new DirectoryError('DIR_SCHEMA', `member ${member.id} is listed twice`);
    ids.add(member.id);
  }
  for (const link of directory.links) {
    for (const side of [link.customer, link.supplier]) {
      if (!ids.has(side)) throw new DirectoryError('DIR_SCHEMA', `link ${link.agreement} names ${side}, which is not a member`);
    }
  }
  return directory;
}
