import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { CONTRACT_SCHEMA_ID, type ContractDocument, type Operation, type OperationResponse } from './contract.js';
import { ERROR_CODES } from '../kernel/error-codes.js';
import { once } from '../kernel/lazy-module.js';
import type { FieldError } from '../kernel/gateway-error.js';
import { PROBLEM_MEDIA_TYPE } from '../kernel/problem.js';

/** ajv-formats, loaded with the first Ajv that needs it (the first schema compiled), not at start. */
const addFormats = (ajv: Ajv): Ajv => (createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv)(ajv);

/**
 * Request validation with the contract's own schemas. Bodies are checked as sent (no coercion,
 * nothing removed); query and path parameters are strings on the wire and coerced to their types.
 * Each schema is compiled on its route's first request, not at start: compiling all of them made up
 * most of a gateway's start-up (test/http/responses.test.ts compiles every one of them); the two Ajv
 * instances, with their formats, are made for the first one.
 */
export function createContractValidation(document: ContractDocument): {
  readonly compiler: FastifySchemaCompiler<unknown>;
  /** A check of a body against a schema, outside any route (messages inside a batch): undefined when it passes. */
  bodyValidator(schema: unknown): (value: unknown) => FieldError[] | undefined;
} {
  const shared = { $id: CONTRACT_SCHEMA_ID, components: document.components };
  // The contract's schemas are not checked against the JSON Schema meta-schema here, at every start (compiling
  // it took a good share of start-up): the contract is linted as OpenAPI 3.1 in test/http/contract.test.ts.
  const withContract = (coerceTypes: boolean) => (): Ajv => addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes, useDefaults: true, validateSchema: false })).addSchema(shared);
  const strict = once(withContract(false));
  const coercing = once(withContract(true));
  return {
    compiler: ({ schema, httpPart }) => compiledOnFirstUse(httpPart === 'body' ? strict : coercing, schema as object),
    bodyValidator(schema) {
      const validate = compiledOnFirstUse(strict, schema as object);
      return (value) => (validate(value) ? undefined : fieldErrorsOf(validate.errors ?? [], 'body'));
    },
  };
}

/** Ajv's parent-data argument, by which it replaces a coerced root value (a query string, a path parameter). */
type DataContext = Parameters<ValidateFunction>[1];

/** A lazily compiled validator: fastify reads `errors` after a failed check. */
interface LazyValidator {
  (data: unknown, context?: DataContext): boolean;
  errors?: ValidateFunction['errors'];
  /** Set as on Ajv's own functions, so that fastify passes the parent data (see DataContext). */
  readonly schemaEnv: unknown;
}

/** A validator that compiles its schema on its first call and keeps the compiled function. */
function compiledOnFirstUse(ajv: () => Ajv, schema: object): LazyValidator {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown, context?: DataContext) => {
    compiled ??= ajv().compile(schema);
    const valid = compiled(data, context);
    validate.errors = compiled.errors;
    return valid;
  }) as LazyValidator;
  Object.defineProperty(validate, 'schemaEnv', { value: true });
  return validate;
}

/** Validation errors as a problem document's field errors, each path prefixed with the part of the request. */
export function fieldErrorsOf(errors: readonly { instancePath?: string; message?: string; params?: Record<string, unknown> }[], part: string): FieldError[] {
  return errors.map((e) => ({
    path: `${part}${e.instancePath ?? ''}`,
    message: `${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`,
  }));
}

/** One answer as it leaves the gateway. */
export interface Answer {
  readonly method: string;
  /** The route's path in fastify's syntax (`/v1/calls/:callId`); undefined when no route matched. */
  readonly route: string | undefined;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | number | readonly string[] | undefined>>;
  /** The serialised body, undefined or empty when there is none. */
  readonly body: string | Buffer | null | undefined;
}

/**
 * A check of answers against the contract: the status must be one the operation lists, the media
 * type one listed for that status, the body valid against its schema (a problem document's
 * `status` the HTTP status), and the required headers there and valid. An answer for no route
 * must be a 404 or 405 problem. Gives what is wrong, or nothing; routes outside the contract
 * (the Swagger UI under /docs) are not checked.
 */
