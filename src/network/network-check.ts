import type { JWK } from 'jose';
import type { AgreementConfig, UnderpinningConfig } from '../config/load-config.js';
import type { Network, NetworkParty } from './network-model.js';
import { covers, parseSupportHours } from '../usm/support-hours.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly party?: string;
  /** The supplier link the finding is about, as `customer->supplier`. */
  readonly link?: string;
}

export interface CheckOptions {
  /** What a provider needs on top of its supplier's resolution target (minutes). */
  readonly marginMinutes: number;
  /** Keys fetched from each gateway's /.well-known/jwks.json, replacing the files (online check). */
  readonly onlineKeys?: ReadonlyMap<string, readonly JWK[] | Error>;
}

/**
 * Checks a whole network before anyone depends on it: every partner reference resolves both ways,
 * keys and URLs match what each gateway publishes, no supplier links form a cycle, every route
 * reaches a service the supplier offers under an agreement both sides hold, and every service level
 * promised to a customer is backed by a tighter one from the supplier (resolution target plus the
 * provider's margin, and support hours that cover the customer's); a supplier that closes resolved
 * sub-calls sooner than the customer may answer the provider is a warning.
 */
export function checkNetwork(network: Network, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (f: Finding): void => void findings.push(f);
  for (const e of network.loadErrors) add({ severity: 'error', code: 'NET_LOAD', message: `${e.file}: ${e.message}` });
  const { parties } = network;

  for (const party of parties.values()) {
    for (const partner of party.config.partners) {
      const other = parties.get(partner.id);
      const link = partner.roles.includes('supplier') ? `${party.id}->${partner.id}` : `${partner.id}->${party.id}`;
      if (other === undefined) {
        if (partner.url !== undefined) add({ severity: 'error', code: 'NET_UNKNOWN_PARTY', party: party.id, link, message: `${party.id} links to ${partner.id}, which is not in the network` });
        continue;
      }
      const back = other.config.partners.find((p) => p.id === party.id);
      for (const role of ['supplier', 'customer'] as const) {
        const opposite = role === 'supplier' ? 'customer' : 'supplier';
        if (partner.roles.includes(role) && !(back?.roles.includes(opposite) ?? false)) {
          add({ severity: 'error', code: 'NET_ONE_SIDED', party: party.id, link, message: `${party.id} names ${partner.id} as ${role}, but ${partner.id} does not name ${party.id} as ${opposite}` });
        }
      }
      if (partner.url !== undefined && other.config.publicUrl !== undefined && stripSlash(partner.url) !== stripSlash(other.config.publicUrl)) {
        add({ severity: 'error', code: 'NET_URL_MISMATCH', party: party.id, link, message: `${party.id} reaches ${partner.id} at ${partner.url}, but ${partner.id} publishes ${other.config.publicUrl}` });
      }
      checkKeys(party, partner.id, (partner.jwks?.keys ?? []) as JWK[], keysOf(other, options), add, link);
    }
  }

  for (const cycle of supplierCycles(network)) add({ severity: 'error', code: 'NET_CYCLE', message: `supplier links form a loop: ${cycle.join(' -> ')}` });

  for (const party of parties.values()) {
    for (const contract of party.config.underpinning) {
      const supplier = parties.get(contract.supplier);
      if (supplier === undefined) continue;
      const link = `${party.id}->${supplier.id}`;
      const mirror = supplier.config.agreements.find((a) => a.id === contract.id);
      if (mirror === undefined || mirror.customer !== party.id) {
        add({ severity: 'error', code: 'NET_AGREEMENT_MISSING', party: party.id, link, message: `${party.id}'s underpinning agreement ${contract.id} is not an agreement of ${supplier.id} with ${party.id}` });
        continue;
      }
      if (JSON.stringify(contract.serviceLevels) !== JSON.stringify(mirror.serviceLevels)) {
        add({ severity: 'error', code: 'NET_AGREEMENT_LEVELS', party: party.id, link, message: `${party.id} and ${supplier.id} hold different service levels for agreement ${contract.id}` });
      }
      const missing = contract.services.filter((s) => !mirror.services.includes(s));
      if (missing.length > 0) add({ severity: 'error', code: 'NET_AGREEMENT_SERVICES', party: party.id, link, message: `${supplier.id}'s agreement ${contract.id} does not cover ${missing.join(', ')}` });
    }
    for (const route of party.config.routes) {
      const supplier = parties.get(route.supplier);
      if (supplier === undefined) continue;
      const link = `${party.id}->${supplier.id}`;
      if (!supplier.config.services.some((s) => s.id === route.supplierService)) {
        add({ severity: 'error', code: 'NET_ROUTE_SERVICE', party: party.id, link, message: `${party.id} routes ${route.service} to ${supplier.id}'s ${route.supplierService}, which ${supplier.id} does not offer` });
      }
      const contract = party.config.underpinning.find((u) => u.id === route.agreement);
      if (contract === undefined) continue;
      for (const agreement of party.config.agreements.filter((a) => a.services.includes(route.service))) {
        checkBackToBack(party, agreement, contract, supplier.id, options.marginMinutes, add);
      }
    }
  }
  return findings;
}

