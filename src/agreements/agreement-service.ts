import { randomUUID } from 'node:crypto';
import type { MessageContext } from '../ports/inbound-message.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { components } from '../generated/api.js';
import type { SigningKey } from '../keys/jwk.js';
import type { OutboundMessages } from '../delivery/outbound-messages.js';
import type { NewOutboxMessage } from '../ports/outbox-store.js';
import { signDetached, verifyDetached } from '../messages/jws.js';
import type { Partner, PartnerDirectory } from '../partners/partner-directory.js';
import type { AgreementRegistry } from './agreement-registry.js';
import type { AgreementDocument, AgreementStore, AgreementVersion, ServiceLevels, ServiceLevelsByService } from '../ports/agreement-store.js';
import { validityProblem, type Validity } from '../usm/validity.js';
import { accept, acknowledge, activeVersion, offer, parseDocument, parseNotice, receiveOffer, reject, serviceLevelsByServiceProblem, serviceLevelsProblem, terminate, terminatedAt, terminationNotice } from './negotiation.js';

type Schemas = components['schemas'];
export type NegotiationMessageType = 'agreement.propose' | 'agreement.counter' | 'agreement.accept' | 'agreement.reject' | 'agreement.terminate' | 'agreement.acknowledge';
export const NEGOTIATION_MESSAGE_TYPES: readonly NegotiationMessageType[] = ['agreement.propose', 'agreement.counter', 'agreement.accept', 'agreement.reject', 'agreement.terminate', 'agreement.acknowledge'];

/** What an offer proposes: the services, their levels and the validity period. */
export interface Terms extends Validity {
  readonly services: string[];
  readonly serviceLevels: ServiceLevels;
  readonly serviceLevelsByService?: ServiceLevelsByService | undefined;
}

/** What one change to agreements writes: the versions and the messages to the other party. */
export interface AgreementChange {
  readonly versions: readonly AgreementVersion[];
  readonly outbox: readonly NewOutboxMessage[];
}

/** A first offer prepared but not written: what `propose` would commit, for a caller that commits it with more (a wish held). */
export interface PreparedOffer extends AgreementChange {
  readonly offered: AgreementVersion;
}

/**
 * Commits a change that settles (accepts or rejects) a negotiation opened for a call (`forCall`),
 * together with what that call does about it, in one transaction; `message` is the partner's
 * message behind it, recorded with the commit.
 */
export type SettleForCall = (settled: AgreementVersion, change: AgreementChange, message?: MessageContext<AgreementVersion>) => Promise<void>;

export interface AgreementService {
  /** The newest version of every negotiated agreement. */
  list(): Promise<AgreementVersion[]>;
  versions(id: string): Promise<AgreementVersion[]>;
  /** A first offer (or a new version): to a supplier (`provider`), or as provider to a customer (`customer`). */
  propose(request: { id?: string; provider?: string; customer?: string; forCall?: string } & Terms): Promise<AgreementVersion>;
  /** `propose` without the commit: the caller writes the change (and tells `committed` once it did). */
  prepareProposal(request: { id?: string; provider: string; forCall: string } & Terms): Promise<PreparedOffer>;
  counter(id: string, terms: Terms): Promise<AgreementVersion>;
  accept(id: string): Promise<AgreementVersion>;
  reject(id: string, reason: string | undefined): Promise<AgreementVersion>;
  /** Ends the active version from `effectiveAt`: this side signs the notice, the other acknowledges it. */
  terminate(id: string, request: { effectiveAt: string; reason?: string }): Promise<AgreementVersion>;
  /** A negotiation message from the partner on the other side. */
  receive(sender: Partner, type: NegotiationMessageType, data: unknown, message: MessageContext<AgreementVersion>): Promise<AgreementVersion>;
}

/**
 * Negotiates agreements across the link. Each offer is signed by the party making it; the accepted
 * version carries both signatures and both gateways keep it. The active version of an agreement
 * then decides, on the provider's side, which calls the customer may submit and their service levels.
 */
