import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** The OpenAPI document (openapi/usm-link.yaml), the single source of routes and request schemas. */
export interface ContractDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export const CONTRACT_SCHEMA_ID = 'usm-link';
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export const contractDocument = parseYaml(
  readFileSync(new URL('../../openapi/usm-link.yaml', import.meta.url), 'utf8'),
) as ContractDocument;

export interface Operation {
  readonly operationId: string;
  readonly method: Uppercase<(typeof HTTP_METHODS)[number]>;
  /** The path in fastify's syntax (`/v1/calls/:callId`). */
  readonly url: string;
  readonly schema: {
    body?: unknown;
    querystring?: unknown;
    params?: unknown;
  };
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
        },
      });
    }
  }
  return operations;
}

function objectSchemaOf(parameters: readonly Parameter[], location: 'query' | 'path', key: 'querystring' | 'params'): Record<string, unknown> {
  const selected = parameters.filter((p) => p.in === location);
  if (selected.length === 0) return {};
  return {
    [key]: {
      type: 'object',
      additionalProperties: location === 'path',
      properties: Object.fromEntries(selected.map((p) => [p.name, qualifyRefs(p.schema)])),
      required: selected.filter((p) => p.required === true).map((p) => p.name),
    },
  };
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
