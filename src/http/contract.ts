import { PARSED_DOCUMENTS } from '../generated/parsed-documents.js';
import { readPackageYaml } from '../kernel/yaml-document.js';

/** The OpenAPI document (openapi/usm-link.yaml), the single source of routes and request schemas. */
export interface ContractDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export const CONTRACT_SCHEMA_ID = 'usm-link';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export const contractDocument = readPackageYaml('openapi/usm-link.yaml', new URL('../../', import.meta.url), PARSED_DOCUMENTS) as ContractDocument;

export interface Operation {
  readonly operationId: string;
  readonly method: Uppercase<(typeof HTTP_METHODS)[number]>;
  /** The path in fastify's syntax (`/v1/calls/:callId`). */
  readonly url: string;
  readonly schema: {
    body?: unknown;
    querystring?: unknown;
    headers?: unknown;
    params?: unknown;
  };
  /** Every answer the contract lists, by status (`'200'`, `'404'`), references resolved. */
  readonly responses: Readonly<Record<string, OperationResponse>>;
}

export interface OperationResponse {
  /** Headers by their lower-case name. */
  readonly headers: Readonly<Record<string, { readonly required: boolean; readonly schema: unknown }>>;
  /** The body's schema by media type; empty when the answer has no body. */
  readonly content: Readonly<Record<string, unknown>>;
}

interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: unknown;
}

/** Every operation in the contract, with JSON schemas for fastify's validation. */
export function operationsOf(document: ContractDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (op === undefined) continue;
      const parameters = [...shared, ...((op.parameters as unknown[] | undefined) ?? [])].map((p) => resolveRef(document, p) as Parameter);
      const body = (op.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.['application/json']?.schema;
      operations.push({
        operationId: op.operationId as string,
        method: method.toUpperCase() as Operation['method'],
        url: path.replace(/\{([^}]+)\}/g, ':$1'),
        schema: {
          ...(body !== undefined ? { body: qualifyRefs(body) } : {}),
          ...objectSchemaOf(parameters, 'query', 'querystring'),
          ...objectSchemaOf(parameters, 'path', 'params'),
          ...objectSchemaOf(parameters, 'header', 'headers'),
        },
        responses: responsesOf(document, (op.responses as Record<string, unknown> | undefined) ?? {}),
      });
    }
  }
  return operations;
}

/**
 * The JSON schema of one part of the request: query parameters are closed (an unknown one is
 * refused), path parameters and headers open; header names are matched in lower case, as Node gives them.
 */
function objectSchemaOf(parameters: readonly Parameter[], location: 'query' | 'path' | 'header', key: 'querystring' | 'params' | 'headers'): Record<string, unknown> {
  const selected = parameters.filter((p) => p.in === location);
  if (selected.length === 0) return {};
  const nameOf = (p: Parameter): string => (location === 'header' ? p.name.toLowerCase() : p.name);
  return {
    [key]: {
      type: 'object',
      additionalProperties: location !== 'query',
      properties: Object.fromEntries(selected.map((p) => [nameOf(p), qualifyRefs(p.schema)])),
      required: selected.filter((p) => p.required === true).map(nameOf),
    },
  };
}

function responsesOf(document: ContractDocument, responses: Record<string, unknown>): Record<string, OperationResponse> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, value]) => {
      const response = resolveRef(document, value) as { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> };
      const headers = Object.entries(response.headers ?? {}).map(([name, header]) => {
        const resolved = resolveRef(document, header) as { required?: boolean; schema?: unknown };
        return [name.toLowerCase(), { required: resolved.required === true, schema: qualifyRefs(resolved.schema ?? {}) }] as const;
      });
      const content = Object.entries(response.content ?? {}).map(([mediaType, media]) => [mediaType, qualifyRefs(media.schema ?? {})] as const);
      return [status, { headers: Object.fromEntries(headers), content: Object.fromEntries(content) }];
    }),
  );
}

function resolveRef(document: ContractDocument, value: unknown): unknown {
  const ref = (value as { $ref?: string }).$ref;
  if (ref === undefined) return value;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document);
}

/** Rewrites local `#/components/...` references so they point into the shared contract schema. */
function qualifyRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(qualifyRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${CONTRACT_SCHEMA_ID}${value}` : qualifyRefs(value),
    ]),
  );
}

/**
 * The methods the contract has for a request path (`/v1/calls/0190…`), or undefined when no path
 * of the contract matches it. HEAD is listed with GET, which answers it.
 */
export function methodsForPath(document: ContractDocument): (path: string) => string[] | undefined {
  const templates = Object.entries(document.paths).map(([template, item]) => ({
    pattern: new RegExp(`^${template.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`),
    methods: HTTP_METHODS.filter((method) => item[method] !== undefined).flatMap((method) => (method === 'get' ? ['GET', 'HEAD'] : [method.toUpperCase()])),
  }));
  return (path) => {
    const methods = new Set(templates.filter((t) => t.pattern.test(path)).flatMap((t) => t.methods));
    return methods.size === 0 ? undefined : [...methods];
  };
}

