import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA_SHA256, validateGatewayConfig } from '../generated/config-validator.js';
import { PARSED_DOCUMENTS } from '../generated/parsed-documents.js';
import { readPackageYaml, sha256Of } from '../kernel/yaml-document.js';
import { CONFIG_SCHEMA_REF, configSchemaAjv } from './config-schema.js';

/** A config file's check: true when it passes, with defaults applied; else `errors` says why. */
export type ConfigValidator = Pick<ValidateFunction, 'errors'> & ((data: unknown) => boolean);

/**
 * The check of config/schema.yaml under the package root `root`. Compiling the schema took a good part of
 * a gateway's start-up, so `npm run generate` keeps it compiled (ajv's standalone code) in
 * generated/config-validator.ts with the SHA-256 of the text it came from: while the file has that text,
 * that validator is the check; a file changed since (not generated again yet) is compiled as it is now.
 */
export function configValidatorAt(root: URL): ConfigValidator {
  const text = readFileSync(new URL('config/schema.yaml', root), 'utf8');
  if (sha256Of(text) === CONFIG_SCHEMA_SHA256) return validateGatewayConfig;
  return configSchemaAjv(readPackageYaml('config/schema.yaml', root, PARSED_DOCUMENTS)).compile({ $ref: CONFIG_SCHEMA_REF });
}

let packageValidator: ConfigValidator | undefined;

/** The check of the package's own config/schema.yaml, made on first use and kept. */
export function configValidator(): ConfigValidator {
  return (packageValidator ??= configValidatorAt(new URL('../../', import.meta.url)));
}
