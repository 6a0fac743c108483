import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** Random bodies and headers into the signed-message intake: never a 5xx, never an unanswered request. */
describe('the message intake under random input', () => {
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

  it('answers random bodies and signatures with 4xx problems', async () => {
    const client = gateway.client(hospital);
    const valid = JSON.stringify(client.envelope('call.submit', incident()));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...JSON.parse(valid), data: v })), fc.nat(valid.length - 1).map((n) => valid.slice(0, n))),
        fc.oneof(fc.constant(undefined), fc.string(), fc.constant('sign')),
        async (body, signature) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (signature === 'sign') headers['usm-signature'] = client.sign(body);
          else if (signature !== undefined && /^[\x21-\x7e]*$/.test(signature)) headers['usm-signature'] = signature;
          const answer = await gateway.app.inject({ method: 'POST', url: '/v1/calls', headers, payload: body });
          expect(answer.statusCode).toBeGreaterThanOrEqual(400);
          expect(answer.statusCode).toBeLessThan(500);
          expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(JSON.parse(answer.body).code).toMatch(/^USM_ERR_/);
        },
      ),
      { numRuns: 300 },
    );
  }, 600_000);
});
