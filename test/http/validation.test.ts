import fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createContractValidation } from '../../src/http/validation.js';
import { contractDocument } from '../../src/http/contract.js';

/** The contract's schemas are compiled on a route's first request; the checks are the same as compiled at start. */
describe('contract validation compiled on first use', () => {
  const app = fastify();
  const validation = createContractValidation(contractDocument);
  app.setValidatorCompiler(validation.compiler);
  app.get('/items', { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, default: 20 } } } } }, async (request) => request.query);
  app.post('/calls', { schema: { body: { $ref: 'usm-link#/components/schemas/CallSubmission' } } }, async () => ({ ok: true }));
  afterAll(() => app.close());

  it('compiles a schema on its first check, not when the route is registered', () => {
    const broken = validation.compiler({ schema: { $ref: 'usm-link#/components/schemas/NoSuchSchema' }, httpPart: 'body', method: 'POST', url: '/x' });
    expect(() => broken({})).toThrow(/NoSuchSchema|resolve/);
  });

  it('coerces query strings and fills defaults, and refuses a bad one with its errors', async () => {
    expect((await app.inject({ url: '/items?limit=5' })).json()).toEqual({ limit: 5 });
    expect((await app.inject({ url: '/items' })).json()).toEqual({ limit: 20 });
    const refused = await app.inject({ url: '/items?limit=0' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('must be >= 1');
  });

  it('checks bodies against the contract, each error kept', async () => {
    const refused = await app.inject({ method: 'POST', url: '/calls', payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain("must have required property");
    const check = validation.bodyValidator({ $ref: 'usm-link#/components/schemas/CallSubmission' });
    expect(check({})?.length).toBeGreaterThan(0);
    expect(check({})?.[0]?.path).toMatch(/^body/);
  });
});
