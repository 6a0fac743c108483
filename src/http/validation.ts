import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { CONTRACT_SCHEMA_ID, type ContractDocument } from './contract.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Request validation with the contract's own schemas. Bodies are checked as sent (no coercion,
 * nothing removed); query and path parameters are strings on the wire and coerced to their types.
 */
export function createValidatorCompiler(document: ContractDocument): FastifySchemaCompiler<unknown> {
  const shared = { $id: CONTRACT_SCHEMA_ID, components: document.components };
  const strict = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true }));
  const coercing = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true }));
  strict.addSchema(shared);
  coercing.addSchema(shared);
  return ({ schema, httpPart }) => {
    return (httpPart === 'body' ? strict : coercing).compile(schema as object);
  };
}
