import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerClient } from '../../src/client/partner-client.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** docs/protocol.md: an identical resend of an accepted message gets the first answer again, status and body. */
describe('an identical resend of a call message gets the first answer again', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let client: PartnerClient;
  let clock = Date.parse('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({ partners: [hospital], now: () => clock });
    client = gateway.client(hospital);
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function submitted(): Promise<{ id: string; chainId: string }> {
    const answer = await client.send('/v1/calls', client.envelope('call.submit', incident()));
    expect(answer.status).toBe(201);
    return (answer.body as { call: { id: string; chainId: string } }).call;
  }

  /** Sends the exact same bytes twice, a minute apart; both answers must be the same. */
  async function sendTwice(path: string, body: string): Promise<void> {
    const signature = client.sign(body);
    const headers = { 'content-type': 'application/json', 'usm-signature': signature };
    clock += 60_000;
    const first = await client.sendRaw(path, body, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    clock += 60_000;
    const second = await client.sendRaw(path, body, headers);
    expect(second.headers['usm-replay']).toBe('true');
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
  }

  it('for call.cancel (the answer carries the stopped clock and the new updatedAt)', async () => {
    const { id, chainId } = await submitted();
    await sendTwice(`/v1/calls/${id}/cancel`, JSON.stringify(client.envelope('call.cancel', { reason: 'sent by mistake' }, { chainId })));
  });

  it('for call.note with information (the call leaves pending)', async () => {
    const { id, chainId } = await submitted();
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);
    expect((await gateway.desk('POST', `/v1/desk/calls/${id}/status`, { status: 'pending', reason: 'which ward?' })).status).toBe(200);
    await sendTwice(`/v1/calls/${id}/notes`, JSON.stringify(client.envelope('call.note', { text: 'ward 4', kind: 'information' }, { chainId })));
  });

  it('for call.confirm (the call closes)', async () => {
    const { id, chainId } = await submitted();
    let call = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
    for (let guard = 0; call.status !== 'resolved' && guard < 30; guard++) {
      const kinds: string[] = call.allowedActions.map((a: { kind: string }) => a.kind);
      const answer = kinds.includes('resolve')
        ? await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'restarted the proxy' })
        : await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, call.allowedActions.find((a: { kind: string }) => a.kind === 'advance')?.branches ? { branch: 'operate' } : {});
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      call = answer.body;
    }
    expect(call.status).toBe('resolved');
    await sendTwice(`/v1/calls/${id}/confirm`, JSON.stringify(client.envelope('call.confirm', { feedback: 'thanks' }, { chainId })));
  });
});
