import { Ajv, type Options } from 'ajv';

/** How the config schema is compiled: at `npm run generate` (into generated/config-validator.ts) and at run time, alike. */
export const CONFIG_AJV_OPTIONS: Options = { allErrors: false, useDefaults: true, strict: false };

/** The schema a config file is checked against, in the document config/schema.yaml (added as `config`). */
export const CONFIG_SCHEMA_REF = 'config#/components/schemas/GatewayConfig';

/** An ajv holding the config schema document as `config`, with the given options added (`code` for `npm run generate`). */
export function configSchemaAjv(document: unknown, options: Options = {}): Ajv {
  const ajv = new Ajv({ ...CONFIG_AJV_OPTIONS, ...options });
  ajv.addSchema(document as object, 'config');
  return ajv;
}
