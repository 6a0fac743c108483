import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateJwk } from '../../src/keys/jwk.js';
import { verifyLog, type LogRecord } from '../../src/messages/message-log.js';
import { partnerJwt, startTmfGateway, type TmfGateway, type TmfPartner } from './tmf-gateway.js';

/** A TMF621 client: plain HTTP and JSON, a bearer JWT per request. */
async function tmf(gateway: TmfGateway, partner: TmfPartner | undefined, method: string, path: string, body?: unknown, options: { token?: string; type?: string; raw?: string } = {}) {
  const token = options.token ?? (partner === undefined ? undefined : await partnerJwt(partner));
  const response = await fetch(`${gateway.base}${path}`, {
    method,
    headers: {
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined || options.raw !== undefined ? { 'content-type': options.type ?? (method === 'PATCH' ? 'application/merge-patch+json' : 'application/json') } : {}),
    },
    ...(options.raw !== undefined ? { body: options.raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as any) };
}

/** The desk works a call through its steps (branch operate at the fork: workflow 4 for an incident) to resolved. */
async function resolveAtDesk(gateway: TmfGateway, id: string): Promise<any> {
  let desk = (await gateway.desk('GET', `/v1/desk/calls/${id}`)).body;
  for (let i = 0; i < 20 && desk.status !== 'resolved'; i++) {
    const kinds: string[] = desk.allowedActions.map((a: any) => a.kind);
    const advance = desk.allowedActions.find((a: any) => a.kind === 'advance');
    const answer = kinds.includes('resolve')
      ? await gateway.desk('POST', `/v1/desk/calls/${id}/resolve`, { summary: 'mail relay restarted' })
      : await gateway.desk('POST', `/v1/desk/calls/${id}/advance`, advance.branches !== undefined ? { branch: 'operate' } : {});
    expect(answer.status).toBe(200);
    desk = answer.body;
  }
  return desk;
}

const TICKET = {
  '@type': 'TroubleTicket',
  ticketType: 'incident',
  severity: 'critical',
  priority: 'high',
  name: 'Mail is down',
  description: 'No one on floor 3 can send mail since 9:00.',
  externalIdentifier: [{ id: 'INC-4711', owner: 'hospital' }],
  relatedParty: [{ role: 'requester', partyOrPartyRole: { id: 'u-17', name: 'Ada Lovelace', '@referredType': 'Individual' } }],
};

describe('the TMF621 Trouble Ticket facade, as a TMF621 client uses it', () => {
  let gateway: TmfGateway;
  let hospital: TmfPartner;
  let school: TmfPartner;
  let supplier: TmfPartner;

  beforeAll(async () => {
    hospital = { id: 'hospital', jwk: await generatePrivateJwk() };
    school = { id: 'school', jwk: await generatePrivateJwk() };
    supplier = { id: 'supplier', jwk: await generatePrivateJwk() };
    gateway = await startTmfGateway([hospital, school, supplier], { supplier: ['supplier'] });
  });
  afterAll(async () => gateway.close());

  it('creates a ticket, the desk works it through workflow 4 to resolved, the client confirms and the call closes', async () => {
    const created = await tmf(gateway, hospital, 'POST', '/troubleTicket', TICKET);
    expect(created.status).toBe(201);
    const ticket = created.body;
    expect(created.headers.get('location')).toBe(ticket.href);
    expect(ticket).toMatchObject({
      '@type': 'TroubleTicket',
      ticketType: 'incident',
      severity: 'critical',
      priority: 'high',
      name: 'Mail is down',
      description: TICKET.description,
      status: 'acknowledged',
      externalIdentifier: [{ id: 'INC-4711' }],
      relatedEntity: [{ role: 'service', entity: { id: 'workplace' } }, { role: 'agreement', entity: { id: 'hospital-agreement' } }],
    });
    expect(ticket.relatedParty[0]).toMatchObject({ role: 'requester', partyOrPartyRole: { id: 'u-17', name: 'Ada Lovelace' } });
    expect(ticket.expectedResolutionDate).toEqual(expect.any(String));

    // Underneath it is a USM call of the partner, with impact, urgency and priority from severity and priority.
    const call = (await gateway.desk('GET', `/v1/desk/calls/${ticket.id}`)).body;
    expect(call).toMatchObject({ customer: 'hospital', type: 'incident', impact: 'high', urgency: 'high', priority: 1, summary: 'Mail is down', externalRef: 'INC-4711', requester: { name: 'Ada Lovelace', id: 'u-17' } });

    // The desk works it: branch operate at the fork (workflow 4), then resolve.
    const desk = await resolveAtDesk(gateway, ticket.id);
    expect(desk).toMatchObject({ status: 'resolved', workflow: 4 });
    expect((await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/notes`, { text: 'Relay restarted at 10:05.', visibility: 'public' })).status).toBe(201);

    const read = await tmf(gateway, hospital, 'GET', `/troubleTicket/${ticket.id}`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('resolved');
    expect(read.body.resolutionDate).toEqual(expect.any(String));
    expect(read.body.statusChangeHistory.map((s: any) => s.status)).toEqual(['acknowledged', 'inProgress', 'resolved']);
    // The resolution's summary and the desk's public note, as the provider's notes.
    expect(read.body.note.map((n: any) => [n.author, n.text])).toEqual([
      ['provider', 'mail relay restarted'],
      ['provider', 'Relay restarted at 10:05.'],
    ]);

    const confirmed = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { status: 'closed', note: [...read.body.note, { text: 'Works again, thanks.' }] });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('closed');
    expect(confirmed.body.statusChangeHistory.map((s: any) => s.status)).toEqual(['acknowledged', 'inProgress', 'resolved', 'closed']);
    expect(confirmed.body.note.map((n: any) => [n.author, n.text])).toEqual([
      ['provider', 'mail relay restarted'],
      ['provider', 'Relay restarted at 10:05.'],
      ['hospital', 'Works again, thanks.'],
    ]);
    expect((await gateway.desk('GET', `/v1/desk/calls/${ticket.id}`)).body.status).toBe('closed');
    // A closed call cannot be cancelled: the call's state machine says so.
    const late = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { status: 'cancelled' });
    expect([late.status, late.body.code]).toEqual([409, 'USM_ERR_ILLEGAL_TRANSITION']);

    // Both writes are in the message log, each with its JWT as the evidence.
    const inbound = await gateway.app.gateway.store.inboundForCall(ticket.id);
    expect(inbound.map((m) => m.type)).toEqual(['tmf621.troubleTicket.create', 'tmf621.troubleTicket.patch']);
    expect(inbound.every((m) => m.from === 'hospital' && m.signature.split('.').length === 3 && m.id.startsWith('jwt:'))).toBe(true);
    expect(JSON.parse(inbound[0]!.body)).toEqual(TICKET);
    const logged: LogRecord[] = [];
    for await (const record of gateway.app.gateway.store.readLog()) logged.push(record);
    expect(verifyLog(logged)).toMatchObject({ ok: true });
    for (const message of inbound) expect(logged).toContainEqual(expect.objectContaining({ type: message.type, messageId: message.id, signature: message.signature }));
  });

  it('reopens a resolved ticket with a reason, and cancels one', async () => {
    const { body: reopenable } = await tmf(gateway, hospital, 'POST', '/troubleTicket', { ...TICKET, externalIdentifier: [{ id: 'INC-4713' }] });
    await resolveAtDesk(gateway, reopenable.id);
    const unexplained = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${reopenable.id}`, { status: 'inProgress' });
    expect([unexplained.status, unexplained.body.code, unexplained.body.errors]).toEqual([422, 'USM_ERR_TICKET_UNMAPPABLE', [{ path: 'body/statusChangeReason', message: 'say why the resolution does not do' }]]);
    const reopened = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${reopenable.id}`, { status: 'inProgress', statusChangeReason: 'still no mail on floor 3' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('inProgress');
    expect(reopened.body.statusChangeHistory.at(-1)).toMatchObject({ status: 'inProgress', statusChangeReason: 'still no mail on floor 3' });
    expect(reopened.body.note.at(-1)).toMatchObject({ author: 'hospital', text: 'still no mail on floor 3' });
    expect((await gateway.desk('GET', `/v1/desk/calls/${reopenable.id}`)).body).toMatchObject({ status: 'inProgress', reopened: 1 });
    // The call's state machine decides what is open: a reopened call cannot be closed until it is resolved again.
    expect((await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${reopenable.id}`, { status: 'closed' })).body.code).toBe('USM_ERR_TICKET_UNMAPPABLE');

    const { body: ticket } = await tmf(gateway, hospital, 'POST', '/troubleTicket', { ...TICKET, externalIdentifier: [{ id: 'INC-4712' }] });
    const cancelled = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { status: 'cancelled', statusChangeReason: 'raised by mistake' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.statusChangeHistory.at(-1)).toMatchObject({ status: 'cancelled', statusChangeReason: 'raised by mistake' });
    // A cancelled ticket cannot be closed: the call's state machine says so.
    const late = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { status: 'cancelled' });
    expect(late.status).toBe(200);
    const illegal = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { status: 'closed' });
    expect(illegal.status).toBe(422);
    expect(illegal.body).toMatchObject({ '@type': 'Error', code: 'USM_ERR_TICKET_UNMAPPABLE', status: '422' });
  });

  it('lists only the partner\'s own tickets, with offset, limit and filters; another partner\'s ticket is 404', async () => {
    const { body: mine } = await tmf(gateway, school, 'POST', '/troubleTicket', { ticketType: 'serviceRequest', severity: 'minor', description: 'A new laptop for the head teacher' });
    expect(mine).toMatchObject({ ticketType: 'serviceRequest', severity: 'minor', priority: 'medium', name: 'A new laptop for the head teacher' });
    await tmf(gateway, school, 'POST', '/troubleTicket', { ticketType: 'incident', severity: 'major', description: 'Projector broken' });
    const all = await tmf(gateway, school, 'GET', '/troubleTicket');
    expect(all.status).toBe(200);
    expect(all.body.map((t: any) => t.description)).toEqual(['A new laptop for the head teacher', 'Projector broken']);
    expect(all.headers.get('x-result-count')).toBe('2');
    expect((await tmf(gateway, school, 'GET', '/troubleTicket?offset=1&limit=1')).body.map((t: any) => t.description)).toEqual(['Projector broken']);
    expect((await tmf(gateway, school, 'GET', '/troubleTicket?ticketType=serviceRequest')).body.map((t: any) => t.id)).toEqual([mine.id]);
    expect((await tmf(gateway, school, 'GET', '/troubleTicket?status=closed')).body).toEqual([]);

    const foreign = await tmf(gateway, hospital, 'GET', `/troubleTicket/${mine.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ '@type': 'Error', code: 'USM_ERR_CALL_NOT_FOUND', status: '404' });
    expect((await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${mine.id}`, { status: 'cancelled' })).status).toBe(404);
    expect((await tmf(gateway, hospital, 'GET', '/troubleTicket')).body.every((t: any) => t.relatedParty[1].partyOrPartyRole.id === 'hospital')).toBe(true);
  });

  it('refuses a write whose JWT was used for a write before, and one without a jti', async () => {
    const token = await partnerJwt(hospital);
    const first = await tmf(gateway, hospital, 'POST', '/troubleTicket', TICKET, { token });
    expect(first.status).toBe(201);
    const again = await tmf(gateway, hospital, 'POST', '/troubleTicket', TICKET, { token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ '@type': 'Error', code: 'USM_ERR_TOKEN_REUSED' });
    const patched = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${first.body.id}`, { note: [{ text: 'more' }] }, { token });
    expect(patched.body.code).toBe('USM_ERR_TOKEN_REUSED');
    expect((await tmf(gateway, hospital, 'GET', '/troubleTicket')).body.filter((t: any) => t.externalIdentifier?.[0]?.id === 'INC-4711')).toHaveLength(2);
    // Reads may use a token as often as it lives.
    expect((await tmf(gateway, hospital, 'GET', `/troubleTicket/${first.body.id}`, undefined, { token })).status).toBe(200);

    const noJti = await tmf(gateway, hospital, 'POST', '/troubleTicket', TICKET, { token: await partnerJwt(hospital, { jti: null }) });
    expect(noJti.status).toBe(401);
    expect(noJti.body.code).toBe('USM_ERR_TOKEN_INVALID');
    expect(noJti.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('takes one of two writes that race with the same JWT, and refuses the other', async () => {
    const token = await partnerJwt(hospital);
    const answers = await Promise.all([1, 2].map(() => tmf(gateway, hospital, 'POST', '/troubleTicket', { ...TICKET, externalIdentifier: [{ id: 'INC-race' }] }, { token })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await tmf(gateway, hospital, 'GET', '/troubleTicket')).body.filter((t: any) => t.externalIdentifier?.[0]?.id === 'INC-race')).toHaveLength(1);
  });

  it('takes a note on a pending ticket as the information the provider asked for, and resumes it', async () => {
    const { body: ticket } = await tmf(gateway, hospital, 'POST', '/troubleTicket', { ...TICKET, externalIdentifier: [{ id: 'INC-pending' }] });
    expect((await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/advance`, {})).status).toBe(200);
    const pending = await gateway.desk('POST', `/v1/desk/calls/${ticket.id}/status`, { status: 'pending' });
    expect([pending.status, pending.body.status]).toEqual([200, 'pending']);
    const answered = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { note: [{ text: 'It is the relay in room 3.12.' }] });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('inProgress');
    const notes = (await gateway.desk('GET', `/v1/desk/calls/${ticket.id}/notes`)).body.items;
    expect(notes.at(-1)).toMatchObject({ kind: 'information', text: 'It is the relay in room 3.12.', author: { kind: 'customer', id: 'hospital' } });
    // Repeating the notes it has adds nothing; editing one is refused.
    const repeated = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { note: answered.body.note });
    expect(repeated.body.note).toEqual(answered.body.note);
    const edited = await tmf(gateway, hospital, 'PATCH', `/troubleTicket/${ticket.id}`, { note: [{ ...answered.body.note[0], text: 'changed' }] });
    expect([edited.status, edited.body.code]).toEqual([422, 'USM_ERR_TICKET_UNMAPPABLE']);
  });

  it('answers bad input with a TMF Error and a stable code, never a 500', async () => {
    const cases: [string, string, unknown, { token?: string; type?: string; raw?: string }, number, string][] = [
      ['POST', '/troubleTicket', { ...TICKET, severity: undefined }, {}, 400, 'USM_ERR_VALIDATION'],
      ['POST', '/troubleTicket', { ...TICKET, colour: 'red' }, {}, 400, 'USM_ERR_VALIDATION'],
      ['POST', '/troubleTicket', { ...TICKET, ticketType: 'outage' }, {}, 400, 'USM_ERR_VALIDATION'],
      ['POST', '/troubleTicket', { ...TICKET, severity: 'apocalyptic' }, {}, 422, 'USM_ERR_TICKET_UNMAPPABLE'],
      ['POST', '/troubleTicket', { ...TICKET, attachment: [{ url: 'https://x.example/a.png' }] }, {}, 422, 'USM_ERR_TICKET_UNMAPPABLE'],
      ['POST', '/troubleTicket', { ...TICKET, externalIdentifier: [{ id: 'a' }, { id: 'b' }] }, {}, 422, 'USM_ERR_TICKET_UNMAPPABLE'],
      ['POST', '/troubleTicket', { ...TICKET, relatedEntity: [{ role: 'service', entity: { id: 'hosting' } }] }, {}, 403, 'USM_ERR_SERVICE_NOT_ALLOWED'],
      ['POST', '/troubleTicket', undefined, { raw: '{"ticketType": ' }, 400, 'USM_ERR_MALFORMED_JSON'],
      ['POST', '/troubleTicket', undefined, { raw: 'ticket', type: 'text/plain' }, 415, 'USM_ERR_UNSUPPORTED_MEDIA_TYPE'],
      ['POST', '/troubleTicket', TICKET, { token: 'not-a-jwt' }, 401, 'USM_ERR_TOKEN_INVALID'],
      ['PATCH', '/troubleTicket/nope', { status: 'closed' }, { type: 'application/json' }, 415, 'USM_ERR_UNSUPPORTED_MEDIA_TYPE'],
      ['PATCH', '/troubleTicket/nope', { status: 'closed' }, {}, 404, 'USM_ERR_CALL_NOT_FOUND'],
      ['PATCH', '/troubleTicket/nope', {}, {}, 400, 'USM_ERR_VALIDATION'],
      ['GET', '/troubleTicket?limit=0', undefined, {}, 400, 'USM_ERR_VALIDATION'],
      ['GET', '/troubleTicket?colour=red', undefined, {}, 400, 'USM_ERR_VALIDATION'],
    ];
    for (const [method, path, body, options, status, code] of cases) {
      const answer = await tmf(gateway, hospital, method, path, body, options);
      expect({ method, path, body, status: answer.status, code: answer.body?.code }).toEqual({ method, path, body, status, code });
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body).toMatchObject({ '@type': 'Error', status: String(status), reason: expect.any(String) });
    }
    const named = await tmf(gateway, hospital, 'POST', '/troubleTicket', { ...TICKET, attachment: [] });
    expect(named.body.errors).toEqual([{ path: 'body/attachment', message: 'not mapped to a USM call' }]);

    expect((await tmf(gateway, undefined, 'GET', '/troubleTicket')).body.code).toBe('USM_ERR_TOKEN_MISSING');
    expect((await tmf(gateway, supplier, 'GET', '/troubleTicket')).body.code).toBe('USM_ERR_FORBIDDEN');
    const unknown = await tmf(gateway, hospital, 'GET', '/troubleTickets');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'USM_ERR_NOT_FOUND']);
    const wrongMethod = await tmf(gateway, hospital, 'DELETE', '/troubleTicket/x');
    expect([wrongMethod.status, wrongMethod.body.code, wrongMethod.headers.get('allow')]).toEqual([405, 'USM_ERR_METHOD_NOT_ALLOWED', 'GET, HEAD, PATCH']);
  });

  it('serves its own OpenAPI 3.1 document, whose every operation is a route', async () => {
    const served = await tmf(gateway, undefined, 'GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body.openapi).toBe('3.1.0');
    const config = await createConfig({ extends: ['minimal'], rules: { 'no-unused-components': 'error' } });
    const problems = await lintFromString({ source: JSON.stringify(served.body), absoluteRef: 'openapi.json', config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
    expect(served.body.servers).toEqual([{ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/tmf-api\/troubleTicket\/v5$/) }]);
    const documented = Object.entries<any>(served.body.paths).flatMap(([path, item]) =>
      ['get', 'post', 'patch', 'delete'].filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} /tmf-api/troubleTicket/v5${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(gateway.app.routeTable.filter((r) => r.includes('/tmf-api/')).sort()).toEqual(documented.sort());
  });
});
