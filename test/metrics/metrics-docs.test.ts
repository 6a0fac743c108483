import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ADMIN_TOKEN, makePartner, removeDir, startGateway, type GatewayFixture } from '../support/gateway-fixture.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** `name type` of every metric family in an exposition (from its `# TYPE` lines). */
function familiesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** The metric names an expression mentions, histogram series folded into their family. */
function metricsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\b((?:usm_link|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1]!.replace(/_(bucket|sum|count)$/, '')));
}

describe('the documented metrics', () => {
  let gateway: GatewayFixture;
  let families: Map<string, string>;

  beforeAll(async () => {
    gateway = await startGateway({ partners: [await makePartner('hospital')] });
    const response = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    families = familiesOf(await response.text());
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('are the metrics a gateway exposes, each with its type (docs/deploy.md)', () => {
    const documented = new Map([...read('docs/deploy.md').matchAll(/^\| `(usm_link_[a-z0-9_]+)` \| (counter|gauge|histogram) \|/gm)].map((m) => [m[1]!, m[2]!]));
    const exposed = new Map([...families].filter(([name]) => name.startsWith('usm_link_')));
    expect(exposed.size).toBeGreaterThan(10);
    expect(Object.fromEntries([...documented].sort())).toEqual(Object.fromEntries([...exposed].sort()));
  });

  it('are the only ones the alert rules and the dashboard use', () => {
    const rules = parseYaml(read('docs/monitoring/alerts.yaml')) as { groups: { name: string; rules: Record<string, any>[] }[] };
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(alerts.length).toBeGreaterThan(5);
    for (const rule of alerts) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^UsmLink[A-Za-z]+$/);
      expect(typeof rule.expr).toBe('string');
      expect(['critical', 'warning', 'info']).toContain(rule.labels?.severity);
      expect(typeof rule.annotations?.summary).toBe('string');
    }
    const dashboard = JSON.parse(read('docs/monitoring/grafana-dashboard.json')) as { panels: { type: string; targets?: { expr: string }[] }[] };
    const expressions = [...alerts.map((r) => r.expr as string), ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr))];
    const used = new Set(expressions.flatMap((e) => [...metricsIn(e)]));
    expect([...used].filter((name) => !families.has(name))).toEqual([]);
    // What operators most need has a rule: a stale queue, dead letters, an open circuit, breaches, clock skew, a refused or expiring directory.
    for (const name of ['usm_link_outbox_oldest_pending_age_seconds', 'usm_link_outbox_dead_letters', 'usm_link_partner_circuit_state', 'usm_link_sla_breaches_total', 'usm_link_partner_clock_skew_seconds', 'usm_link_directory_refreshes_total', 'usm_link_directory_expiry_timestamp_seconds']) {
      expect(alerts.some((r) => metricsIn(r.expr).has(name)), name).toBe(true);
    }
  });
});
