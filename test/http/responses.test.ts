import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDocument, HTTP_METHODS, operationsOf, type ContractDocument } from '../../src/http/contract.js';
import { createResponseCheck, type Answer } from '../../src/http/validation.js';
import { DESK_TOKEN, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

const operations = operationsOf(contractDocument);
const check = createResponseCheck(contractDocument, operations);
const SOME_ID = '01900000-0000-7000-8000-000000000000';
const json = 'application/json; charset=utf-8';
const problemType = 'application/problem+json; charset=utf-8';
const problem = (status: number, code: string) => JSON.stringify({ type: 'urn:usm-link:problem:x', title: 'x', status, code });
const answer = (fields: Partial<Answer> & Pick<Answer, 'method' | 'route' | 'status'>): Answer => ({ headers: { 'content-type': json }, body: '', ...fields });

describe('the check of answers against the contract', () => {
  it('passes answers that match, including members the contract leaves open', () => {
    expect(check(answer({ method: 'GET', route: '/healthz', status: 200, body: '{"status":"ok","uptime":5}' }))).toEqual([]);
    expect(check(answer({ method: 'DELETE', route: '/v1/desk/webhooks/:webhookId', status: 204, headers: {}, body: '' }))).toEqual([]);
    const limited = { 'content-type': problemType, 'retry-after': '3' };
    expect(check(answer({ method: 'GET', route: '/v1/calls', status: 429, headers: limited, body: problem(429, 'USM_ERR_RATE_LIMITED') }))).toEqual([]);
    const challenged = { 'content-type': problemType, 'www-authenticate': 'Bearer realm="usm-link"' };
    expect(check(answer({ method: 'GET', route: '/v1/desk/calls', status: 401, headers: challenged, body: problem(401, 'USM_ERR_TOKEN_MISSING') }))).toEqual([]);
    expect(check(answer({ method: 'PUT', route: undefined, status: 405, headers: { 'content-type': problemType, allow: 'GET, HEAD' }, body: problem(405, 'USM_ERR_METHOD_NOT_ALLOWED') }))).toEqual([]);
    // The Swagger UI is not part of the contract, and HEAD answers have no body to check.
    expect(check(answer({ method: 'GET', route: '/docs/static/index.html', status: 200, headers: { 'content-type': 'text/html' }, body: '<html>' }))).toEqual([]);
    expect(check(answer({ method: 'HEAD', route: '/healthz', status: 200, body: '' }))).toEqual([]);
  });

  it('names what does not match: status, media type, body, problem status and code, headers', () => {
    expect(check(answer({ method: 'GET', route: '/healthz', status: 200, body: '{"status":"fine"}' }))).toEqual(['getHealth 200 body/status must be equal to one of the allowed values']);
    expect(check(answer({ method: 'GET', route: '/healthz', status: 200, body: '{}' }))).toEqual(["getHealth 200 body must have required property 'status'"]);
    expect(check(answer({ method: 'GET', route: '/healthz', status: 200, body: 'ok' }))).toEqual(['getHealth 200 is not JSON']);
    expect(check(answer({ method: 'GET', route: '/healthz', status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }))).toEqual(['getHealth 200 is text/plain, not application/json']);
    expect(check(answer({ method: 'GET', route: '/v1/desk/calls/:callId', status: 418, headers: { 'content-type': problemType }, body: problem(418, 'USM_ERR_VALIDATION') }))[0]).toMatch(
      /^deskGetCall answered 418, which the contract does not list \(it lists 200, 400, 401, 403, 404, 503\)$/,
    );
    expect(check(answer({ method: 'GET', route: '/v1/desk/calls', status: 401, headers: { 'content-type': problemType }, body: problem(401, 'USM_ERR_TOKEN_MISSING') }))).toEqual([
      'deskListCalls 401 lacks the www-authenticate header',
    ]);
    const wrongScheme = { 'content-type': problemType, 'www-authenticate': 'Bearer realm="usm-link"' };
    expect(check(answer({ method: 'POST', route: '/v1/calls', status: 401, headers: wrongScheme, body: problem(401, 'USM_ERR_SIGNATURE_MISSING') }))[0]).toMatch(/^submitCall 401 header www-authenticate: Bearer realm="usm-link" must match pattern/);
    expect(check(answer({ method: 'GET', route: '/v1/calls', status: 429, headers: { 'content-type': problemType }, body: problem(429, 'USM_ERR_RATE_LIMITED') }))).toEqual(['listCalls 429 lacks the retry-after header']);
    expect(check(answer({ method: 'GET', route: '/v1/desk/calls/:callId', status: 404, headers: { 'content-type': problemType }, body: problem(400, 'USM_ERR_CALL_NOT_FOUND') }))).toEqual([
      'deskGetCall answered 404 with a problem of status 400',
    ]);
    expect(check(answer({ method: 'GET', route: '/v1/desk/calls/:callId', status: 404, headers: { 'content-type': problemType }, body: problem(404, 'USM_ERR_CONFLICT') }))).toEqual([
      'deskGetCall answered 404 with USM_ERR_CONFLICT, whose status is 409',
    ]);
    expect(check(answer({ method: 'GET', route: '/v1/desk/calls/:callId', status: 404, headers: { 'content-type': json }, body: problem(404, 'USM_ERR_CALL_NOT_FOUND') }))).toEqual([
      'deskGetCall 404 is application/json, not application/problem+json',
    ]);
    expect(check(answer({ method: 'DELETE', route: '/v1/desk/webhooks/:webhookId', status: 204, body: '{}' }))).toEqual(['deskDeleteWebhook 204 has a body, but the contract gives it none']);
    expect(check(answer({ method: 'GET', route: undefined, status: 405, headers: { 'content-type': problemType }, body: problem(405, 'USM_ERR_METHOD_NOT_ALLOWED') }))).toEqual([
      'a request for no route 405 lacks the allow header',
    ]);
    expect(check(answer({ method: 'GET', route: '/v1/private', status: 200, body: '{}' }))).toEqual(['GET /v1/private is not an operation of the contract']);
  });

  it('finds a real answer out of line with a contract that says otherwise', async () => {
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital] });
    try {
      const altered = structuredClone(contractDocument) as ContractDocument & { components: { schemas: Record<string, any> } };
      altered.components.schemas.Call!.required.push('closedBy');
      const strict = createResponseCheck(altered, operationsOf(altered));
      const client = gateway.client(hospital);
      const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident()));
      const response = await fetch(`${gateway.url}/v1/calls/${(submitted.body as any).call.id}`, { headers: { authorization: `Bearer ${await client.readToken()}` } });
      const real: Answer = { method: 'GET', route: '/v1/calls/:callId', status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
      expect(check(real)).toEqual([]);
      expect(strict(real)).toEqual(["getCall 200 body must have required property 'closedBy'"]);
    } finally {
      await gateway.close();
      await removeDir(gateway.dir);
    }
  });
});

