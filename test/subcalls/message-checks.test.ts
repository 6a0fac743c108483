import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerClient } from '../../src/client/partner-client.js';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { freePort, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/**
 * A message about a call must be about that call: a supplier's update names the sub-call's own
 * call id and chain, a customer's follow-up the call's chain, and a customer that runs a gateway
 * names its own reference so that updates can reach it.
 */
describe('messages that name the wrong call or chain', () => {
  let gateway: GatewayFixture;
  let ward: TestPartner;
  let clinic: TestPartner;
  let hosting: TestPartner;
  let supplier: PartnerClient;

  beforeAll(async () => {
    [ward, clinic, hosting] = await Promise.all([makePartner('ward'), makePartner('clinic'), makePartner('hosting')]);
    const nobody = `http://127.0.0.1:${await freePort()}`;
    gateway = await startGateway({
      partners: [],
      config: {
        partners: [
          { id: ward.id, name: 'Ward', roles: ['customer'], jwks: { keys: [publicJwkOf(ward.jwk)] } },
          { id: clinic.id, name: 'Clinic', roles: ['customer'], url: nobody, jwks: { keys: [publicJwkOf(clinic.jwk)] } },
          { id: hosting.id, name: 'Hosting', roles: ['supplier'], url: nobody, jwks: { keys: [publicJwkOf(hosting.jwk)] }, services: [{ id: 'hosting', name: 'Hosting' }] },
        ],
        agreements: [
          { id: 'ward-agreement', customer: ward.id, services: ['workplace'], serviceLevels: SERVICE_LEVELS },
          { id: 'clinic-agreement', customer: clinic.id, services: ['workplace'], serviceLevels: SERVICE_LEVELS },
        ],
        underpinning: [{ id: 'provider-hosting', supplier: hosting.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
        routes: [{ service: 'workplace', supplier: hosting.id, supplierService: 'hosting', agreement: 'provider-hosting', callTypes: ['incident'], mode: 'auto' }],
      },
    });
    supplier = gateway.client(hosting);
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  /** A ward call forked to hosting at once by the automatic route: the call, its chain and its sub-call. */
  async function forkedCall(): Promise<{ id: string; chainId: string; linkId: string }> {
    const client = gateway.client(ward);
    const envelope = client.envelope('call.submit', incident({ agreement: 'ward-agreement' }));
    const answer = await client.send('/v1/calls', envelope);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const id = (answer.body as { call: { id: string } }).call.id;
    const forks = await gateway.desk('GET', `/v1/desk/calls/${id}/forks`);
    expect(forks.body.items).toHaveLength(1);
    return { id, chainId: envelope.chainId, linkId: forks.body.items[0].id };
  }

  function update(linkId: string, chainId: string, fields: { callId: string; seq: number; status?: string }) {
    return supplier.send('/v1/messages', supplier.envelope('call.update', { externalRef: linkId, status: 'inProgress', ...fields }, { chainId }));
  }

  it('refuses a supplier update that names another call id than the sub-call has', async () => {
    const call = await forkedCall();
    const [mine, another] = [randomUUID(), randomUUID()];
    const first = await update(call.linkId, call.chainId, { callId: mine, seq: 1 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((first.body as { applied: boolean }).applied).toBe(true);
    const wrong = await update(call.linkId, call.chainId, { callId: another, seq: 2, status: 'resolved' });
    expect(wrong.status).toBe(422);
    expect((wrong.body as { code: string }).code).toBe('USM_ERR_CALL_ID_MISMATCH');
    const link = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0];
    expect(link).toMatchObject({ remoteCallId: mine, status: 'inProgress' });
  });

  it("refuses a supplier update that carries another call's chain id", async () => {
    const call = await forkedCall();
    const other = await forkedCall();
    const wrong = await update(call.linkId, other.chainId, { callId: randomUUID(), seq: 1 });
    expect(wrong.status).toBe(422);
    expect((wrong.body as { code: string }).code).toBe('USM_ERR_CHAIN_MISMATCH');
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}/forks`)).body.items[0]).toMatchObject({ remoteCallId: null, status: 'requested' });
  });

  it("refuses a customer's follow-up that carries another call's chain id", async () => {
    const call = await forkedCall();
    const other = await forkedCall();
    const client = gateway.client(ward);
    const wrong = await client.send(`/v1/calls/${call.id}/notes`, client.envelope('call.note', { text: 'any news?' }, { chainId: other.chainId }));
    expect(wrong.status).toBe(422);
    expect((wrong.body as { code: string }).code).toBe('USM_ERR_CHAIN_MISMATCH');
    const right = await client.send(`/v1/calls/${call.id}/notes`, client.envelope('call.note', { text: 'any news?' }, { chainId: call.chainId }));
    expect(right.status).toBe(200);
  });

  it('refuses a call from a customer that runs a gateway but names no reference of its own', async () => {
    const client = gateway.client(clinic);
    const without = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'clinic-agreement' })));
    expect(without.status).toBe(422);
    expect((without.body as { code: string }).code).toBe('USM_ERR_EXTERNAL_REF_REQUIRED');
    const withRef = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'clinic-agreement', externalRef: 'clinic-42' })));
    expect(withRef.status).toBe(201);
  });
});
