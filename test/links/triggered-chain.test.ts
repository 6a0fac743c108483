import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type GatewayNode as Node,
  incident,
  type GatewayFixture,
  type TestPartner,
} from '../support/gateway-fixture.js';
import { startProviderSupplier, type ProviderSupplier } from '../support/provider-supplier.js';

/**
 * An incident whose recovery needs a change: Recover 5 raises the RFC as a call of its own, the
 * provider hands the RFC to its supplier's gateway (the fork machinery, unchanged), and the incident
 * waits. The supplier resolves, the route resolves the RFC with it, which fulfils it; the incident
 * goes on at Recover 5 and is resolved.
 */
describe('an incident raising an RFC that is forked to a supplier while the incident waits (and one RFC serving two incidents)', () => {
  let ward: TestPartner;
  let provider: Node;
  let supplier: Node;
  let a: GatewayFixture;
  let b: GatewayFixture;

  let link: ProviderSupplier;

  beforeAll(async () => {
    link = await startProviderSupplier({ route: { callTypes: ['rfc'], onSupplierResolved: 'resolve' }, ownAgreement: true });
    ({ ward, provider, supplier, a, b } = link);
  });
  afterAll(async () => link?.close());

  it('holds the incident on its RFC, the RFC on the supplier, and resumes both in turn', async () => {
    const client = a.client(ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'The patient monitors lose their feed' }, 'ward')));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { id, chainId } = (submitted.body as any).call;
    for (let i = 0; i < 4; i++) expect((await a.desk('POST', `/v1/desk/calls/${id}/advance`, {})).status).toBe(200);

    const raised = await a.desk('POST', `/v1/desk/calls/${id}/triggered`, { type: 'rfc', summary: 'Move the monitor feed to the new hosting platform' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const rfc = raised.body;
    for (let i = 0; i < 3; i++) await a.desk('POST', `/v1/desk/calls/${rfc.id}/advance`, {});
    // The incident waits on its RFC, so it is not forked itself; the RFC is.
    const forkWaiting = await a.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: supplier.id, type: 'rfc' });
    expect(forkWaiting.status).toBe(409);
    expect(forkWaiting.body.code).toBe('USM_ERR_FORK_NOT_ALLOWED');
    const forked = await a.desk('POST', `/v1/desk/calls/${rfc.id}/forks`, { supplier: supplier.id });
    expect(forked.status, JSON.stringify(forked.body)).toBe(201);
    expect(forked.body).toMatchObject({ type: 'rfc', at: { process: 'change', step: 4 } });
    expect((await a.desk('GET', `/v1/desk/calls/${rfc.id}`)).body).toMatchObject({ status: 'held', process: 'change', step: 4 });
    expect((await a.desk('GET', `/v1/desk/calls/${id}`)).body).toMatchObject({ status: 'held', process: 'recover', step: 5 });
    // A second incident with the same cause waits on the same RFC while it is at the supplier.
    const second = (await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'The monitors of bed 4 lose their feed' }, 'ward')))).body as any;
    const secondId = second.call.id;
    for (let i = 0; i < 4; i++) expect((await a.desk('POST', `/v1/desk/calls/${secondId}/advance`, {})).status).toBe(200);
    const attached = await a.desk('POST', `/v1/desk/calls/${secondId}/triggered/${rfc.id}`, { comment: 'the same feed' });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body).toMatchObject({ status: 'held', process: 'recover', step: 5 });

    // The supplier works the change and resolves it.
    const remote = await eventually(async () => (await b.desk('GET', '/v1/desk/calls')).body.items[0]);
    expect(remote).toMatchObject({ type: 'rfc', customer: provider.id, chainId: rfc.chainId, summary: 'Move the monitor feed to the new hosting platform' });
    let call = remote;
    for (let guard = 0; !call.allowedActions.some((x: any) => x.kind === 'resolve'); guard++) {
      expect(guard).toBeLessThan(20);
      call = (await b.desk('POST', `/v1/desk/calls/${remote.id}/advance`, {})).body;
    }
    expect((await b.desk('POST', `/v1/desk/calls/${remote.id}/resolve`, { summary: 'Feed moved' })).body.status).toBe('resolved');

    // The RFC is resolved with the supplier's resolution, which fulfils it: it closes, and the incident goes on.
    const resumed = await eventually(async () => {
      const view = (await a.desk('GET', `/v1/desk/calls/${id}`)).body;
      return view.status === 'inProgress' ? view : false;
    });
    expect(resumed).toMatchObject({ process: 'recover', step: 5, workflow: 3, triggered: [expect.objectContaining({ triggeredCallId: rfc.id, status: 'fulfilled' })] });
    // The one RFC served both incidents: the second goes on too, in the same commit.
    expect((await a.desk('GET', `/v1/desk/calls/${secondId}`)).body).toMatchObject({ status: 'inProgress', process: 'recover', step: 5, workflow: 3 });
    const rfcDone = (await a.desk('GET', `/v1/desk/calls/${rfc.id}`)).body;
    expect(rfcDone).toMatchObject({ status: 'closed', resolution: { summary: 'Feed moved' }, triggeredBy: [expect.objectContaining({ waitingCallId: id, status: 'fulfilled' }), expect.objectContaining({ waitingCallId: secondId, status: 'fulfilled' })] });
    // Resolved there, or already closed there by the confirmation that closing the RFC sends.
    expect(rfcDone.links[0].supplier).toBe(supplier.id);
    expect(['resolved', 'closed']).toContain(rfcDone.links[0].status);
    // Closing the RFC confirms the supplier's resolution there.
    await eventually(async () => (await b.desk('GET', `/v1/desk/calls/${remote.id}`)).body.status === 'closed');

    const resolved = await a.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'Monitors are fed from the new platform' });
    expect(resolved.body).toMatchObject({ status: 'resolved', process: 'recover', step: 6 });
    const seen = ((await client.get(`/v1/calls/${id}`)).body as any);
    expect(seen).toMatchObject({ status: 'resolved', chainId });
    expect(((await client.get(`/v1/calls/${id}/history`)).body as any).items.map((h: any) => h.to)).toEqual(['acknowledged', 'inProgress', 'held', 'inProgress', 'resolved']);
    expect((await a.admin('GET', '/v1/admin/dead-letters')).body.items).toEqual([]);
  });
});
