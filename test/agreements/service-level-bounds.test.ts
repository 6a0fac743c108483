import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig, ConfigError } from '../../src/config/load-config.js';
import { publicJwkOf } from '../../src/keys/jwk.js';
import { signDetached } from '../../src/messages/jws.js';
import { MAX_TARGET_MINUTES, newBreaches, nextDue, onStatusChange, startClock } from '../../src/usm/sla-clock.js';
import { gatewayPartner, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** The latest instant RFC 3339 can write: the due time of a target too far away to count. */
const NEVER = '9999-12-31T23:59:59.999Z';
const HUGE = 10 ** 12;

describe('the service-level clock with a target too far away to place', () => {
  it('never throws: such a target is due at the end of time and never breached', () => {
    const clock = startClock('2026-03-02T08:00:00.000Z', { responseMinutes: 15, resolutionMinutes: HUGE });
    expect(clock).toEqual({ responseDueAt: '2026-03-02T08:15:00.000Z', resolutionDueAt: NEVER, breaches: [] });
    for (const minutes of [Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(startClock('2026-03-02T08:00:00.000Z', { responseMinutes: minutes, resolutionMinutes: minutes }).resolutionDueAt).toBe(NEVER);
    }
    // Only the response target can be missed; a wait and a resumption keep the other where it is.
    expect(newBreaches(clock, 'acknowledged', Date.parse('9000-01-01T00:00:00Z'))).toEqual(['response']);
    let next = onStatusChange(clock, 'acknowledged', 'pending', '2026-03-02T08:05:00.000Z');
    next = onStatusChange(next, 'pending', 'inProgress', '2026-03-09T08:05:00.000Z');
    expect(next.resolutionDueAt).toBe(NEVER);
    expect(newBreaches(next, 'inProgress', Date.parse('9000-01-01T00:00:00Z'))).toEqual([]);
    expect(nextDue(next, 'inProgress')).toBe(NEVER);
  });

  it('places the longest allowed target, and does not throw when sparse support hours cannot place it', () => {
    const start = '2026-03-02T08:00:00.000Z';
    expect(startClock(start, { responseMinutes: MAX_TARGET_MINUTES, resolutionMinutes: MAX_TARGET_MINUTES }).resolutionDueAt).toBe('2027-03-02T08:00:00.000Z');
    // One hour a week: a year of support time lies beyond the two years of windows the clock looks at.
    const sparse = startClock(start, { responseMinutes: 30, resolutionMinutes: MAX_TARGET_MINUTES }, 'Mo 08:00-09:00 UTC');
    expect(sparse).toMatchObject({ responseDueAt: '2026-03-02T08:30:00.000Z', resolutionDueAt: NEVER, supportHours: 'Mo 08:00-09:00 UTC' });
    const resumed = onStatusChange(onStatusChange(sparse, 'inProgress', 'held', '2026-03-02T08:10:00.000Z'), 'held', 'inProgress', '2026-03-03T08:00:00.000Z');
    expect(resumed.resolutionDueAt).toBe(NEVER);
  });
});

describe('a resolution target of a huge number of minutes', () => {
  const config = (targets: object[], key: 'agreements' | 'underpinning' = 'agreements') => ({
    party: { id: 'provider', name: 'Provider' },
    storage: 'sqlite:./gw.db',
    signing: { keyFile: './gw.jwk' },
    services: [{ id: 'workplace', name: 'Workplace' }],
    partners: [
      { id: 'hospital', name: 'Hospital', roles: ['customer'], jwksFile: './hospital.jwks' },
      { id: 'dc', name: 'Data centre', roles: ['supplier'], url: 'http://127.0.0.1:1', jwksFile: './dc.jwks', services: [{ id: 'racks', name: 'Racks' }] },
    ],
    ...(key === 'agreements'
      ? { agreements: [{ id: 'a1', customer: 'hospital', services: ['workplace'], serviceLevels: { supportHours: '24x7', targets } }] }
      : { underpinning: [{ id: 'u1', supplier: 'dc', services: ['racks'], serviceLevels: { supportHours: '24x7', targets } }] }),
  });
  const refusal = (raw: unknown): ConfigError => {
    try {
      buildConfig(raw, '/etc/usm-link');
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it('is refused in the config file, naming the key', () => {
    const huge = refusal(config([{ priority: 1, responseMinutes: 15, resolutionMinutes: HUGE }]));
    expect(huge.path).toBe('/agreements/0/serviceLevels/targets/0/resolutionMinutes');
    expect(huge.message).toContain(`must be <= ${MAX_TARGET_MINUTES}`);
    expect(refusal(config([{ priority: 1, responseMinutes: 0, resolutionMinutes: 60 }])).path).toBe('/agreements/0/serviceLevels/targets/0/responseMinutes');
    expect(refusal(config([{ priority: 1, responseMinutes: 1.5, resolutionMinutes: 60 }])).path).toBe('/agreements/0/serviceLevels/targets/0/responseMinutes');
    expect(refusal(config([{ priority: 1, responseMinutes: 15, resolutionMinutes: 60, escalateAfter: 5 }])).message).toContain('(escalateAfter)');
    expect(refusal(config([{ priority: 1, responseMinutes: 15, resolutionMinutes: HUGE }], 'underpinning')).path).toBe('/underpinning/0/serviceLevels/targets/0/resolutionMinutes');
    expect(buildConfig(config([{ priority: 1, responseMinutes: 1, resolutionMinutes: MAX_TARGET_MINUTES }]), '/etc/usm-link').agreements).toHaveLength(1);
  });

  it('does not break calls under an agreement that was stored with it before the bounds', async () => {
    const hospital = await makePartner('hospital');
    const gateway = await startGateway({ partners: [hospital], config: { agreements: [] } });
    try {
      const document = JSON.stringify({
        id: 'old-agreement',
        version: 1,
        provider: 'provider',
        customer: 'hospital',
        services: ['workplace'],
        serviceLevels: { supportHours: '24x7', targets: [{ priority: 1, responseMinutes: 15, resolutionMinutes: HUGE }] },
      });
      const at = new Date().toISOString();
      await gateway.app.gateway.store.commitAgreement({
        versions: [{ id: 'old-agreement', version: 1, provider: 'provider', customer: 'hospital', status: 'active', document, offeredBy: 'hospital', signatures: { customer: 'c..s', provider: 'p..s' }, createdAt: at, updatedAt: at }],
        outbox: [],
      });
      const client = gateway.client(hospital);
      for (let i = 0; i < 2; i++) {
        const answer = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'old-agreement', impact: 'high', urgency: 'high' })));
        expect(answer.status).toBe(201);
        expect((answer.body as any).call.sla).toMatchObject({ resolutionDueAt: NEVER, breaches: [] });
      }
    } finally {
      await gateway.close();
      await removeDir(gateway.dir);
    }
  });
});

