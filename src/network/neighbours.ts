import type { OutboxWorker } from '../delivery/outbox-worker.js';
import type { components } from '../generated/api.js';
import type { Partner, PartnerDirectory } from '../partners/partner-directory.js';
import { describeConnectError, type PartnerAgents } from '../partners/partner-tls.js';
import type { Store } from '../ports/store.js';
import { undici } from '../kernel/undici.js';

type Neighbour = components['schemas']['Neighbour'];

/** The live view of this gateway's links: every partner gateway, whether it answers, and how delivery to it stands (queue, oldest waiting, dead letters, circuit, pause). */
export async function neighbours(deps: { partners: PartnerDirectory; store: Store; outbox: OutboxWorker; agents: PartnerAgents; timeoutMs?: number }): Promise<Neighbour[]> {
  const [last, queues, summary, paused, evidence, refused] = await Promise.all([
    deps.store.lastMessages(),
    deps.outbox.status(),
    deps.store.outboxSummary(),
    deps.store.pausedPartners(),
    deps.store.listWitnessEvidence(),
    deps.store.listRefusedCosignatures(),
  ]);
  const withGateway = deps.partners.all().filter((p) => p.url !== undefined);
  return Promise.all(
    withGateway.map(async (partner) => {
      const [probe, witnessed, cosigned] = await Promise.all([reach(partner, deps.agents, deps.timeoutMs ?? 2000), deps.store.lastPartnerCheckpoint(partner.id), deps.store.lastCosignature(partner.id)]);
      const seen = last.find((l) => l.partner === partner.id);
      const queue = queues.find((q) => q.partner === partner.id);
      const counts = summary.find((q) => q.partner === partner.id);
      const pause = paused.find((p) => p.partner === partner.id);
      return {
        partner: partner.id,
        roles: [...partner.roles],
        url: partner.url!,
        source: partner.source ?? 'local',
        ...probe,
        lastReceivedAt: seen?.lastReceivedAt ?? null,
        lastSentAt: seen?.lastSentAt ?? null,
        pending: queue?.pending ?? 0,
        circuit: queue?.circuit ?? 'closed',
        failures: queue?.failures ?? 0,
        clockSkew: queue?.clockSkew ?? null,
        paused: pause !== undefined,
        ...(pause !== undefined ? { pausedAt: pause.pausedAt } : {}),
        oldestPendingAt: counts?.oldestPendingAt ?? null,
        deadLetters: counts?.dead ?? 0,
        witnessed: witnessed === undefined ? null : { treeSize: witnessed.treeSize, rootHash: witnessed.rootHash, at: witnessed.at },
        logEvidence: evidence
          .filter((e) => e.partner === partner.id)
          .map((e) => ({ kind: e.kind, detail: e.detail, at: e.at, kept: e.kept.jws, offered: e.offered.jws, proof: e.proof === null ? null : [...e.proof] })),
        cosigned: cosigned === undefined ? null : { treeSize: cosigned.treeSize, rootHash: cosigned.rootHash, at: cosigned.at, cosignature: cosigned.jws },
        refusedCosignatures: refused.filter((r) => r.witness === partner.id).map((r) => ({ detail: r.detail, at: r.at, cosignature: r.jws })),
      };
    }),
  );
}

async function reach(partner: Partner, agents: PartnerAgents, timeoutMs: number): Promise<{ reachable: boolean; latencyMs: number | null; error?: string }> {
  try {
    const { request } = await undici();
    const dispatcher = await agents.of(partner);
    const started = performance.now();
    const response = await request(`${partner.url!.replace(/\/$/, '')}/healthz`, { dispatcher, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) });
    await response.body.dump();
    return { reachable: response.statusCode === 200, latencyMs: Math.round(performance.now() - started), ...(response.statusCode === 200 ? {} : { error: `HTTP ${response.statusCode}` }) };
  } catch (error) {
    return { reachable: false, latencyMs: null, error: describeConnectError(error) };
  }
}