export function createResponseCheck(document: ContractDocument, operations: readonly Operation[]): (answer: Answer) => string[] {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true }));
  ajv.addSchema({ $id: CONTRACT_SCHEMA_ID, components: document.components });
  coercing.addSchema({ $id: CONTRACT_SCHEMA_ID, components: document.components });
  const byRoute = new Map(operations.map((op) => [`${op.method} ${op.url}`, op]));
  const bodies = new Map<unknown, ValidateFunction>();
  const headerValues = new Map<unknown, ValidateFunction>();
  const validator = (cache: Map<unknown, ValidateFunction>, schema: unknown, compile: () => ValidateFunction): ValidateFunction => {
    let validate = cache.get(schema);
    if (validate === undefined) {
      validate = compile();
      cache.set(schema, validate);
    }
    return validate;
  };
  const problemSchema = { $ref: `${CONTRACT_SCHEMA_ID}#/components/schemas/Problem` };
  const notFound: OperationResponse = { headers: {}, content: { [PROBLEM_MEDIA_TYPE]: problemSchema } };
  const methodNotAllowed: OperationResponse = { headers: { allow: { required: true, schema: { type: 'string', minLength: 1 } } }, content: { [PROBLEM_MEDIA_TYPE]: problemSchema } };
  const noRoute: Readonly<Record<string, OperationResponse>> = { '404': notFound, '405': methodNotAllowed };

  return (answer) => {
    if (answer.method === 'HEAD') return [];
    const operation = answer.route === undefined ? undefined : byRoute.get(`${answer.method} ${answer.route}`);
    if (answer.route !== undefined && operation === undefined) {
      // The API docs and the console's pages are pages, not operations.
      return /^\/(docs|console)(\/|$)/.test(answer.route) ? [] : [`${answer.method} ${answer.route} is not an operation of the contract`];
    }
    const responses = operation?.responses ?? noRoute;
    const name = operation?.operationId ?? 'a request for no route';
    const response = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
    if (response === undefined) return [`${name} answered ${answer.status}, which the contract does not list (it lists ${Object.keys(responses).join(', ')})`];
    const problems: string[] = [];
    for (const [header, { required, schema }] of Object.entries(response.headers)) {
      const value = answer.headers[header];
      if (value === undefined) {
        if (required) problems.push(`${name} ${answer.status} lacks the ${header} header`);
        continue;
      }
      // Header values are text: checked against their schema as query parameters are, coerced to its type.
      const check = validator(headerValues, schema, () => coercing.compile({ type: 'object', properties: { value: schema as object } }));
      if (!check({ value: Array.isArray(value) ? value.join(', ') : String(value) })) problems.push(`${name} ${answer.status} header ${header}: ${String(value)} ${check.errors?.[0]?.message ?? 'is invalid'}`);
    }
    const text = answer.body === null || answer.body === undefined ? '' : answer.body.toString();
    const media = Object.keys(response.content);
    if (media.length === 0) {
      if (text !== '') problems.push(`${name} ${answer.status} has a body, but the contract gives it none`);
      return problems;
    }
    const type = String(answer.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const schema = response.content[type];
    if (schema === undefined) return [...problems, `${name} ${answer.status} is ${type || 'without a content type'}, not ${media.join(' or ')}`];
    let body: unknown;
    try {
      // A JSON media type (`application/json`, `application/...+json`) is parsed; any other (text) is checked as a string.
      body = /^application\/([a-z0-9.+-]+\+)?json$/.test(type) ? JSON.parse(text) : text;
    } catch {
      return [...problems, `${name} ${answer.status} is not JSON`];
    }
    const validate = validator(bodies, schema, () => ajv.compile(schema as object));
    if (!validate(body)) {
      problems.push(...(validate.errors ?? []).map((e) => `${name} ${answer.status} body${e.instancePath} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`));
    }
    if (type === PROBLEM_MEDIA_TYPE) {
      const { status, code } = body as { status?: unknown; code?: unknown };
      if (status !== answer.status) problems.push(`${name} answered ${answer.status} with a problem of status ${String(status)}`);
      const registered = typeof code === 'string' ? (ERROR_CODES as Record<string, { status: number }>)[code] : undefined;
      if (registered === undefined) problems.push(`${name} answered a problem with the unknown code ${String(code)}`);
      else if (registered.status !== answer.status) problems.push(`${name} answered ${answer.status} with ${String(code)}, whose status is ${registered.status}`);
    }
    return problems;
  };
}