describe('an offer with service levels out of bounds', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let supplier: { id: string; key: TestPartner; port: number };
  const levels = (resolutionMinutes: number) => ({ supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 10, resolutionMinutes }] });

  beforeAll(async () => {
    hospital = await makePartner('hospital');
    // A supplier that is never reached: the proposals refused here never get as far as its outbox.
    supplier = { id: 'dc', key: await makePartner('dc'), port: 9 };
    gateway = await startGateway({
      partners: [hospital],
      config: {
        partners: [
          { id: 'hospital', name: 'hospital', roles: ['customer'], jwks: { keys: [publicJwkOf(hospital.jwk)] } },
          gatewayPartner(supplier, ['supplier'], [{ id: 'racks', name: 'Racks' }]),
        ],
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('is refused from the desk, 400 USM_ERR_VALIDATION naming the field', async () => {
    const refused = await gateway.desk('POST', '/v1/desk/agreements', { id: 'dc-racks', provider: 'dc', services: ['racks'], serviceLevels: levels(HUGE) });
    expect(refused).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION' } });
    expect(refused.body.errors.map((e: any) => e.path)).toContain('body/serviceLevels/targets/0/resolutionMinutes');
    const extra = await gateway.desk('POST', '/v1/desk/agreements', { id: 'dc-racks', provider: 'dc', services: ['racks'], serviceLevels: { supportHours: '24x7', targets: [{ priority: 2, responseMinutes: 10, resolutionMinutes: 60, note: 'x' }] } });
    expect(extra).toMatchObject({ status: 400, body: { code: 'USM_ERR_VALIDATION' } });
    expect((await gateway.desk('GET', '/v1/desk/agreements/dc-racks')).status).toBe(404);
  });

  it('is refused when a partner offers it in a signed document, and nothing is kept', async () => {
    const client = gateway.client(hospital);
    for (const [minutes, field] of [[HUGE, 'resolutionMinutes'], [0, 'resolutionMinutes'], [12.5, 'resolutionMinutes']] as const) {
      const document = JSON.stringify({ id: 'hospital-offer', version: 1, provider: 'provider', customer: 'hospital', services: ['workplace'], serviceLevels: levels(minutes) });
      const answer = await client.send('/v1/messages', client.envelope('agreement.propose', { document, signature: signDetached(Buffer.from(document), hospital.key) }));
      expect(answer.status).toBe(400);
      expect((answer.body as any).code).toBe('USM_ERR_VALIDATION');
      expect((answer.body as any).errors).toEqual([{ path: `body/data/document/serviceLevels/targets/0/${field}`, message: expect.stringContaining(`${MAX_TARGET_MINUTES}`) }]);
    }
    expect((await gateway.desk('GET', '/v1/desk/agreements/hospital-offer')).status).toBe(404);
    // The same offer within the bounds is taken.
    const document = JSON.stringify({ id: 'hospital-offer', version: 1, provider: 'provider', customer: 'hospital', services: ['workplace'], serviceLevels: levels(MAX_TARGET_MINUTES) });
    const taken = await client.send('/v1/messages', client.envelope('agreement.propose', { document, signature: signDetached(Buffer.from(document), hospital.key) }));
    expect(taken.status).toBe(200);
  });
});
