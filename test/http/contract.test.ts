import { createConfig, lintFromString } from '@redocly/openapi-core';
import { request } from 'undici';
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

  it('serves the Swagger UI at /docs (made on its first request), over /openapi.json, with its assets', async () => {
    const response = await fetch(`${gateway.url}/docs/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.text()).toContain('swagger');
    expect((await fetch(`${gateway.url}/docs`)).status).toBe(200);
    const initializer = await fetch(`${gateway.url}/docs/static/swagger-initializer.js`);
    expect(initializer.status).toBe(200);
    expect(await initializer.text()).toContain('/openapi.json');
    const bundle = await fetch(`${gateway.url}/docs/static/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.arrayBuffer()).byteLength).toBe(Number(bundle.headers.get('content-length')));
    const etag = bundle.headers.get('etag');
    expect(etag).toBeTruthy();
    // (fetch would add Cache-Control: no-cache to a conditional request.)
    const again = await request(`${gateway.url}/docs/static/swagger-ui-bundle.js`, { headers: { 'if-none-match': etag! } });
    await again.body.dump();
    expect(again.statusCode).toBe(304);
    // A path under /docs the UI does not have is the gateway's own 404 problem.
    const missing = await fetch(`${gateway.url}/docs/static/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ code: 'USM_ERR_NOT_FOUND' });
    expect(gateway.app.routeTable).toEqual(expect.arrayContaining(['GET /docs', 'GET /docs/*']));
  });
});

