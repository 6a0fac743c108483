import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, gatewayNode, gatewayPartner, incident, makePartner, removeDir, SERVICE_LEVELS, startGateway, type GatewayFixture, type GatewayNode, type TestPartner } from '../support/gateway-fixture.js';
import { startTracing, tracingSettings } from '../../src/tracing/tracing.js';
import { openStore } from '../../src/storage/open-store.js';
import { postgresSchema } from '../support/postgres.js';
import { newCall } from '../support/records.js';
import { noTracing } from '../../src/kernel/tracing.js';

const HOSTING = [{ id: 'hosting', name: 'Hosting' }];

interface CollectedSpan {
  readonly party: string;
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

/** An OTLP/HTTP collector on loopback taking JSON (`ExportTraceServiceRequest`) and keeping every span. */
async function collector(): Promise<{ url: string; spans: CollectedSpan[]; requests: () => number; close: () => Promise<void> }> {
  const spans: CollectedSpan[] = [];
  let requests = 0;
  const valueOf = (v: Record<string, unknown>): unknown => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
  const attributesOf = (list: { key: string; value: Record<string, unknown> }[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      expect(req.url).toBe('/v1/traces');
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: any[] };
      for (const rs of body.resourceSpans) {
        const resource = attributesOf(rs.resource?.attributes);
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({
              party: String(resource['usm.party']),
              service: String(resource['service.name']),
              name: s.name,
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId ?? '',
              kind: s.kind,
              attributes: attributesOf(s.attributes),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    spans,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A provider whose `workplace` incidents go to `supplier` on their own, and that supplier: two real gateways. */
async function chain(clinic: TestPartner, env: Record<string, string>): Promise<{ provider: GatewayFixture; supplier: GatewayFixture }> {
  const [p, s]: GatewayNode[] = await Promise.all([gatewayNode('provider'), gatewayNode('supplier')]);
  const supplier = await startGateway({
    partyId: s.id,
    port: s.port,
    signing: s.key,
    partners: [],
    env,
    config: { services: HOSTING, partners: [gatewayPartner(p, ['customer'])], agreements: [{ id: 'provider-supplier', customer: p.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }] },
  });
  const provider = await startGateway({
    partyId: p.id,
    port: p.port,
    signing: p.key,
    partners: [clinic],
    env,
    config: {
      partners: [{ id: clinic.id, name: clinic.id, roles: ['customer'], jwks: { keys: [clinic.key.jwk] } }, gatewayPartner(s, ['supplier'], HOSTING)],
      underpinning: [{ id: 'provider-supplier', supplier: s.id, services: ['hosting'], serviceLevels: SERVICE_LEVELS }],
      routes: [{ service: 'workplace', supplier: s.id, supplierService: 'hosting', agreement: 'provider-supplier', callTypes: ['incident'], mode: 'auto' }],
    },
  });
  return { provider, supplier };
}

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

/** The clinic submits an incident with its own traceparent; it reaches the supplier's desk. */
async function callThrough(provider: GatewayFixture, supplier: GatewayFixture, clinic: TestPartner): Promise<string> {
  const client = provider.client(clinic);
  const body = JSON.stringify(client.envelope('call.submit', incident({ externalRef: 'traced' }, clinic.id)));
  const answer = await client.sendRaw('/v1/calls', body, { 'content-type': 'application/json', 'usm-signature': client.sign(body), traceparent: `00-${TRACE}-${CLIENT_SPAN}-01` });
  expect(answer.status).toBe(201);
  await eventually(async () => ((await supplier.desk('GET', '/v1/desk/calls')).body.items.length === 1 ? true : false));
  return (answer.body as { call: { id: string } }).call.id;
}

describe('traces', () => {
  const open: GatewayFixture[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const g of open.splice(0)) {
      await g.close();
      await removeDir(g.dir);
    }
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('joins intake, verify, commit and delivery at one gateway to the intake at the next in one trace, and traces webhook deliveries, exported by OTLP/HTTP', async () => {
    const otlp = await collector();
    cleanups.push(otlp.close);
    const clinic = await makePartner('clinic');
    const env = { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_BSP_SCHEDULE_DELAY: '20', OTEL_SERVICE_NAME: 'usm-link-test' };
    const { provider, supplier } = await chain(clinic, env);
    open.push(provider, supplier);
    const hook = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => hook.close(() => resolve())));
    const hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
    expect((await provider.desk('POST', '/v1/desk/webhooks', { url: hookUrl, secret: 'webhook-secret-0123456789', events: ['call.created'] })).status).toBe(201);
    const callId = await callThrough(provider, supplier, clinic);

    const spans = await eventually(async () => {
      const found = otlp.spans.filter((s) => s.traceId === TRACE);
      return found.some((s) => s.party === 'supplier' && s.name === 'usm.intake') && found.some((s) => s.party === 'provider' && s.name === 'usm.deliver') ? found : false;
    });
    const at = (party: string, name: string) => spans.filter((s) => s.party === party && s.name === name);
    expect(spans.every((s) => s.service === 'usm-link-test')).toBe(true);

    const [intake] = at('provider', 'usm.intake');
    expect(intake).toBeDefined();
    expect(intake!.parentSpanId).toBe(CLIENT_SPAN);
    expect(intake!.kind).toBe(2); // SERVER
    expect(intake!.attributes).toMatchObject({
      'messaging.system': 'usm-link',
      'messaging.operation.type': 'receive',
      'messaging.destination.name': '/v1/calls',
      'usm.message.type': 'call.submit',
      'usm.partner': 'clinic',
      'usm.call.id': callId,
      'usm.outcome': 'accepted',
    });
    expect(typeof intake!.attributes['messaging.message.id']).toBe('string');
    const verify = at('provider', 'usm.verify');
    expect(verify.map((s) => s.parentSpanId)).toEqual([intake!.spanId]);
    expect(verify[0]!.attributes['usm.partner']).toBe('clinic');
    const commits = at('provider', 'usm.commit').filter((s) => s.parentSpanId === intake!.spanId);
    expect(commits.length).toBeGreaterThan(0);
    expect(commits[0]!.attributes['db.system.name']).toBe('sqlite');

    const delivered = at('provider', 'usm.deliver').filter((s) => s.attributes['usm.outcome'] === 'delivered');
    expect(delivered).toHaveLength(1);
    const delivery = delivered[0]!;
    expect(delivery.kind).toBe(4); // PRODUCER
    expect(delivery.attributes).toMatchObject({
      'messaging.system': 'usm-link',
      'messaging.operation.type': 'send',
      'usm.partner': 'supplier',
      'usm.message.type': 'call.submit',
      'messaging.destination.name': '/v1/calls',
    });

    // The supplier's intake is a child of the provider's delivery span: the traceparent sent named it.
    const there = at('supplier', 'usm.intake');
    expect(there.map((s) => s.parentSpanId)).toEqual([delivery.spanId]);
    expect(there[0]!.attributes).toMatchObject({ 'usm.partner': 'provider', 'usm.message.type': 'call.submit', 'usm.outcome': 'accepted' });
    expect(at('supplier', 'usm.verify').map((s) => s.parentSpanId)).toEqual([there[0]!.spanId]);
    expect(at('supplier', 'usm.commit').some((s) => s.parentSpanId === there[0]!.spanId)).toBe(true);

    // The desk tool's webhook delivery: a span of its own.
    const webhook = await eventually(async () => otlp.spans.find((s) => s.party === 'provider' && s.name === 'usm.webhook' && s.attributes['usm.call.id'] === callId) ?? false);
    expect(webhook.kind).toBe(4);
    expect(webhook.attributes).toMatchObject({ 'messaging.system': 'usm-link', 'messaging.operation.type': 'send', 'usm.event.type': 'call.created', 'usm.outcome': 'delivered', 'usm.webhook.format': 'usm-link' });

    // Refused messages end their intake spans too: a body that is not what was signed, and one the contract refuses.
    const client = provider.client(clinic);
    const refusedTrace = (n: number) => `${'ab'.repeat(15)}0${n}`;
    const body = JSON.stringify(client.envelope('call.submit', incident({ externalRef: 'tampered' }, clinic.id)));
    const tampered = await client.sendRaw('/v1/calls', body.replace('tampered', 'changed!'), { 'content-type': 'application/json', 'usm-signature': client.sign(body), traceparent: `00-${refusedTrace(1)}-${CLIENT_SPAN}-01` });
    expect(tampered.status).toBe(401);
    const invalid = JSON.stringify({ ...client.envelope('call.submit', incident({ externalRef: 'invalid' }, clinic.id)), data: 'not an object' });
    expect((await client.sendRaw('/v1/calls', invalid, { 'content-type': 'application/json', 'usm-signature': client.sign(invalid), traceparent: `00-${refusedTrace(2)}-${CLIENT_SPAN}-01` })).status).toBe(400);
    const refused = await eventually(async () => {
      const found = [1, 2].map((n) => otlp.spans.find((s) => s.traceId === refusedTrace(n) && s.name === 'usm.intake'));
      return found.every((s) => s !== undefined) ? (found as CollectedSpan[]) : false;
    });
    expect(refused.map((s) => s.attributes['usm.outcome'])).toEqual(['refused', 'refused']);
    expect(otlp.spans.find((s) => s.traceId === refusedTrace(1) && s.name === 'usm.verify')?.attributes).toMatchObject({ 'usm.outcome': 'refused', 'usm.error.code': 'USM_ERR_SIGNATURE_INVALID' });
    expect(refused[1]!.attributes['http.response.status_code']).toBe(400);
  });

  it('exports nothing and loads no SDK when the environment leaves tracing off', async () => {
    const otlp = await collector();
    cleanups.push(otlp.close);
    const clinic = await makePartner('clinic');
    // An endpoint with the exporter named `none`: still off.
    const { provider, supplier } = await chain(clinic, { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_BSP_SCHEDULE_DELAY: '20' });
    open.push(provider, supplier);
    await callThrough(provider, supplier, clinic);
    const tracing = (app: GatewayFixture) => (app.app as unknown as { gateway: { tracing: unknown } }).gateway.tracing;
    expect(tracing(provider)).toBe(noTracing);
    expect(tracing(supplier)).toBe(noTracing);
    await provider.close();
    await supplier.close();
    expect(otlp.requests()).toBe(0);
  });

  it('records a commit span on PostgreSQL inside a trace, and none for a write outside any', async () => {
    const otlp = await collector();
    cleanups.push(otlp.close);
    const schema = postgresSchema();
    cleanups.push(schema.drop);
    const tracing = await startTracing({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`, OTEL_BSP_SCHEDULE_DELAY: '20' }, { serviceName: 'usm-link', party: 'pg' });
    const store = await openStore(schema.url, { tracing });
    try {
      await tracing.span('outer', { parent: `00-${TRACE}-${CLIENT_SPAN}-01` }, () => store.commitCall({ call: newCall(), expectedVersion: null, history: [], notes: [], events: [] }));
      await store.commitCall({ call: newCall(), expectedVersion: null, history: [], notes: [], events: [] });
    } finally {
      await store.close();
      await tracing.close();
    }
    const outer = otlp.spans.find((s) => s.name === 'outer')!;
    expect(outer.traceId).toBe(TRACE);
    const commits = otlp.spans.filter((s) => s.name === 'usm.commit');
    expect(commits.map((s) => [s.parentSpanId, s.attributes['db.system.name']])).toEqual([[outer.spanId, 'postgresql']]);
  });

  it('reads the standard OTEL_* variables', () => {
    const defaults = { serviceName: 'usm-link', party: 'p', version: '1' };
    expect(tracingSettings({}, defaults)).toBeUndefined();
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, defaults)).toBeUndefined();
    expect(tracingSettings({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, defaults)).toBeUndefined();
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' }, defaults)).toMatchObject({ exporter: 'otlp', url: 'http://localhost:4318/v1/traces', serviceName: 'usm-link', sampler: 'parentbased_always_on' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/' }, defaults)).toMatchObject({ exporter: 'otlp', url: 'http://c:4318/v1/traces' });
    expect(
      tracingSettings(
        {
          OTEL_TRACES_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:4318/custom',
          OTEL_SERVICE_NAME: 'edge',
          OTEL_TRACES_SAMPLER: 'traceidratio',
          OTEL_TRACES_SAMPLER_ARG: '0.25',
          OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod',
          OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20x',
        },
        defaults,
      ),
    ).toMatchObject({ url: 'http://t:4318/custom', serviceName: 'edge', sampler: 'traceidratio', samplerArg: 0.25, resource: { 'usm.party': 'p', 'deployment.environment': 'prod' }, headers: { authorization: 'Bearer x' } });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'console' }, defaults)?.exporter).toBe('console');
  });
});
