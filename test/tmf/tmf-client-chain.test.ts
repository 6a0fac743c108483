import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayFixture } from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';
import { startTmfListener, type TmfListener } from './tmf-listener.js';

/**
 * The "done when": a TMF621 client that knows nothing of usm-link, only plain HTTP and JSON
 * as in the TMF621 user guide and the authentication docs/tmf621.md documents (a JWT signed with its
 * own key by any JOSE library), creates, updates, follows via /hub and closes a ticket that the
 * hospital's desk works through workflow 4, with a fork to the exchange's gateway on the way.
 */
describe('a plain TMF621 client, end to end across two gateways', () => {
  let chain: HealthChain;
  let hospital: GatewayFixture;
  let exchange: GatewayFixture;
  let listener: TmfListener;
  let base: string;

  /** What a TMF621 client does: fetch, JSON, `Authorization: Bearer <JWT>` with iss, aud, iat, exp and a fresh jti. */
  async function tmf(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }> {
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: chain.ward.jwk.kid!, typ: 'JWT' })
      .setIssuer('ward')
      .setAudience(chain.hospital.id)
      .setIssuedAt()
      .setExpirationTime('2m')
      .setJti(randomUUID())
      .sign(await importJWK(chain.ward.jwk, 'EdDSA'));
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${jwt}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  /** A desk works a call on: advance (branch operate at the fork: workflow 4) until it may resolve, then resolve. */
  async function resolveAtDesk(gateway: GatewayFixture, id: string, summary: string): Promise<any> {
    let desk = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
    for (let i = 0; i < 30 && !desk.allowedActions.some((a: any) => a.kind === 'resolve'); i++) {
      const advance = desk.allowedActions.find((a: any) => a.kind === 'advance');
      const answer = await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, advance.branches !== undefined ? { branch: 'operate' } : {});
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      desk = answer.body;
    }
    const resolved = await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    return resolved.body;
  }

  beforeAll(async () => {
    listener = await startTmfListener();
    chain = await startHealthChain({
      hospitalRoute: { callTypes: ['incident'] },
      // The exchange works incidents itself (only service requests go on to hosting).
      exchangeRoute: { callTypes: ['service_request'] },
      ward: { tmf: { callbackHosts: ['127.0.0.1'], allowPrivateAddresses: true } },
    });
    ({ a: hospital, b: exchange } = chain);
    base = `${hospital.url}/tmf-api/troubleTicket/v5`;
  });
  afterAll(async () => {
    await chain?.close();
    await listener?.close();
  });

  it('creates, updates, follows via /hub and closes a ticket worked through workflow 4 with a supplier fork', async () => {
    // Follow: a listener for the ward's tickets.
    const hub = await tmf('POST', '/hub', { callback: listener.url });
    expect(hub.status).toBe(201);
    expect(hub.body).toMatchObject({ id: expect.any(String), callback: listener.url, query: null });

    // Create.
    const created = await tmf('POST', '/troubleTicket', {
      '@type': 'TroubleTicket',
      name: 'Patient records do not load',
      description: 'Since 08:10 the record viewer times out on every ward PC.',
      ticketType: 'incident',
      severity: 'major',
      priority: 'high',
      externalIdentifier: [{ id: 'WARD-77', owner: 'ward' }],
      relatedParty: [{ role: 'requester', partyOrPartyRole: { name: 'Nurse B. Okafor' } }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.headers.get('location')).toBe(created.body.href);
    expect(created.body).toMatchObject({ status: 'acknowledged', ticketType: 'incident', severity: 'major', priority: 'high' });

    // Update: a note.
    const updated = await tmf('PATCH', `/troubleTicket/${id}`, { note: [{ text: 'The lab PCs too.' }] });
    expect(updated.status).toBe(200);
    expect(updated.body.note.map((n: any) => n.text)).toEqual(['The lab PCs too.']);

    // The hospital's desk analyses it and forks it to the exchange, whose gateway works its part through workflow 4.
    await hospital.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    await hospital.desk('POST', `/v1/desk/calls/${id}/advance`, {});
    const fork = await hospital.desk('POST', `/v1/desk/calls/${id}/forks`, { supplier: chain.exchange.id });
    expect(fork.status, JSON.stringify(fork.body)).toBe(201);
    const atExchange = await eventually(async () => (await exchange.desk('GET', '/v1/desk/calls')).body.items.find((c: any) => c.externalRef === fork.body.id));
    expect(atExchange).toMatchObject({ customer: chain.hospital.id, type: 'incident' });
    const exchangeResolved = await resolveAtDesk(exchange, atExchange.id, 'Record index rebuilt');
    expect(exchangeResolved).toMatchObject({ status: 'resolved', workflow: 4 });

    // Back at the hospital the call resumes; its desk finishes workflow 4 and resolves.
    await eventually(async () => {
      const call = (await hospital.desk('GET', `/v1/desk/calls/${id}`)).body;
      return call.status === 'inProgress' && call.links[0].status === 'resolved';
    });
    expect(await resolveAtDesk(hospital, id, 'Records load again')).toMatchObject({ status: 'resolved', workflow: 4 });

    // The client reads the resolved ticket and closes it (MEF 124's resolution confirmation).
    const resolved = await tmf('GET', `/troubleTicket/${id}`);
    expect(resolved.body.status).toBe('resolved');
    const closed = await tmf('PATCH', `/troubleTicket/${id}`, { status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.statusChangeHistory.map((s: any) => s.status)).toEqual(['acknowledged', 'inProgress', 'held', 'inProgress', 'resolved', 'closed']);
    // Closing confirms the exchange's part down the chain.
    await eventually(async () => (await exchange.desk('GET', `/v1/desk/calls/${atExchange.id}`)).body.status === 'closed');

    // It followed all of it on its listener: in order, the ticket's own events only, each signed by the hospital's gateway.
    // Each event carries the ticket as it was then: the status it changed to, the notes up to then.
    const events = await eventually(async () => (listener.received.some((e) => e.body.eventType === 'TroubleTicketStatusChangeEvent' && e.body.event.troubleTicket.status === 'closed') ? listener.received : false));
    expect(events.map((e) => [e.body.eventType, e.body.event.troubleTicket.status])).toEqual([
      ['TroubleTicketCreateEvent', 'acknowledged'],
      ['TroubleTicketAttributeValueChangeEvent', 'acknowledged'], // the client's note
      ['TroubleTicketStatusChangeEvent', 'inProgress'],
      ['TroubleTicketStatusChangeEvent', 'held'], // waiting on the exchange
      ...events.slice(4, -4).map((e) => [e.body.eventType, e.body.event.troubleTicket.status]),
      ['TroubleTicketStatusChangeEvent', 'resolved'],
      ['TroubleTicketResolvedEvent', 'resolved'],
      ['TroubleTicketAttributeValueChangeEvent', 'resolved'], // the resolution's summary
      ['TroubleTicketStatusChangeEvent', 'closed'],
    ]);
    expect(events.some((e) => e.body.eventType === 'TroubleTicketStatusChangeEvent' && e.body.event.troubleTicket.status === 'inProgress' && e.body.event.troubleTicket.statusChangeHistory.length === 4)).toBe(true);
    expect(events[1]!.body.event.troubleTicket.note.map((n: any) => n.text)).toEqual(['The lab PCs too.']);
    expect(events.every((e) => e.body.event.troubleTicket.id === id)).toBe(true);
    await listener.verifyAll(`${hospital.url}/.well-known/jwks.json`);

    // The subscription ends with DELETE.
    expect((await tmf('DELETE', `/hub/${hub.body.id}`)).status).toBe(204);
  });
});