describe('the contract lists every answer', () => {
  const each = (visit: (op: any, id: string, method: string, path: string) => void) => {
    for (const [path, item] of Object.entries<any>(contractDocument.paths)) {
      for (const method of HTTP_METHODS) if (item[method] !== undefined) visit(item[method], item[method].operationId, method, path);
    }
  };
  const paramsOf = (path: string, op: any): any[] =>
    [...((contractDocument.paths[path] as any).parameters ?? []), ...(op.parameters ?? [])].map((p: any) => (p.$ref ? (contractDocument.components.parameters as any)[p.$ref.split('/').at(-1)] : p));
  const refOf = (op: any, status: string): string | undefined => op.responses[status]?.$ref;

  it('400 for every operation with path or query parameters or a body; 413 and 415 for every one with a JSON body', () => {
    const missing: string[] = [];
    each((op, id, method, path) => {
      const params = paramsOf(path, op).filter((p) => p.in === 'path' || p.in === 'query');
      const body = op.requestBody?.content?.['application/json'] !== undefined;
      if ((params.length > 0 || body) && refOf(op, '400') !== '#/components/responses/BadRequest') missing.push(`${id} 400`);
      if (body || method === 'post' || method === 'delete') {
        if (refOf(op, '413') !== '#/components/responses/BodyTooLarge') missing.push(`${id} 413`);
        if (refOf(op, '415') !== '#/components/responses/UnsupportedMediaType') missing.push(`${id} 415`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('401 with its WWW-Authenticate challenge for every authenticated operation, 429 for every partner-facing one', () => {
    const responses = contractDocument.components.responses as any;
    expect(responses.TokenRequired.headers['WWW-Authenticate'].$ref).toBe('#/components/headers/BearerChallenge');
    expect(responses.SignatureRequired.headers['WWW-Authenticate'].$ref).toBe('#/components/headers/SignatureChallenge');
    expect(responses.RateLimited.headers['Retry-After'].$ref).toBe('#/components/headers/RetryAfter');
    const missing: string[] = [];
    let authenticated = 0;
    each((op, id) => {
      const schemes: string[] = (op.security ?? []).flatMap((s: object) => Object.keys(s));
      if (schemes.length === 0) return;
      authenticated++;
      const expected = schemes.includes('messageSignature') ? 'SignatureRequired' : 'TokenRequired';
      if (refOf(op, '401') !== `#/components/responses/${expected}`) missing.push(`${id} 401 ${expected}`);
      if ((schemes.includes('messageSignature') || schemes.includes('partnerToken')) && refOf(op, '429') !== '#/components/responses/RateLimited') missing.push(`${id} 429`);
      if (refOf(op, '503') !== '#/components/responses/StoreUnavailable') missing.push(`${id} 503`);
    });
    expect(missing).toEqual([]);
    expect(authenticated).toBeGreaterThan(40);
  });

  it('a schema for every answer with a body, and problem documents for every error', () => {
    const wrong: string[] = [];
    each((op, id) => {
      for (const [status, value] of Object.entries<any>(op.responses)) {
        const response = value.$ref ? (contractDocument.components.responses as any)[value.$ref.split('/').at(-1)] : value;
        const media = Object.keys(response.content ?? {});
        if (status === '204') {
          if (media.length > 0) wrong.push(`${id} ${status} has a body`);
          continue;
        }
        if (media.length === 0 || media.some((m) => response.content[m].schema === undefined)) wrong.push(`${id} ${status} has no schema`);
        if (Number(status) >= 400 && !(id === 'getReadiness' && status === '503') && media.join() !== 'application/problem+json') wrong.push(`${id} ${status} is not a problem`);
      }
    });
    expect(wrong).toEqual([]);
  });
});

describe('the answers a gateway gives, as the contract lists them', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let stranger: TestPartner;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    stranger = await makePartner('stranger');
    gateway = await startGateway({ partners: [hospital], config: { limits: { partnerRequestsPerSecond: 0.1, partnerBurst: 4 } } });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  // Every answer below also passes the fixture's check against the contract, which fails the test otherwise.
  it('gives the listed errors, each with its code and headers', async () => {
    const client = gateway.client(hospital);
    const call = ((await client.send('/v1/calls', client.envelope('call.submit', incident()))).body as any).call;
    const desk = (method: string, path: string, init: RequestInit = {}) =>
      fetch(`${gateway.url}${path}`, { method, ...init, headers: { authorization: `Bearer ${DESK_TOKEN}`, ...(init.headers as Record<string, string>) } });
    const cases: [Promise<Response>, number, string][] = [
      [desk('GET', `/v1/desk/calls/${SOME_ID}`), 404, 'USM_ERR_CALL_NOT_FOUND'],
      [desk('GET', '/v1/desk/calls?priority=9'), 400, 'USM_ERR_VALIDATION'],
      [desk('POST', `/v1/desk/calls/${call.id}/resolve`, { headers: { 'content-type': 'application/json' }, body: '{"summary":"done"}' }), 409, 'USM_ERR_ILLEGAL_TRANSITION'],
      [desk('POST', `/v1/desk/calls/${call.id}/advance`, { headers: { 'content-type': 'text/plain' }, body: 'go' }), 415, 'USM_ERR_UNSUPPORTED_MEDIA_TYPE'],
      [desk('POST', `/v1/desk/calls/${call.id}/advance`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ comment: 'x'.repeat(300_000) }) }), 413, 'USM_ERR_BODY_TOO_LARGE'],
      [desk('DELETE', `/v1/desk/webhooks/${SOME_ID}`), 404, 'USM_ERR_WEBHOOK_NOT_FOUND'],
      [desk('POST', `/v1/admin/dead-letters/${SOME_ID}/replay`), 401, 'USM_ERR_TOKEN_INVALID'],
      [desk('PATCH', `/v1/desk/calls/${call.id}`), 405, 'USM_ERR_METHOD_NOT_ALLOWED'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect({ status: response.status, code: ((await response.json()) as any).code }).toEqual({ status, code });
    }
    const unknown = await gateway.client(stranger).send('/v1/calls', gateway.client(stranger).envelope('call.submit', incident()));
    expect(unknown).toMatchObject({ status: 401, body: { code: 'USM_ERR_UNKNOWN_KEY' } });
  });

  it('answers 429 with Retry-After when a partner reads faster than its rate', async () => {
    const client = gateway.client(hospital);
    let limited: { status: number; body: unknown } | undefined;
    for (let i = 0; i < 10 && limited === undefined; i++) {
      const answer = await client.get('/v1/services');
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(200);
    }
    expect(limited).toMatchObject({ status: 429, body: { code: 'USM_ERR_RATE_LIMITED' } });
  });
});
