import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk } from '../../src/keys/jwk.js';
import { eventually, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { partnerJwt, startTmfGateway, type TmfGateway, type TmfPartner } from './tmf-gateway.js';

/** The tool's desk works a call: advance (branch operate at a fork) until it may resolve, then resolve. */
async function resolveAt(tool: TmfGateway, id: string, summary: string): Promise<void> {
  let desk = (await tool.desk('GET', `/v1/desk/calls/${id}`)).body;
  for (let i = 0; i < 20 && !desk.allowedActions.some((a: any) => a.kind === 'resolve'); i++) {
    const advance = desk.allowedActions.find((a: any) => a.kind === 'advance');
    desk = (await tool.desk('POST', `/v1/desk/calls/${id}/advance`, advance.branches !== undefined ? { branch: 'operate' } : {})).body;
  }
  expect((await tool.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary })).body.status).toBe('resolved');
}

/**
 * Our gateway (a helpdesk) links its desk tool by config alone: the tool speaks TMF621, here a second
 * gateway's facade, where the helpdesk is a customer with its own key.
 */
describe('the TMF621 desk connector, against a second gateway\'s facade as the desk tool', () => {
  let tool: TmfGateway;
  let gateway: GatewayFixture;
  let ward: TestPartner;
  let helpdesk: TmfPartner;

  beforeAll(async () => {
    const connectorKey = await generatePrivateJwk();
    helpdesk = { id: 'helpdesk', jwk: connectorKey };
    tool = await startTmfGateway([helpdesk]);
    ward = await makePartner('ward');
    const dir = await mkdtemp(join(tmpdir(), 'usm-link-connector-'));
    await writeFile(join(dir, 'desk-tool.private.jwk'), JSON.stringify(connectorKey), { mode: 0o600 });
    gateway = await startGateway({
      partyId: 'helpdesk',
      dir,
      partners: [ward],
      config: { deskConnector: { baseUrl: tool.base, issuer: 'helpdesk', audience: 'provider', keyFile: './desk-tool.private.jwk', service: 'workplace', pollMs: 100 } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await removeDir(gateway.dir);
    await tool?.close();
  });

  it('opens each new call at the tool, takes its work back into the call, and tells it the customer\'s confirmation', async () => {
    const client = gateway.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'Badge readers offline', description: 'All readers in building B.' })));
    expect(submitted.status).toBe(201);
    const call = (submitted.body as any).call;

    // At the tool: a ticket of the helpdesk, mapped back to the same call type, impact, urgency and texts.
    const remote = await eventually(async () => (await tool.desk('GET', '/v1/desk/calls')).body.items.find((c: any) => c.externalRef === call.id));
    expect(remote).toMatchObject({ customer: 'helpdesk', type: 'incident', impact: 'high', urgency: 'medium', summary: 'Badge readers offline', description: 'All readers in building B.', requester: { name: 'Dr. A. Jansen' } });

    // The tool's desk takes it up and writes a public note: both come back into our call.
    expect((await tool.desk('POST', `/v1/desk/calls/${remote.id}/advance`, {})).status).toBe(200);
    expect((await tool.desk('POST', `/v1/desk/calls/${remote.id}/notes`, { text: 'Controller B rebooting.', visibility: 'public' })).status).toBe(201);
    await tool.desk('POST', `/v1/desk/calls/${remote.id}/notes`, { text: 'tool-internal remark', visibility: 'internal' });
    await eventually(async () => {
      const [ours, notes] = await Promise.all([gateway.desk('GET', `/v1/desk/calls/${call.id}`), gateway.desk('GET', `/v1/desk/calls/${call.id}/notes`)]);
      return ours.body.status === 'inProgress' && notes.body.items.some((n: any) => n.text === 'Controller B rebooting.');
    });

    // The tool asks for information: our call waits on the customer; the customer's answer goes to the tool and resumes both.
    expect((await tool.desk('POST', `/v1/desk/calls/${remote.id}/status`, { status: 'pending', reason: 'Which doors exactly?' })).status).toBe(200);
    await eventually(async () => (await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body.status === 'pending');
    const answered = await client.send(`/v1/calls/${call.id}/notes`, client.envelope('call.note', { text: 'The east doors.', kind: 'information' }, { chainId: call.chainId }));
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    await eventually(async () => {
      const [atTool, notes] = await Promise.all([tool.desk('GET', `/v1/desk/calls/${remote.id}`), tool.desk('GET', `/v1/desk/calls/${remote.id}/notes`)]);
      return atTool.body.status === 'inProgress' && notes.body.items.some((n: any) => n.text === 'The east doors.');
    });
    expect((await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body.status).toBe('inProgress');

    // The tool resolves it: our call is resolved with the tool's summary, and the customer sees it.
    await resolveAt(tool, remote.id, 'Controller B replaced');
    const resolved = await eventually(async () => {
      const ours = (await gateway.desk('GET', `/v1/desk/calls/${call.id}`)).body;
      return ours.status === 'resolved' ? ours : false;
    });
    expect(resolved.resolution.summary).toBe('Controller B replaced');
    const ourNotes = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items.map((n: any) => n.text);
    expect(ourNotes).not.toContain('tool-internal remark');
    expect(ourNotes.filter((t: string) => t === 'Controller B replaced')).toHaveLength(1);
    expect((await client.get(`/v1/calls/${call.id}`)).body).toMatchObject({ status: 'resolved' });

    // The customer confirms at our gateway: the tool's ticket is confirmed closed too, and no longer followed.
    const confirmed = await client.send(`/v1/calls/${call.id}/confirm`, client.envelope('call.confirm', {}, { chainId: call.chainId }));
    expect((confirmed.body as any).call.status).toBe('closed');
    await eventually(async () => (await tool.desk('GET', `/v1/desk/calls/${remote.id}`)).body.status === 'closed');
    await eventually(async () => (await gateway.app.gateway.store.getDeskTicket(call.id))?.open === false);

    // Every write at the tool went through its facade as the helpdesk, in its message log.
    const inbound = await tool.app.gateway.store.inboundForCall(remote.id);
    expect(inbound.map((m) => m.type)).toEqual(['tmf621.troubleTicket.create', 'tmf621.troubleTicket.patch', 'tmf621.troubleTicket.patch']);
    // The customer's note crossed once, not back again.
    const notesHere = (await gateway.desk('GET', `/v1/desk/calls/${call.id}/notes`)).body.items.map((n: any) => n.text);
    expect(notesHere.filter((t: string) => t === 'The east doors.')).toHaveLength(1);
    expect(inbound.every((m) => m.from === 'helpdesk')).toBe(true);
  });

  it('opens a ticket once when the answer to the create is lost: the reused token finds it by the call\'s id', async () => {
    const client = gateway.client(ward);
    await gateway.app.gateway.deskConnector!.close();
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'Printer queue stuck' })));
    const call = (submitted.body as any).call;
    // The connector's create reached the tool, but its answer was lost: our gateway has no ticket for the call.
    const lost = await fetch(`${tool.base}/troubleTicket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await partnerJwt(helpdesk, { jti: `usm-call-${call.id}` })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ticketType: 'incident', severity: 'critical', description: 'Printer queue stuck', externalIdentifier: [{ id: call.id }] }),
    });
    expect(lost.status).toBe(201);
    expect(await gateway.app.gateway.store.getDeskTicket(call.id)).toBeUndefined();
    const restarted = await gateway.restart();
    gateway = restarted;
    const remote = await eventually(async () => (await tool.desk('GET', '/v1/desk/calls')).body.items.find((c: any) => c.externalRef === call.id));
    expect(remote).toBeDefined();
    const ticket = await eventually(async () => gateway.app.gateway.store.getDeskTicket(call.id));
    expect(ticket.remoteId).toBe(remote.id);
    expect((await tool.desk('GET', '/v1/desk/calls')).body.items.filter((c: any) => c.externalRef === call.id)).toHaveLength(1);
  });
});
