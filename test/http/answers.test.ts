import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDocument, HTTP_METHODS } from '../../src/http/contract.js';
import { ADMIN_TOKEN, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

describe('answers the contract documents for every operation', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital] });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  const request = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
    const response = await fetch(`${gateway.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as any) };
  };

  describe('401 carries a WWW-Authenticate challenge', () => {
    it('Bearer for reads, the desk and the admin API, with error="invalid_token" for a token that does not do', async () => {
      for (const path of ['/v1/calls', '/v1/services', '/v1/desk/calls', '/v1/admin/outbox']) {
        const missing = await request('GET', path);
        expect(missing.status).toBe(401);
        expect(missing.body.code).toBe('USM_ERR_TOKEN_MISSING');
        expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="usm-link"');
        const wrong = await request('GET', path, { authorization: 'Bearer not-a-token-of-this-gateway' });
        expect(wrong.status).toBe(401);
        expect(wrong.body.code).toBe('USM_ERR_TOKEN_INVALID');
        expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="usm-link", error="invalid_token"');
      }
      // The desk token is not an admin token.
      expect((await request('GET', '/v1/admin/outbox', { authorization: `Bearer ${ADMIN_TOKEN}x` })).headers.get('www-authenticate')).toMatch(/^Bearer /);
    });

    it('Usm-Signature for signed messages, with error="invalid_signature" for a signature that does not verify', async () => {
      const client = gateway.client(hospital);
      const body = JSON.stringify(client.envelope('call.submit', incident()));
      for (const path of ['/v1/calls', '/v1/messages', '/v1/messages/batch', `/v1/calls/${SOME_ID}/cancel`]) {
        const missing = await request('POST', path, { 'content-type': 'application/json' }, path.endsWith('/batch') ? JSON.stringify({ messages: [{ message: body }] }) : body);
        expect(missing.status).toBe(401);
        expect(missing.body.code).toBe('USM_ERR_SIGNATURE_MISSING');
        expect(missing.headers.get('www-authenticate')).toBe('Usm-Signature realm="usm-link"');
      }
      const forged = await request('POST', '/v1/calls', { 'content-type': 'application/json', 'usm-signature': client.sign(`${body} `) }, body);
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('USM_ERR_SIGNATURE_INVALID');
      expect(forged.headers.get('www-authenticate')).toBe('Usm-Signature realm="usm-link", error="invalid_signature"');
      // An answer that is not 401 carries no challenge.
      const accepted = await client.send('/v1/calls', client.envelope('call.submit', incident()));
      expect(accepted.status).toBe(201);
      const response = await fetch(`${gateway.url}/v1/calls`, { method: 'POST', headers: { 'content-type': 'text/plain', 'usm-signature': 'x..y' }, body: 'x' });
      expect(response.status).toBe(415);
      expect(response.headers.get('www-authenticate')).toBeNull();
    });
  });

  describe('405 with Allow for a method the contract does not have on a path it has', () => {
    it('names the methods of the path', async () => {
      const refused = await request('DELETE', '/v1/calls', { authorization: 'Bearer x' });
      expect(refused.status).toBe(405);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(refused.body).toMatchObject({ status: 405, code: 'USM_ERR_METHOD_NOT_ALLOWED', instance: '/v1/calls' });
      expect((await request('PUT', `/v1/desk/webhooks/${SOME_ID}`)).headers.get('allow')).toBe('GET, HEAD, DELETE');
      expect((await request('POST', '/healthz?x=1')).headers.get('allow')).toBe('GET, HEAD');
      const head = await request('HEAD', `/v1/calls/${SOME_ID}/cancel`);
      expect(head.status).toBe(405);
      expect(head.headers.get('allow')).toBe('POST');
      // A path the contract does not have is still not found.
      const unknown = await request('DELETE', '/v1/nothing');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('USM_ERR_NOT_FOUND');
      expect(unknown.headers.get('allow')).toBeNull();
    });

    it('for every path of the contract and every method it does not list', async () => {
      let checked = 0;
      for (const [template, item] of Object.entries(contractDocument.paths)) {
        const path = template.replace(/\{[^}]+\}/g, SOME_ID);
        const listed = HTTP_METHODS.filter((m) => item[m] !== undefined).map((m) => m.toUpperCase());
        const expected = listed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !listed.includes(m))) {
          const answer = await request(method, path);
          expect({ path, method, status: answer.status, code: answer.body?.code, allow: answer.headers.get('allow') }).toEqual({
            path,
            method,
            status: 405,
            code: 'USM_ERR_METHOD_NOT_ALLOWED',
            allow: expected.join(', '),
          });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(80);
    });
  });
});