export function createAgreementService(deps: {
  readonly self: string;
  readonly store: AgreementStore;
  readonly partners: PartnerDirectory;
  readonly registry: AgreementRegistry;
  readonly signingKey: SigningKey;
  /** The signature algorithms accepted on the other party's offers and acceptances. */
  readonly algorithms: readonly string[];
  readonly outbound: OutboundMessages;
  readonly now: () => number;
  readonly onCommit?: (partners: readonly string[]) => void;
  /** Commits the settling of a negotiation opened for a call with that call's change (a wish resumed). */
  readonly settleForCall?: SettleForCall;
}): AgreementService {
  const { self, store } = deps;
  const at = (): string => new Date(deps.now()).toISOString();
  const sign = (document: string): string => signDetached(Buffer.from(document), deps.signingKey);
  const otherParty = (version: Pick<AgreementVersion, 'provider' | 'customer'>): string => (version.provider === self ? version.customer : version.provider);

  async function versionsOf(id: string): Promise<AgreementVersion[]> {
    const versions = await store.agreementVersions(id);
    if (versions.length === 0) throw new GatewayError('USM_ERR_AGREEMENT_NOT_FOUND', `no negotiated agreement ${id}`);
    return versions;
  }

  async function save(changed: readonly AgreementVersion[], outbox: readonly NewOutboxMessage[]): Promise<void> {
    await store.commitAgreement({ versions: changed, outbox });
    deps.onCommit?.(outbox.map((m) => m.partner));
  }

  /** Accepting or rejecting: a negotiation opened for a call settles with that call's change, the rest is saved as is. */
  async function settle(changed: AgreementVersion[], outbox: NewOutboxMessage[], message?: MessageContext<AgreementVersion>): Promise<boolean> {
    const settled = changed.at(-1)!;
    if (settled.forCall === undefined || deps.settleForCall === undefined) return false;
    await deps.settleForCall(settled, { versions: changed, outbox }, message);
    if (outbox.length > 0) deps.onCommit?.(outbox.map((m) => m.partner));
    return true;
  }

  async function prepare(request: { id?: string; provider?: string; customer?: string; forCall?: string } & Terms): Promise<PreparedOffer> {
    const { provider, customer } = partiesOf(request);
    const other = provider === self ? customer : provider;
    const partner = deps.partners.get(other);
    const role = provider === self ? 'customer' : 'supplier';
    if (partner === undefined || !partner.roles.includes(role) || partner.url === undefined) {
      throw new GatewayError('USM_ERR_ROUTE_NOT_FOUND', `${other} is not a ${role} with a gateway`);
    }
    if (provider === self) {
      const unknown = request.services.filter((s) => !deps.registry.provides(s));
      if (unknown.length > 0) throw new GatewayError('USM_ERR_VALIDATION', `this provider has no service ${unknown.join(', ')}`, { errors: [{ path: 'body/services', message: `unknown services: ${unknown.join(', ')}` }] });
    }
    const id = request.id ?? `${customer}-${provider}-${randomUUID().slice(0, 8)}`;
    if (deps.registry.configured(id)) throw new GatewayError('USM_ERR_CONFLICT', `agreement ${id} is set in the configuration file`);
    const { versions, offered } = offer(await store.agreementVersions(id), { id, provider, customer, ...termsOf(request) }, self, sign, at(), request.forCall);
    const side = provider === self ? 'provider' : 'customer';
    return { versions, offered, outbox: [send(other, 'agreement.propose', { document: offered.document, signature: offered.signatures[side] })] };
  }

  const send = (to: string, type: NegotiationMessageType, data: object): NewOutboxMessage => deps.outbound.agreementMessage(to, type, randomUUID(), data);

  return {
    async list() {
      const latest = new Map<string, AgreementVersion>();
      for (const version of await store.listAgreementVersions()) latest.set(version.id, version);
      return [...latest.values()];
    },
    versions: versionsOf,

    async propose(request) {
      const prepared = await prepare(request);
      await save(prepared.versions, prepared.outbox);
      return prepared.offered;
    },
    prepareProposal: prepare,

    async counter(id, terms) {
      const existing = await versionsOf(id);
      const latest = existing.at(-1)!;
      const { versions, offered } = offer(existing, { id, provider: latest.provider, customer: latest.customer, ...termsOf(terms) }, self, sign, at());
      const side = latest.provider === self ? 'provider' : 'customer';
      await save(versions, [send(otherParty(latest), 'agreement.counter', { document: offered.document, signature: offered.signatures[side] })]);
      return offered;
    },

    async accept(id) {
      const existing = await versionsOf(id);
      const latest = existing.at(-1)!;
      const signature = sign(latest.document);
      const changed = accept(existing, latest.version, self, signature, at());
      const outbox = [send(otherParty(latest), 'agreement.accept', { id, version: latest.version, signature })];
      if (!(await settle(changed, outbox))) await save(changed, outbox);
      return changed.at(-1)!;
    },

    async reject(id, reason) {
      const existing = await versionsOf(id);
      const latest = existing.at(-1)!;
      const changed = reject(existing, latest.version, self, reason, at());
      const outbox = [send(otherParty(latest), 'agreement.reject', { id, version: latest.version, ...(reason !== undefined ? { reason } : {}) })];
      if (!(await settle(changed, outbox))) await save(changed, outbox);
      return changed.at(-1)!;
    },

    async terminate(id, request) {
      const existing = await versionsOf(id);
      const active = activeVersion(existing);
      if (active === undefined) throw new GatewayError('USM_ERR_CONFLICT', `agreement ${id} has no active version to terminate`);
      if (Date.parse(request.effectiveAt) < deps.now()) {
        throw new GatewayError('USM_ERR_VALIDATION', `effectiveAt ${request.effectiveAt} is in the past`, { errors: [{ path: 'body/effectiveAt', message: 'must not be in the past' }] });
      }
      const effectiveAt = new Date(request.effectiveAt).toISOString();
      const text = terminationNotice(active, self, effectiveAt, request.reason);
      const signature = sign(text);
      const changed = terminate(existing, parseNotice(text)!, text, signature, at());
      await save(changed, [send(otherParty(active), 'agreement.terminate', { notice: text, signature })]);
      return changed.at(-1)!;
    },

    async receive(sender, type, data, message) {
      const now = at();
      let changed: AgreementVersion[];
      const outbox: NewOutboxMessage[] = [];
      let settles = false;
      if (type === 'agreement.terminate') {
        const { notice: text, signature } = data as Schemas['AgreementTermination'];
        const notice = parseNotice(text);
        if (notice === undefined) throw new GatewayError('USM_ERR_VALIDATION', 'the notice is not a termination notice', { errors: [{ path: 'body/data/notice', message: 'must be a TerminationNotice' }] });
        const existing = await versionsOf(notice.id);
        checkParties(parseDocument(existing.at(-1)!), sender);
        if (notice.terminatedBy !== sender.id) throw new GatewayError('USM_ERR_FORBIDDEN', `${sender.id} sent a termination by ${notice.terminatedBy}`);
        verifySignature(sender, text, signature);
        changed = terminate(existing, notice, text, signature, now);
        // Acknowledged at once: this side signs the same notice bytes.
        const acknowledgement = sign(text);
        changed = acknowledge(changed, notice.version, self, acknowledgement, now);
        outbox.push(send(sender.id, 'agreement.acknowledge', { id: notice.id, version: notice.version, signature: acknowledgement }));
      } else if (type === 'agreement.acknowledge') {
        const { id, version, signature } = data as Schemas['TerminationAcknowledgement'];
        const existing = await versionsOf(id);
        checkParties(parseDocument(existing.at(-1)!), sender);
        const termination = activeVersion(existing)?.termination;
        if (termination === undefined) throw new GatewayError('USM_ERR_CONFLICT', `agreement ${id} has no termination to acknowledge`);
        verifySignature(sender, termination.notice, signature);
        changed = acknowledge(existing, version, sender.id, signature, now);
      } else if (type === 'agreement.propose' || type === 'agreement.counter') {
        const { document, signature } = data as Schemas['AgreementOffer'];
        const parsed = parseOffer(document);
        checkParties(parsed, sender);
        verifySignature(sender, document, signature);
        changed = receiveOffer(await store.agreementVersions(parsed.id), document, signature, sender.id, now).versions;
      } else if (type === 'agreement.accept') {
        const { id, version, signature } = data as Schemas['AgreementAcceptance'];
        const existing = await versionsOf(id);
        const latest = existing.at(-1)!;
        if (latest.version !== version) throw new GatewayError('USM_ERR_CONFLICT', `version ${version} of ${id} is not the open offer`);
        checkParties(parseDocument(latest), sender);
        verifySignature(sender, latest.document, signature);
        changed = accept(existing, version, sender.id, signature, now);
        settles = true;
      } else {
        const { id, version, reason } = data as Schemas['AgreementRejection'];
        const existing = await versionsOf(id);
        checkParties(parseDocument(existing.at(-1)!), sender);
        changed = reject(existing, version, sender.id, reason, now);
        settles = true;
      }
      const result = changed.at(-1)!;
      if (settles && (await settle(changed, outbox, message))) return result;
      await store.commitAgreement({ versions: changed, inbound: { ...message.record, callId: null, response: await message.respond(result) }, outbox });
      if (outbox.length > 0) deps.onCommit?.(outbox.map((m) => m.partner));
      return result;
    },
  };

  /** Who is who in a proposal: this gateway is the customer of `provider`, or the provider of `customer`. */
  function partiesOf(request: { provider?: string; customer?: string }): { provider: string; customer: string } {
    if ((request.provider === undefined) === (request.customer === undefined)) {
      throw new GatewayError('USM_ERR_VALIDATION', 'name either the provider (a supplier) or the customer of the proposed agreement', { errors: [{ path: 'body', message: 'must have exactly one of provider, customer' }] });
    }
    return request.provider !== undefined ? { provider: request.provider, customer: self } : { provider: self, customer: request.customer! };
  }

  function parseOffer(document: string): AgreementDocument {
    let parsed: AgreementDocument | undefined;
    try {
      parsed = JSON.parse(document) as AgreementDocument;
    } catch {
      // refused below
    }
    if (typeof parsed?.id !== 'string' || !Number.isInteger(parsed.version) || !Array.isArray(parsed.services) || typeof parsed.serviceLevels !== 'object') {
      throw new GatewayError('USM_ERR_VALIDATION', 'the offered document is not an agreement document');
    }
    // The bounds the contract sets on service levels: the document text is not checked against it on the way in.
    const problem = serviceLevelsProblem(parsed.serviceLevels);
    if (problem !== undefined) {
      const field = { path: `body/data/document/${problem.path}`, message: problem.message };
      throw new GatewayError('USM_ERR_VALIDATION', `the offered document: ${problem.path}: ${problem.message}`, { errors: [field] });
    }
    const perService = serviceLevelsByServiceProblem(parsed.serviceLevelsByService, parsed.services, parsed.serviceLevels);
    if (perService !== undefined) {
      throw new GatewayError('USM_ERR_VALIDATION', `the offered document: ${perService.path}: ${perService.message}`, { errors: [{ path: `body/data/document/${perService.path}`, message: perService.message }] });
    }
    const period = validityProblem(parsed);
    if (period !== undefined) {
      throw new GatewayError('USM_ERR_VALIDATION', `the offered document: ${period.path}: ${period.message}`, { errors: [{ path: `body/data/document/${period.path}`, message: period.message }] });
    }
    return parsed;
  }

  /** The sender must be the other party, in the role its partnership with us gives it. */
  function checkParties(document: AgreementDocument, sender: Partner): void {
    const asCustomer = document.provider === self && document.customer === sender.id && sender.roles.includes('customer');
    const asSupplier = document.customer === self && document.provider === sender.id && sender.roles.includes('supplier');
    if (!asCustomer && !asSupplier) throw new GatewayError('USM_ERR_FORBIDDEN', `${sender.id} is not the other party of agreement ${document.id}`);
  }

  function verifySignature(sender: Partner, document: string, signature: string): void {
    // Only the sender's own keys are looked up, so a signature by anyone else does not verify.
    verifyDetached(Buffer.from(document), signature, {
      algorithms: new Set(deps.algorithms),
      keyFor: (kid) => sender.keys.find((k) => k.kid === kid),
    });
  }
}

