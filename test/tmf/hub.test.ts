import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk } from '../../src/keys/jwk.js';
import { eventually } from '../support/gateway-fixture.js';
import { partnerJwt, startTmfGateway, type TmfGateway, type TmfPartner } from './tmf-gateway.js';
import { startTmfListener, type TmfListener } from './tmf-listener.js';

async function tmf(gateway: TmfGateway, partner: TmfPartner, method: string, path: string, body?: unknown) {
  const response = await fetch(`${gateway.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await partnerJwt(partner)}`,
      ...(body !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as any) };
}

const TICKET = { ticketType: 'incident', severity: 'major', description: 'The printer on floor 2 jams.' };

describe('TMF621 /hub: listener callbacks for the events of a partner\'s tickets', () => {
  let gateway: TmfGateway;
  let hospital: TmfPartner;
  let school: TmfPartner;
  let strict: TmfPartner;
  let listener: TmfListener;

  beforeAll(async () => {
    [hospital, school, strict] = await Promise.all(['hospital', 'school', 'strict'].map(async (id) => ({ id, jwk: await generatePrivateJwk() })));
    gateway = await startTmfGateway([hospital, school, strict], {}, {
      hospital: { tmf: { callbackHosts: ['127.0.0.1'], allowPrivateAddresses: true } },
      school: { tmf: { callbackHosts: ['127.0.0.1'], allowPrivateAddresses: true } },
      // Its own test host names, but no leave to reach non-public addresses.
      strict: { tmf: { callbackHosts: ['127.0.0.1', 'localhost', '*.example.com', 'listener.example.org'] } },
    });
    listener = await startTmfListener();
  });
  afterAll(async () => {
    await gateway.close();
    await listener.close();
  });

  it('subscribes, tells the ticket\'s events in order, signed, and is the partner\'s own', async () => {
    // TMF630 clients may send `query: null` for no filter.
    const subscribed = await tmf(gateway, hospital, 'POST', '/hub', { callback: listener.url, query: null });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body).toMatchObject({ id: expect.any(String), callback: listener.url, query: null, '@type': 'Hub' });
    expect(subscribed.headers.get('location')).toBe(subscribed.body.href);
    const hubId = subscribed.body.id;
    expect((await tmf(gateway, hospital, 'GET', `/hub/${hubId}`)).body).toEqual(subscribed.body);
    // Another partner neither sees nor ends it.
    expect((await tmf(gateway, school, 'GET', `/hub/${hubId}`)).status).toBe(404);
    expect((await tmf(gateway, school, 'DELETE', `/hub/${hubId}`)).status).toBe(404);
    // Nor does the desk: a partner's subscription is not one of the desk's webhooks.
    expect((await gateway.desk('GET', '/v1/desk/webhooks')).body.items).toEqual([]);
    expect((await gateway.desk('GET', `/v1/desk/webhooks/${hubId}`)).status).toBe(404);

    // The school's ticket is not told to the hospital's listener.
    expect((await tmf(gateway, school, 'POST', '/troubleTicket', TICKET)).status).toBe(201);
    const ticket = (await tmf(gateway, hospital, 'POST', '/troubleTicket', TICKET)).body;
    // The desk takes it up, asks for information, gets it, resolves it.
    expect((await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/advance`, {})).status).toBe(200);
    expect((await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/status`, { status: 'pending', reason: 'Which printer model?' })).status).toBe(200);
    expect((await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/notes`, { text: 'internal: probably the fuser', visibility: 'internal' })).status).toBe(201);
    const current = (await tmf(gateway, hospital, 'GET', `/troubleTicket/${ticket.id}`)).body;
    expect((await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { note: [...current.note, { text: 'An HP M404.' }] })).body.status).toBe('inProgress');
    let desk = (await gateway.desk('GET', `/v1/desk/calls/${ticket.id}`)).body;
    for (let i = 0; i < 20 && !desk.allowedActions.some((a: any) => a.kind === 'resolve'); i++) {
      const advance = desk.allowedActions.find((a: any) => a.kind === 'advance');
      desk = (await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/advance`, advance.branches !== undefined ? { branch: 'operate' } : {})).body;
    }
    expect((await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/resolve`, { summary: 'Fuser replaced' })).body.status).toBe('resolved');

    // Eight events in all (the last one, the resolution's note, follows the resolved event).
    const events = await eventually(async () => (listener.received.length >= 8 ? listener.received : false));
    expect(events.every((e) => e.body.event.troubleTicket.id === ticket.id)).toBe(true);
    expect(events.map((e) => e.body.eventType)).toEqual([
      'TroubleTicketCreateEvent',
      'TroubleTicketStatusChangeEvent', // inProgress
      'TroubleTicketInformationRequiredEvent', // pending
      'TroubleTicketStatusChangeEvent', // inProgress again: the answer resumes it
      'TroubleTicketAttributeValueChangeEvent', // the customer's note
      'TroubleTicketStatusChangeEvent', // resolved
      'TroubleTicketResolvedEvent',
      'TroubleTicketAttributeValueChangeEvent', // the resolution's summary, a note of the provider
    ]);
    // The internal note is never told.
    expect(events.map((e) => e.raw).join('\n')).not.toContain('probably the fuser');
    expect(events.at(-1)!.body.event.troubleTicket.status).toBe('resolved');
    expect(new Set(events.map((e) => e.body.eventId)).size).toBe(events.length);
    await listener.verifyAll(`${gateway.url}/.well-known/jwks.json`);

    // Ended: nothing more is delivered.
    expect((await tmf(gateway, hospital, 'DELETE', `/hub/${hubId}`)).status).toBe(204);
    expect((await tmf(gateway, hospital, 'GET', `/hub/${hubId}`)).status).toBe(404);
    const before = listener.received.length;
    await tmf(gateway, hospital, 'POST', '/troubleTicket', TICKET);
    await gateway.app.gateway.webhookDispatcher.idle();
    expect(listener.received.length).toBe(before);
  });

  it('retries a refused delivery with the same eventId and keeps the order; a query narrows the events', async () => {
    listener.received.length = 0;
    const hub = (await tmf(gateway, school, 'POST', '/hub', { callback: listener.url, query: 'eventType=TroubleTicketCreateEvent,TroubleTicketStatusChangeEvent' })).body;
    expect(hub.query).toBe('eventType=TroubleTicketCreateEvent,TroubleTicketStatusChangeEvent');
    let refusals = 2;
    listener.answer = () => (refusals-- > 0 ? 503 : 200);
    const ticket = (await tmf(gateway, school, 'POST', '/troubleTicket', TICKET)).body;
    await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/notes`, { text: 'Looking at it.', visibility: 'public' });
    await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/advance`, {});
    const events = await eventually(async () => (listener.received.length >= 4 ? listener.received : false));
    expect(events.map((e) => [e.body.eventType, e.body.eventId])).toEqual([
      ['TroubleTicketCreateEvent', events[0]!.body.eventId],
      ['TroubleTicketCreateEvent', events[0]!.body.eventId],
      ['TroubleTicketCreateEvent', events[0]!.body.eventId],
      ['TroubleTicketStatusChangeEvent', events[3]!.body.eventId],
    ]);
    listener.answer = () => 200;
    await tmf(gateway, school, 'DELETE', `/hub/${hub.id}`);
  });

  it('checks the callback again at delivery: a name that now resolves to loopback gets nothing', async () => {
    // A subscription of the strict partner made while its name resolved to a public address (DNS rebinding since).
    const id = '01930000-0000-7000-8000-00000000beef';
    const store = gateway.app.gateway.store;
    await store.createWebhook({ id, url: listener.url.replace('127.0.0.1', 'localhost'), format: 'tmf621', secrets: [], events: [], createdAt: new Date().toISOString(), deliveredThrough: await store.lastEventSeq(), failures: 0, lastError: null, nextAttemptAt: null, partner: 'strict' });
    const before = listener.received.length;
    expect((await tmf(gateway, strict, 'POST', '/troubleTicket', TICKET)).status).toBe(201);
    const refused = await eventually(async () => {
      const hook = await store.getWebhook(id);
      return hook !== undefined && hook.lastError !== null ? hook : false;
    });
    expect(refused.lastError).toBe('USM_ERR_CALLBACK_REFUSED');
    expect(listener.received.length).toBe(before);
    await store.deleteWebhook(id);
  });

  it('refuses callbacks the partner\'s entry does not allow, with a stable code', async () => {
    const refused = async (partner: TmfPartner, callback: string) => {
      const answer = await tmf(gateway, partner, 'POST', '/hub', { callback });
      expect([answer.status, answer.body.code], callback).toEqual([422, 'USM_ERR_CALLBACK_REFUSED']);
      return answer.body.message as string;
    };
    expect(await refused(strict, 'http://evil.example.net/listener')).toContain('not one of');
    // Allowed hosts, but loopback: directly, by name, and as an IPv4-mapped address.
    expect(await refused(strict, listener.url)).toContain('not a public address');
    expect(await refused(strict, listener.url.replace('127.0.0.1', 'localhost'))).toMatch(/not a public address/);
    expect(await refused(strict, 'ftp://127.0.0.1/listener')).toContain('http or https');
    expect(await refused(strict, 'http://user:pw@listener.example.org/')).toContain('credentials');
    expect(await refused(strict, 'not a url')).toContain('absolute URL');
    // A name under an allowed domain that does not resolve.
    expect(await refused(strict, 'https://nowhere.invalid.example.com/listener')).toBeDefined();
    // Ten live subscriptions at most.
    const made: string[] = [];
    for (let i = 0; i < 10; i++) {
      const hub = await tmf(gateway, hospital, 'POST', '/hub', { callback: `${listener.url}/${i}`, query: 'event.troubleTicket.id=none' });
      expect(hub.status).toBe(201);
      made.push(hub.body.id);
    }
    const eleventh = await tmf(gateway, hospital, 'POST', '/hub', { callback: listener.url });
    expect([eleventh.status, eleventh.body.code]).toEqual([422, 'USM_ERR_SUBSCRIPTION_LIMIT']);
    for (const id of made) expect((await tmf(gateway, hospital, 'DELETE', `/hub/${id}`)).status).toBe(204);
    const badQuery = await tmf(gateway, hospital, 'POST', '/hub', { callback: listener.url, query: 'status=resolved' });
    expect([badQuery.status, badQuery.body.code]).toEqual([400, 'USM_ERR_VALIDATION']);
    const unknownMember = await tmf(gateway, hospital, 'POST', '/hub', { callback: listener.url, secret: 'x' });
    expect([unknownMember.status, unknownMember.body.code]).toEqual([400, 'USM_ERR_VALIDATION']);
  });
});
