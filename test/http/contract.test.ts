import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDocument, HTTP_METHODS } from '../../src/http/contract.js';
import { DEFAULTED_QUERY_PARAMETERS } from '../../src/http/register-operations.js';
import { makePartner, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

describe('the contract', () => {
  let gateway: GatewayFixture;
  let document: any;

  beforeAll(async () => {
    gateway = await startGateway({ partners: [await makePartner('hospital')] });
    const response = await fetch(`${gateway.url}/openapi.json`);
    expect(response.status).toBe(200);
    document = await response.json();
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const config = await createConfig({ extends: ['minimal'], rules: { 'no-unused-components': 'error' } });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('names every route the gateway serves, and the gateway serves every operation', () => {
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const method of HTTP_METHODS) {
        if (item[method] !== undefined) documented.add(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
      }
    }
    const ownRoutes = gateway.app.routeTable.filter((route) => !/ \/(docs|tmf-api|console)(\/|$)/.test(route));
    expect(ownRoutes.sort()).toEqual([...documented].sort());
  });

  it('gives every operation a unique operationId', () => {
    const ids: string[] = [];
    for (const item of Object.values<any>(document.paths)) {
      for (const method of HTTP_METHODS) if (item[method] !== undefined) ids.push(item[method].operationId);
    }
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives defaults to exactly the query parameters the handler types take as always present', () => {
    const defaulted = new Set<string>();
    for (const item of Object.values<any>(contractDocument.paths)) {
      for (const method of HTTP_METHODS) {
        for (const parameter of [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])]) {
          const resolved = parameter.$ref ? (contractDocument.components.parameters as any)[parameter.$ref.split('/').at(-1)] : parameter;
          if (resolved.in === 'query' && resolved.schema?.default !== undefined) defaulted.add(resolved.name);
        }
      }
    }
    expect([...defaulted].sort()).toEqual([...DEFAULTED_QUERY_PARAMETERS].sort());
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await fetch(`${gateway.url}/docs/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});