/** The desk's view of a version at `now` (milliseconds): a terminated version reads `terminated` from its effective date. */
export function agreementView(version: AgreementVersion, now: number): Schemas['NegotiatedAgreement'] {
  const document = parseDocument(version);
  return {
    id: version.id,
    version: version.version,
    provider: version.provider,
    customer: version.customer,
    status: version.status === 'active' && terminatedAt(version, now) ? 'terminated' : version.status,
    ...(version.termination !== undefined ? { termination: version.termination } : {}),
    ...(version.forCall !== undefined ? { forCall: version.forCall } : {}),
    services: document.services,
    serviceLevels: document.serviceLevels,
    ...validityOf(document),
    ...(document.serviceLevelsByService !== undefined ? { serviceLevelsByService: document.serviceLevelsByService } : {}),
    offeredBy: version.offeredBy,
    document: version.document,
    signatures: { ...version.signatures },
    ...(version.reason !== undefined ? { reason: version.reason } : {}),
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
  };
}

function termsOf(terms: Terms): Terms {
  return { services: terms.services, serviceLevels: terms.serviceLevels, ...validityOf(terms), ...(terms.serviceLevelsByService !== undefined ? { serviceLevelsByService: terms.serviceLevelsByService } : {}) };
}

/** The validity period of an agreement document or terms, only the ends that are set. */
export function validityOf(from: Validity): { validFrom?: string; validUntil?: string } {
  return { ...(from.validFrom !== undefined ? { validFrom: from.validFrom } : {}), ...(from.validUntil !== undefined ? { validUntil: from.validUntil } : {}) };
}
