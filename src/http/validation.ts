import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { CONTRACT_SCHEMA_ID, type ContractDocument } from './contract.js';
import type { FieldError } from '../kernel/gateway-error.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Request validation with the contract's own schemas. Bodies are checked as sent (no coercion,
 * nothing removed); query and path parameters are strings on the wire and coerced to their types.
 */
export function createContractValidation(document: ContractDocument): {
  readonly compiler: FastifySchemaCompiler<unknown>;
  /** A check of a body against a schema, outside any route (messages inside a batch): undefined when it passes. */
  bodyValidator(schema: unknown): (value: unknown) => FieldError[] | undefined;
} {
  const shared = { $id: CONTRACT_SCHEMA_ID, components: document.components };
  const strict = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true }));
  const coercing = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true }));
  strict.addSchema(shared);
  coercing.addSchema(shared);
  return {
    compiler: ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object),
    bodyValidator(schema) {
      const validate = strict.compile(schema as object);
      return (value) => (validate(value) ? undefined : fieldErrorsOf(validate.errors ?? [], 'body'));
    },
  };
}

/** Validation errors as a problem document's field errors, each path prefixed with the part of the request. */
export function fieldErrorsOf(errors: readonly { instancePath?: string; message?: string; params?: Record<string, unknown> }[], part: string): FieldError[] {
  return errors.map((e) => ({
    path: `${part}${e.instancePath ?? ''}`,
    message: `${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`,
  }));
}