function checkKeys(party: NetworkParty, partnerId: string, trusted: JWK[], published: readonly JWK[] | Error | undefined, add: (f: Finding) => void, link: string): void {
  if (published instanceof Error) {
    add({ severity: 'error', code: 'NET_KEYS_UNREACHABLE', party: party.id, link, message: `cannot read ${partnerId}'s published keys: ${published.message}` });
    return;
  }
  if (published === undefined) {
    add({ severity: 'warning', code: 'NET_KEYS_UNKNOWN', party: party.id, link, message: `${partnerId} publishes no keys here (${partnerId}.jwks.json); ${party.id}'s keys for it are not checked` });
    return;
  }
  const id = (k: JWK) => `${k.kid}:${k.x}:${k.y ?? ''}`;
  const trustedIds = new Set(trusted.map(id));
  const publishedIds = new Set(published.map(id));
  const missing = published.filter((k) => !trustedIds.has(id(k)));
  const stale = trusted.filter((k) => !publishedIds.has(id(k)));
  if (missing.length > 0) add({ severity: 'error', code: 'NET_KEY_MISMATCH', party: party.id, link, message: `${party.id} does not trust ${partnerId}'s key(s) ${missing.map((k) => k.kid).join(', ')}` });
  if (stale.length > 0) add({ severity: 'warning', code: 'NET_KEY_STALE', party: party.id, link, message: `${party.id} still trusts key(s) ${stale.map((k) => k.kid).join(', ')} that ${partnerId} no longer publishes` });
}

function checkBackToBack(party: NetworkParty, agreement: AgreementConfig, contract: UnderpinningConfig, supplier: string, margin: number, add: (f: Finding) => void): void {
  const link = `${party.id}->${supplier}`;
  for (const promised of agreement.serviceLevels.targets) {
    const backing = contract.serviceLevels.targets.find((t) => t.priority === promised.priority);
    if (backing === undefined) {
      add({ severity: 'error', code: 'NET_TARGET_UNBACKED', party: party.id, link, message: `${party.id} promises ${agreement.customer} priority ${promised.priority} resolution in ${promised.resolutionMinutes} min (${agreement.id}), but ${contract.id} with ${supplier} sets no target for priority ${promised.priority}` });
    } else if (promised.resolutionMinutes < backing.resolutionMinutes + margin) {
      add({
        severity: 'error',
        code: 'NET_TARGET_TOO_TIGHT',
        party: party.id,
        link,
        message: `${party.id} promises ${agreement.customer} priority ${promised.priority} resolution in ${promised.resolutionMinutes} min (${agreement.id}), but ${supplier} may take ${backing.resolutionMinutes} min (${contract.id}) and ${party.id} needs ${margin} min of its own`,
      });
    }
  }
  // The provider confirms its supplier's sub-call when its own call closes, which its customer may hold open for its window.
  const supplierWindow = contract.serviceLevels.confirmationHours;
  const customerWindow = agreement.serviceLevels.confirmationHours;
  if (supplierWindow !== undefined && (customerWindow === undefined || supplierWindow < customerWindow)) {
    add({
      severity: 'warning',
      code: 'NET_CONFIRMATION_WINDOW',
      party: party.id,
      link,
      message: `${supplier} closes a resolved sub-call unanswered after ${supplierWindow} h (${contract.id}), but ${agreement.customer} may answer ${party.id} ${customerWindow === undefined ? 'at any time' : `for ${customerWindow} h`} (${agreement.id}): a rejection may find the sub-call closed`,
    });
  }
  const outer = parseSupportHours(contract.serviceLevels.supportHours);
  const inner = parseSupportHours(agreement.serviceLevels.supportHours);
  const covered = outer !== undefined && inner !== undefined ? covers(outer, inner) : undefined;
  if (covered === false) {
    add({ severity: 'error', code: 'NET_HOURS', party: party.id, link, message: `${supplier}'s support hours (${contract.serviceLevels.supportHours}, ${contract.id}) do not cover those ${party.id} promises ${agreement.customer} (${agreement.serviceLevels.supportHours}, ${agreement.id})` });
  } else if (covered === undefined) {
    add({ severity: 'warning', code: 'NET_HOURS_UNCLEAR', party: party.id, link, message: `cannot compare support hours "${contract.serviceLevels.supportHours}" (${contract.id}) with "${agreement.serviceLevels.supportHours}" (${agreement.id})` });
  }
}

function supplierCycles(network: Network): string[][] {
  const edges = new Map<string, string[]>();
  for (const party of network.parties.values()) edges.set(party.id, party.config.partners.filter((p) => p.roles.includes('supplier')).map((p) => p.id));
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(id)), id]);
      return;
    }
    state.set(id, 'visiting');
    path.push(id);
    for (const next of edges.get(id) ?? []) visit(next);
    path.pop();
    state.set(id, 'done');
  };
  for (const id of [...edges.keys()].sort()) visit(id);
  return cycles;
}

function keysOf(party: NetworkParty, options: CheckOptions): readonly JWK[] | Error | undefined {
  return options.onlineKeys?.get(party.id) ?? party.publishedKeys;
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
