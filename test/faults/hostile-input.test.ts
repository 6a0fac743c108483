import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/client/partner-client.js';
import { toBase64url } from '../../src/kernel/base64url.js';
import { incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';
import { recordFigures } from './fault-figures.js';

interface Attack {
  readonly name: string;
  readonly send: () => Promise<Answer>;
}

/**
 * A corpus of hostile requests: every one must get a 4xx problem document with a stable code and
 * leave the store exactly as it was.
 */
describe('hostile input', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clinic: TestPartner;
  let stranger: TestPartner;
  let callId: string;
  let chainId: string;

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    clinic = await makePartner('clinic');
    stranger = await makePartner('stranger');
    gateway = await startGateway({ partners: [hospital, clinic], config: { limits: { bodyBytes: 16_384, partnerRequestsPerSecond: 10_000, partnerBurst: 10_000 } } });
    const client = gateway.client(clinic);
    ({ id: callId, chainId } = ((await client.send('/v1/calls', client.envelope('call.submit', incident({}, 'clinic')))).body as any).call);
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  async function state(): Promise<string> {
    const store = gateway.app.gateway.store;
    const calls = await store.listCalls({ limit: 1000 });
    let log = 0;
    for await (const _ of store.readLog()) log++;
    return JSON.stringify({ calls: calls.map((c) => [c.id, c.version]), log, events: await store.lastEventSeq(), notes: (await store.listNotes(callId, 'all')).length });
  }

  function corpus(): Attack[] {
    const client = gateway.client(hospital);
    const valid = () => client.envelope('call.submit', incident());
    const raw = (body: string, headers: Record<string, string>, path = '/v1/calls') => () => client.sendRaw(path, body, headers);
    const signed = (body: string, path = '/v1/calls') => raw(body, { 'content-type': 'application/json', 'usm-signature': client.sign(body) }, path);
    const attacks: Attack[] = [];
    const add = (name: string, send: () => Promise<Answer>) => attacks.push({ name, send });

    // Malformed and truncated JSON, signed so that only the parser can refuse it.
    const good = JSON.stringify(valid());
    for (const cut of [1, 2, 5, 10, 20, 40, 80, 120, 160, 200, 260, 300, good.length - 1]) add(`truncated at ${cut}`, signed(good.slice(0, cut)));
    for (const bad of ['{', '}', '[', 'null', 'true', '42', '"x"', '{"a":}', "{'a':1}", '{"a":1,}', 'NaN', '{"a":undefined}', '\u0000', '{"id":"\\u12"}', '[]', '{}']) add(`not an envelope: ${JSON.stringify(bad)}`, signed(bad));

    // Wrong content types.
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/jsonx', 'image/png', '', 'application/octet-stream']) {
      add(`content type ${JSON.stringify(type)}`, raw(good, { 'content-type': type, 'usm-signature': client.sign(good) }));
    }

    // Schema violations, one field at a time.
    const violations: [string, Record<string, unknown>][] = [
      ['type', { type: 'complaint' }], ['type', { type: 7 }], ['service', { service: '' }], ['service', { service: 'a b' }], ['service', { service: 'x'.repeat(200) }],
      ['agreement', { agreement: null }], ['summary', { summary: '' }], ['summary', { summary: 'x'.repeat(201) }], ['summary', { summary: ['a'] }],
      ['description', { description: 'x'.repeat(20_001) }], ['impact', { impact: 'critical' }], ['impact', { impact: null }], ['urgency', { urgency: 1 }],
      ['requester', { requester: 'someone' }], ['requester', { requester: {} }], ['requester', { requester: { name: 'x', extra: 1 } }], ['requester', { requester: { name: 'x', email: 'not-an-email' } }],
      ['attachments', { attachments: 'x' }], ['attachments', { attachments: Array.from({ length: 21 }, () => ({ url: 'https://x.org/a', sha256: 'a'.repeat(64), size: 1, mediaType: 'text/plain' })) }],
      ['attachment url', { attachments: [{ url: 'javascript:alert(1)', sha256: 'a'.repeat(64), size: 1, mediaType: 'text/plain' }] }],
      ['attachment sha256', { attachments: [{ url: 'https://x.org/a', sha256: 'xyz', size: 1, mediaType: 'text/plain' }] }],
      ['attachment size', { attachments: [{ url: 'https://x.org/a', sha256: 'a'.repeat(64), size: -1, mediaType: 'text/plain' }] }],
      ['attachment media type', { attachments: [{ url: 'https://x.org/a', sha256: 'a'.repeat(64), size: 1, mediaType: 'text' }] }],
      ['externalRef', { externalRef: '' }], ['externalRef', { externalRef: 'x'.repeat(129) }], ['extra field', { admin: true }], ['prototype', { ['__proto__']: { admin: true } }],
    ];
    for (const [field, change] of violations) add(`data.${field} ${JSON.stringify(change).slice(0, 60)}`, signed(JSON.stringify({ ...valid(), data: { ...incident(), ...change } })));
    for (const missing of ['type', 'service', 'agreement', 'summary', 'impact', 'urgency', 'requester']) {
      const data: Record<string, unknown> = incident();
      delete data[missing];
      add(`data without ${missing}`, signed(JSON.stringify({ ...valid(), data })));
    }
    const envelopeViolations: [string, Record<string, unknown>][] = [
      ['id not a UUIDv7', { id: '550e8400-e29b-41d4-a716-446655440000' }], ['id missing', { id: undefined }], ['id number', { id: 1 }],
      ['type unknown', { type: 'call.delete' }], ['type for another endpoint', { type: 'call.cancel' }], ['from pattern', { from: 'Hospital!' }],
      ['to missing', { to: undefined }], ['time not a date', { time: 'yesterday' }], ['time number', { time: 0 }], ['chainId', { chainId: 'chain' }],
      ['correlationId', { correlationId: 'x' }], ['hops too many', { hops: Array.from({ length: 17 }, (_, i) => `h${i}`) }], ['hops pattern', { hops: ['A B'] }],
      ['extra member', { admin: true }], ['data missing', { data: undefined }], ['data string', { data: 'x' }], ['data array', { data: [] }],
      ['odd unicode in from', { from: 'h\u00f6spital' }], ['lone surrogate in from', { from: '\ud800' }], ['zero-width in to', { to: 'provider\u200b' }],
      ['RTL override in id', { id: '\u202e' }], ['null byte in from', { from: 'hosp\u0000ital' }],
    ];
    for (const [name, change] of envelopeViolations) add(`envelope ${name}`, signed(JSON.stringify({ ...valid(), ...change })));

    // Size and depth.
    add('oversize body', signed(JSON.stringify({ ...valid(), data: { ...incident(), description: 'x'.repeat(20_000) } })));
    add('far oversize body', raw('x'.repeat(200_000), { 'content-type': 'application/json', 'usm-signature': 'a..b' }));
    for (const depth of [100, 1000, 5000]) add(`nested ${depth} deep`, signed(`{"data":${'['.repeat(depth)}${']'.repeat(depth)}}`));
    add('many members', signed(JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])))));
    // A member twice: JSON.parse would keep the last value, another parser the first.
    add('a member twice', signed(good.replace('"summary":', '"summary":"hidden","summary":')));
    add('a member twice, once escaped', signed(good.replace('"summary":', '"summary":"hidden","summ\\u0061ry":')));
    add('the envelope id twice', signed(good.replace('{"id":', `{"id":${JSON.stringify(valid().id)},"id":`)));

    // Signature attacks.
    const body = JSON.stringify(valid());
    const header = (h: object) => toBase64url(JSON.stringify(h));
    const sig = client.sign(body);
    const [protectedPart, , signaturePart] = sig.split('.');
    const jws: [string, string][] = [
      ['missing', ''], ['alg none', `${header({ alg: 'none', kid: hospital.key.kid })}..`], ['alg none uppercase', `${header({ alg: 'NONE', kid: hospital.key.kid })}..`],
      ['HS256 with the public key', (() => {
        const h = header({ alg: 'HS256', kid: hospital.key.kid });
        return `${h}..${toBase64url(createHmac('sha256', JSON.stringify(hospital.key.jwk)).update(`${h}.${toBase64url(body)}`).digest())}`;
      })()],
      ['RS256', `${header({ alg: 'RS256', kid: hospital.key.kid })}..${signaturePart}`], ['ES256 header on an Ed25519 key', `${header({ alg: 'ES256', kid: hospital.key.kid })}..${signaturePart}`],
      ['unknown kid', `${header({ alg: 'EdDSA', kid: 'nobody' })}..${signaturePart}`], ['no kid', `${header({ alg: 'EdDSA' })}..${signaturePart}`],
      ['kid of another partner', `${header({ alg: 'EdDSA', kid: clinic.key.kid })}..${signaturePart}`], ['crit header', `${header({ alg: 'EdDSA', kid: hospital.key.kid, crit: ['exp'] })}..${signaturePart}`],
      ['b64 false', `${header({ alg: 'EdDSA', kid: hospital.key.kid, b64: false })}..${signaturePart}`], ['compact instead of detached', `${protectedPart}.${toBase64url(body)}.${signaturePart}`],
      ['empty signature', `${protectedPart}..`], ['not base64url', `${protectedPart}..!!!`], ['padding', `${protectedPart}..${signaturePart}==`], ['garbage', 'garbage'], ['three dots', 'a...b'],
      ['protected not JSON', `${toBase64url('not json')}..${signaturePart}`], ['protected array', `${toBase64url('[]')}..${signaturePart}`], ['huge header', `${'A'.repeat(8000)}..${signaturePart}`],
      ['signature of another body', client.sign(JSON.stringify(valid()))], ['signature by a stranger', gateway.client(stranger).sign(body)], ['signature by the other partner', gateway.client(clinic).sign(body)],
      ['signature truncated', sig.slice(0, -4)], ['signature bit flipped', `${protectedPart}..${signaturePart!.slice(0, 10)}${signaturePart![10] === 'A' ? 'B' : 'A'}${signaturePart!.slice(11)}`],
    ];
    for (const [name, value] of jws) add(`signature: ${name}`, raw(body, { 'content-type': 'application/json', ...(value !== '' ? { 'usm-signature': value } : {}) }));
    for (const position of [10, 50, 100, 200, body.length - 3]) {
      const tampered = body.slice(0, position) + (body[position] === 'x' ? 'y' : 'x') + body.slice(position + 1);
      add(`tampered body at ${position}`, raw(tampered, { 'content-type': 'application/json', 'usm-signature': sig }));
    }
    add('trailing byte after signing', raw(`${body} `, { 'content-type': 'application/json', 'usm-signature': sig }));
    add('message for another gateway', signed(JSON.stringify({ ...valid(), to: 'elsewhere' })));
    add('message from the other partner, signed by this one', signed(JSON.stringify({ ...valid(), from: 'clinic' })));
    for (const minutes of [-60, -10, 10, 60, -60 * 24 * 365]) add(`time ${minutes} min away`, signed(JSON.stringify(client.envelope('call.submit', incident(), { time: new Date(Date.now() + minutes * 60_000).toISOString() }))));
    add('reused id with another body', async () => {
      const first = valid();
      await client.send('/v1/calls', first);
      return client.send('/v1/calls', { ...first, data: incident({ summary: 'changed' }) });
    });

    // Writes to a call that is not the sender's, or not there at all, and illegal transitions.
    const other = '01900000-0000-7000-8000-000000000001';
    for (const [path, type, data] of [
      [`/v1/calls/${callId}/notes`, 'call.note', { text: 'x' }],
      [`/v1/calls/${callId}/cancel`, 'call.cancel', {}],
      [`/v1/calls/${callId}/confirm`, 'call.confirm', {}],
      [`/v1/calls/${callId}/reopen`, 'call.reopen', { reason: 'x' }],
      [`/v1/calls/${other}/notes`, 'call.note', { text: 'x' }],
      ['/v1/calls/not-a-uuid/notes', 'call.note', { text: 'x' }],
      ['/v1/messages', 'call.update', { callId: other, externalRef: 'x', seq: 1, status: 'closed' }],
      ['/v1/messages', 'agreement.accept', { id: 'x', version: 1, signature: 'a..b' }],
    ] as const) {
      add(`${type} on ${path}`, () => client.send(path, client.envelope(type, data)));
    }
    const own = gateway.client(clinic);
    add('confirm an unresolved call', () => own.send(`/v1/calls/${callId}/confirm`, own.envelope('call.confirm', {}, { chainId })));
    add('reopen an unresolved call', () => own.send(`/v1/calls/${callId}/reopen`, own.envelope('call.reopen', { reason: 'x' }, { chainId })));
    add('a service outside the agreement', () => client.send('/v1/calls', client.envelope('call.submit', incident({ service: 'hosting' }))));
    add("another customer's agreement", () => client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'clinic-agreement' }))));

    // The same signature attacks on every write endpoint.
    for (const [path, type, data] of [
      [`/v1/calls/${callId}/notes`, 'call.note', { text: 'x' }],
      [`/v1/calls/${callId}/cancel`, 'call.cancel', {}],
      [`/v1/calls/${callId}/confirm`, 'call.confirm', {}],
      [`/v1/calls/${callId}/reopen`, 'call.reopen', { reason: 'x' }],
      ['/v1/messages', 'call.update', { callId, externalRef: 'x', seq: 1, status: 'closed' }],
      ['/v1/calls', 'call.submit', incident()],
    ] as const) {
      const own = gateway.client(clinic);
      const b = JSON.stringify(own.envelope(type, data));
      const s = own.sign(b);
      add(`${path}: no signature`, raw(b, { 'content-type': 'application/json' }, path));
      add(`${path}: alg none`, raw(b, { 'content-type': 'application/json', 'usm-signature': `${header({ alg: 'none', kid: clinic.key.kid })}..` }, path));
      add(`${path}: stranger's signature`, raw(b, { 'content-type': 'application/json', 'usm-signature': gateway.client(stranger).sign(b) }, path));
      add(`${path}: tampered`, raw(b.replace('"from":"clinic"', '"from":"clinic" '), { 'content-type': 'application/json', 'usm-signature': s }, path));
      add(`${path}: text/plain`, raw(b, { 'content-type': 'text/plain', 'usm-signature': s }, path));
    }

    // Read tokens.
    const read = (token: string | undefined, path = `/v1/calls/${callId}`) => async (): Promise<Answer> => {
      const response = await fetch(`${gateway.url}${path}`, token === undefined ? {} : { headers: { authorization: token } });
      const text = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), body: text === '' ? undefined : JSON.parse(text) };
    };
    const jwt = async (claims: Record<string, unknown>, key = hospital.key, alg = 'EdDSA') =>
      new SignJWT(claims).setProtectedHeader({ alg, kid: key.kid }).sign(key.privateKey);
    const t = Math.floor(Date.now() / 1000);
    const claims = { iss: 'hospital', aud: 'provider', iat: t, exp: t + 60 };
    add('read without a token', read(undefined));
    add('read with Basic auth', read('Basic aG9zcGl0YWw6cHc='));
    add('read with garbage', read('Bearer x.y.z'));
    add("read the other partner's call", async () => read(`Bearer ${await jwt(claims)}`)());
    add('read a token for another gateway', async () => read(`Bearer ${await jwt({ ...claims, aud: 'elsewhere' })}`)());
    add('read a token claiming another issuer', async () => read(`Bearer ${await jwt({ ...claims, iss: 'clinic' })}`)());
    add('read an expired token', async () => read(`Bearer ${await jwt({ ...claims, iat: t - 600, exp: t - 300 })}`)());
    add('read a token from the future', async () => read(`Bearer ${await jwt({ ...claims, iat: t + 3600, exp: t + 3660 })}`)());
    add('read a token living too long', async () => read(`Bearer ${await jwt({ ...claims, exp: t + 86_400 })}`)());
    add('read a token without exp', async () => read(`Bearer ${await jwt({ iss: 'hospital', aud: 'provider', iat: t })}`)());
    add('read a token by a stranger', async () => read(`Bearer ${await jwt(claims, stranger.key)}`)());
    add('read an unsigned token', read(`Bearer ${header({ alg: 'none' })}.${toBase64url(JSON.stringify(claims))}.`));
    add('read with the desk token', read('Bearer desk-token-for-tests-0123456789', '/v1/calls'));
    add('desk API with a partner token', async () => read(`Bearer ${await jwt(claims)}`, '/v1/desk/calls')());
    add('admin API with the desk token', read('Bearer desk-token-for-tests-0123456789', '/v1/admin/outbox'));
    for (const path of ['/v1/desk/calls', '/v1/desk/webhooks', '/v1/admin/dead-letters', '/v1/admin/neighbours', '/v1/desk/agreements']) add(`${path} without a token`, read(undefined, path));
    for (const path of ['/../../etc/passwd', '/v1/calls/%00', '/v1/%2e%2e/desk/calls', '/v1/calls?limit=-1', '/v1/calls?status=everything', '/v1/calls?updatedSince=never']) {
      add(`odd path ${path}`, async () => read(`Bearer ${await jwt({ ...claims, iss: 'clinic' }, clinic.key)}`, path)());
    }
    return attacks;
  }

  it('answers every hostile request with a 4xx problem and a stable code, and changes nothing', async () => {
    const attacks = corpus();
    expect(attacks.length).toBeGreaterThanOrEqual(200);
    const baseline = await state();
    const failures: string[] = [];
    let tried = 0;
    let rejected = 0;
    let serverErrors = 0;
    let changed = 0;
    let detectorSawTheValidFirstMessage = false;
    for (const attack of attacks) {
      const before = await state();
      const answer = await attack.send();
      tried++;
      const after = await state();
      const body = answer.body as { code?: string } | undefined;
      const ok = answer.status >= 400 && answer.status < 500 && String(answer.headers['content-type']).startsWith('application/problem+json') && /^USM_ERR_[A-Z_]+$/.test(body?.code ?? '');
      if (ok) rejected++;
      else failures.push(`${attack.name}: ${answer.status} ${JSON.stringify(body).slice(0, 120)}`);
      if (answer.status >= 500) serverErrors++;
      // The "reused id" attack stores its first, valid message on purpose (which shows the check sees changes).
      if (attack.name === 'reused id with another body') detectorSawTheValidFirstMessage = before !== after;
      else if (before !== after) {
        changed++;
        failures.push(`${attack.name}: changed the store`);
      }
    }
    await recordFigures('hostile', { tried, rejected, serverErrors, stateChanges: changed });
    expect(failures).toEqual([]);
    expect(detectorSawTheValidFirstMessage).toBe(true);
    expect(baseline).not.toBe('');
  }, 600_000);
});
