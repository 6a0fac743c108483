import type { StoredEvent } from '../ports/call.js';
import type { LifecycleChange } from '../usm/call-lifecycle.js';
import type { TroubleTicket } from './ticket-mapping.js';

/** The TMF621 v5 events a `/hub` subscription is told. */
export const TMF_EVENT_TYPES = [
  'TroubleTicketCreateEvent',
  'TroubleTicketAttributeValueChangeEvent',
  'TroubleTicketStatusChangeEvent',
  'TroubleTicketResolvedEvent',
  'TroubleTicketInformationRequiredEvent',
] as const;
export type TmfEventType = (typeof TMF_EVENT_TYPES)[number];

/**
 * The TMF621 event a call event is, if any: a new call is a create event; a change of public status
 * a status change event, except a change to `pending` (the provider waits for the customer), which
 * is an information-required event; a resolution a resolved event (after its status change event);
 * a public note an attribute value change of `note`. Internal notes, steps, workflows, forks and the
 * rest are the provider's own and not told.
 */
export function tmfEventTypeOf(event: StoredEvent): TmfEventType | undefined {
  switch (event.type) {
    case 'call.created':
      return 'TroubleTicketCreateEvent';
    case 'call.status_changed': {
      const change = event.payload.change as Extract<LifecycleChange, { kind: 'status' }> | undefined;
      // The first status of a new call comes with its create event.
      if (change?.from === null) return undefined;
      return change?.to === 'pending' ? 'TroubleTicketInformationRequiredEvent' : 'TroubleTicketStatusChangeEvent';
    }
    case 'call.resolved':
      return 'TroubleTicketResolvedEvent';
    case 'call.note_added':
      return (event.payload.note as { visibility?: string } | undefined)?.visibility === 'public' ? 'TroubleTicketAttributeValueChangeEvent' : undefined;
    default:
      return undefined;
  }
}

/** What a subscription's `query` asks for: some event types, some tickets (none named: all). */
export interface HubQuery {
  readonly eventTypes?: ReadonlySet<TmfEventType>;
  readonly ticketIds?: ReadonlySet<string>;
}

/**
 * Reads a TMF630 query: `&`-separated `name=value` terms, a value being a `,`-separated list;
 * `eventType` (the events above) and `event.troubleTicket.id`. Anything else is a string saying why not.
 */
export function parseHubQuery(query: string | undefined): HubQuery | string {
  if (query === undefined || query.trim() === '') return {};
  const eventTypes = new Set<TmfEventType>();
  const ticketIds = new Set<string>();
  for (const term of query.split('&')) {
    const at = term.indexOf('=');
    const name = decodeURIComponent(at < 0 ? term : term.slice(0, at)).trim();
    const values = at < 0 ? [] : term.slice(at + 1).split(',').map((v) => decodeURIComponent(v).trim()).filter((v) => v !== '');
    if (values.length === 0) return `query term ${name} has no value`;
    if (name === 'eventType') {
      for (const value of values) {
        if (!(TMF_EVENT_TYPES as readonly string[]).includes(value)) return `eventType ${value} is not one of ${TMF_EVENT_TYPES.join(', ')}`;
        eventTypes.add(value as TmfEventType);
      }
    } else if (name === 'event.troubleTicket.id') {
      for (const value of values) ticketIds.add(value);
    } else return `query term ${name} is not supported: use eventType and event.troubleTicket.id`;
  }
  return { ...(eventTypes.size > 0 ? { eventTypes } : {}), ...(ticketIds.size > 0 ? { ticketIds } : {}) };
}

export function queryTakes(query: HubQuery, type: TmfEventType, ticketId: string): boolean {
  return (query.eventTypes?.has(type) ?? true) && (query.ticketIds?.has(ticketId) ?? true);
}

/**
 * The ticket as it was when the event happened, for the members that say what happened: its status,
 * status changes and notes up to then (and `resolutionDate` and `lastUpdate` not after it); the
 * other members as they are when the event is delivered.
 */
export function ticketAsOf(ticket: TroubleTicket, at: string): TroubleTicket {
  const history = (ticket.statusChangeHistory as readonly { status: string; statusChangeDate: string }[] | undefined)?.filter((h) => h.statusChangeDate <= at);
  const notes = (ticket.note as readonly { date?: string }[] | undefined)?.filter((n) => n.date === undefined || n.date <= at);
  const { resolutionDate, ...rest } = ticket as TroubleTicket & { resolutionDate?: string; lastUpdate?: string };
  return {
    ...rest,
    ...(history !== undefined && history.length > 0 ? { status: history.at(-1)!.status, statusChangeHistory: history } : {}),
    ...(notes !== undefined ? { note: notes } : {}),
    ...(resolutionDate !== undefined && resolutionDate <= at ? { resolutionDate } : {}),
    ...(typeof rest.lastUpdate === 'string' && rest.lastUpdate > at ? { lastUpdate: at } : {}),
  };
}

/** The TMF621 v5 event document a listener receives. */
export interface TmfEventDocument {
  readonly '@type': TmfEventType;
  readonly eventId: string;
  readonly eventTime: string;
  readonly eventType: TmfEventType;
  readonly timeOccurred: string;
  readonly correlationId: string;
  readonly domain: 'troubleTicket';
  readonly reportingSystem: { readonly id: string; readonly '@type': 'ReportingResource' };
  readonly event: { readonly troubleTicket: TroubleTicket };
}

export function tmfEventDocument(type: TmfEventType, event: StoredEvent, ticket: TroubleTicket, reporter: string): TmfEventDocument {
  return {
    '@type': type,
    eventId: event.id,
    eventTime: event.at,
    eventType: type,
    timeOccurred: event.at,
    correlationId: event.callId,
    domain: 'troubleTicket',
    reportingSystem: { id: reporter, '@type': 'ReportingResource' },
    event: { troubleTicket: ticket },
  };
}
