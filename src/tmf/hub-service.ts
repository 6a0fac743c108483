import type { Dispatcher } from 'undici';
import { codeOf } from '../kernel/gateway-error.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import type { SigningKey } from '../keys/jwk.js';
import { signDetachedAt } from '../messages/jws.js';
import type { CallbackPolicy, Partner, PartnerDirectory } from '../partners/partner-directory.js';
import type { StoredEvent } from '../ports/call.js';
import type { WebhookStore, WebhookSubscription } from '../ports/webhook-store.js';
import { checkCallback, guardedDispatcher, type Resolve } from './callback-guard.js';
import { parseHubQuery, queryTakes, ticketAsOf, tmfEventDocument, tmfEventTypeOf, type HubQuery } from './hub-events.js';
import type { TicketService } from './ticket-service.js';

/** TMF630's Hub: a partner's subscription to the events of its tickets. */
export interface Hub {
  readonly id: string;
  readonly href: string;
  readonly '@type': 'Hub';
  readonly callback: string;
  readonly query: string | null;
}

export interface HubService {
  /** Subscribes the partner's listener; refused with 422 USM_ERR_CALLBACK_REFUSED when the callback may not be called. */
  create(partner: Partner, request: { readonly callback: string; readonly query?: string | null }): Promise<Hub>;
  /** The partner's own subscription; 404 for another partner's or none. */
  get(partner: Partner, id: string): Promise<Hub>;
  remove(partner: Partner, id: string): Promise<void>;
}

/** How many live subscriptions a partner may have: each one is a delivery stream of its own. */
export const MAX_HUBS_PER_PARTNER = 10;

/** The header of a delivery's signature: a detached JWS over the exact body, by the gateway's key (docs/tmf621.md). */
export const HUB_SIGNATURE_HEADER = 'usm-signature';

export function createHubService(deps: {
  readonly store: WebhookStore;
  readonly now: () => number;
  readonly hrefOf: (id: string) => string;
  readonly resolve?: Resolve;
  /** Told once a subscription is stored, so that deliveries to it begin with the next commit. */
  readonly subscribed: () => void;
}): HubService {
  const viewOf = (s: WebhookSubscription): Hub => ({ id: s.id, href: deps.hrefOf(s.id), '@type': 'Hub', callback: s.url, query: s.query ?? null });
  const own = async (partner: Partner, id: string): Promise<WebhookSubscription> => {
    const found = await deps.store.getWebhook(id);
    if (found === undefined || found.format !== 'tmf621' || found.partner !== partner.id) throw new GatewayError('USM_ERR_NOT_FOUND', `no hub subscription ${id}`);
    return found;
  };
  return {
    async create(partner, request) {
      if (!partner.roles.includes('customer')) throw new GatewayError('USM_ERR_FORBIDDEN', 'only customers subscribe to trouble ticket events');
      const given = request.query ?? undefined;
      const query = parseHubQuery(given);
      if (typeof query === 'string') throw new GatewayError('USM_ERR_VALIDATION', query, { errors: [{ path: 'body/query', message: query }] });
      await checkCallback(request.callback, partner.callbacks, deps.resolve);
      const live = (await deps.store.listWebhooks()).filter((w) => w.format === 'tmf621' && w.partner === partner.id).length;
      if (live >= MAX_HUBS_PER_PARTNER) throw new GatewayError('USM_ERR_SUBSCRIPTION_LIMIT', `the partner has ${live} subscriptions: end one (DELETE /hub/{id}) before adding another`);
      const subscription: WebhookSubscription = {
        id: uuidv7(deps.now()),
        url: request.callback,
        format: 'tmf621',
        secrets: [],
        events: [],
        createdAt: new Date(deps.now()).toISOString(),
        deliveredThrough: await deps.store.lastEventSeq(),
        failures: 0,
        lastError: null,
        nextAttemptAt: null,
        partner: partner.id,
        ...(given !== undefined ? { query: given } : {}),
      };
      await deps.store.createWebhook(subscription);
      deps.subscribed();
      return viewOf(subscription);
    },
    get: async (partner, id) => viewOf(await own(partner, id)),
    async remove(partner, id) {
      await own(partner, id);
      await deps.store.deleteWebhook(id);
    },
  };
}

/**
 * Writes one call event for a partner's `/hub` subscription (the webhook dispatcher's renderer of
 * the `tmf621` format): the TMF621 event document with the ticket as the partner sees it, signed
 * with the gateway's key, sent through a dispatcher that connects to allowed addresses only. An
 * event of another partner's call, an event TMF621 does not tell, or one the query leaves out is
 * passed over; a callback the partner's config no longer allows fails the attempt.
 */
export function hubRenderer(deps: {
  readonly partners: PartnerDirectory;
  readonly tickets: TicketService;
  readonly signingKey: () => SigningKey;
  readonly self: string;
  readonly timeoutMs: number;
  readonly resolve?: Resolve;
}) {
  const dispatchers = new Map<CallbackPolicy, Promise<Dispatcher>>();
  const queries = new Map<string, HubQuery>();
  const dispatcherFor = (policy: CallbackPolicy): Promise<Dispatcher> => {
    let found = dispatchers.get(policy);
    if (found === undefined) dispatchers.set(policy, (found = guardedDispatcher(policy, deps.timeoutMs)));
    return found;
  };
  const queryOf = (query: string | undefined): HubQuery => {
    const key = query ?? '';
    let found = queries.get(key);
    if (found === undefined) {
      const parsed = parseHubQuery(query);
      queries.set(key, (found = typeof parsed === 'string' ? {} : parsed));
    }
    return found;
  };
  return {
    async render(subscription: WebhookSubscription, event: StoredEvent, nowMs: number) {
      const type = tmfEventTypeOf(event);
      if (type === undefined || !queryTakes(queryOf(subscription.query), type, event.callId)) return undefined;
      const partner = subscription.partner === undefined ? undefined : deps.partners.get(subscription.partner);
      if (partner === undefined) throw new Error(`partner ${subscription.partner ?? '?'} of the subscription is no longer configured`);
      let ticket;
      try {
        ticket = await deps.tickets.get(partner, event.callId);
      } catch (error) {
        // Another customer's call: not this partner's to hear of.
        if (codeOf(error) === 'USM_ERR_NOT_FOUND' || codeOf(error) === 'USM_ERR_FORBIDDEN') return undefined;
        throw error;
      }
      await checkCallback(subscription.url, partner.callbacks, deps.resolve);
      const body = JSON.stringify(tmfEventDocument(type, event, ticketAsOf(ticket, event.at), deps.self));
      return {
        headers: {
          'content-type': 'application/json',
          [HUB_SIGNATURE_HEADER]: signDetachedAt(Buffer.from(body), deps.signingKey(), Math.floor(nowMs / 1000)),
        },
        body,
        dispatcher: await dispatcherFor(partner.callbacks!),
      };
    },
    async close() {
      await Promise.all([...dispatchers.values()].map(async (d) => (await d).close()));
    },
  };
}
