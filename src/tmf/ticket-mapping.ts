import type { Agreement } from '../agreements/agreement-registry.js';
import type { CallRecord, CallSubmission, HistoryEntry, Note, NoteKind } from '../ports/call.js';
import type { Partner } from '../partners/partner-directory.js';
import { GatewayError } from '../kernel/gateway-error.js';
import type { LifecycleAction } from '../usm/call-lifecycle.js';
import type { CallType, PublicStatus } from '../usm/usm-model.js';
import type { Level } from '../usm/priority.js';

/** TMF621's ticketType for each USM call type (and back). */
export const TICKET_TYPES = { incident: 'incident', serviceRequest: 'service_request', changeRequest: 'rfc', wish: 'wish', risk: 'risk' } as const satisfies Record<string, CallType>;
export type TicketType = keyof typeof TICKET_TYPES;
const TYPE_OF_CALL = Object.fromEntries(Object.entries(TICKET_TYPES).map(([ticket, call]) => [call, ticket])) as Record<CallType, TicketType>;

/** TMF-style and MEF 124 severities, as USM impact. Answers use the TMF-style names. */
const IMPACT_OF_SEVERITY: Readonly<Record<string, Level>> = { critical: 'high', extensive: 'high', major: 'medium', significant: 'medium', moderate: 'medium', minor: 'low' };
const SEVERITY_OF_IMPACT: Readonly<Record<Level, string>> = { high: 'critical', medium: 'major', low: 'minor' };
const URGENCY_OF_PRIORITY: Readonly<Record<string, Level>> = { high: 'high', medium: 'medium', low: 'low' };

/** TMF621 members this facade knows but cannot map to a call: refused with 422 USM_ERR_TICKET_UNMAPPABLE. */
export const UNMAPPED_ON_CREATE = [
  'attachment',
  'channel',
  'requestedResolutionDate',
  'expectedResolutionDate',
  'troubleTicketRelationship',
  'troubleTicketCharacteristic',
  'troubleTicketSpecification',
  'status',
  'statusChangeReason',
  'note',
] as const;

/** The roles of a relatedParty entry that name the requester (the first one wins). */
const REQUESTER_ROLES = new Set(['requester', 'reporter', 'originator', 'contact']);

export interface TmfNote {
  readonly id?: string;
  readonly author?: string;
  readonly date?: string;
  readonly text: string;
}

interface PartyRef {
  readonly id?: string;
  readonly name?: string;
  readonly '@referredType'?: string;
}

interface RelatedParty {
  readonly role: string;
  readonly partyOrPartyRole: PartyRef;
}

interface RelatedEntity {
  readonly role: string;
  readonly entity: { readonly id: string; readonly name?: string; readonly '@referredType'?: string };
}

/** A ticket to create, as validated against openapi/tmf621.yaml (TroubleTicket_FVO). */
export interface TicketCreate {
  readonly name?: string;
  readonly description: string;
  readonly ticketType: TicketType;
  readonly severity: string;
  readonly priority?: string;
  readonly externalIdentifier?: readonly { readonly id: string; readonly owner?: string; readonly externalIdentifierType?: string }[];
  readonly relatedParty?: readonly RelatedParty[];
  readonly relatedEntity?: readonly RelatedEntity[];
  readonly [member: string]: unknown;
}

/** A merge patch, as validated (TroubleTicket_MVO). */
export interface TicketPatch {
  readonly status?: PublicStatus;
  readonly statusChangeReason?: string;
  readonly note?: readonly TmfNote[];
  readonly [member: string]: unknown;
}

export interface TroubleTicket {
  readonly id: string;
  readonly href: string;
  readonly '@type': 'TroubleTicket';
  readonly [member: string]: unknown;
}

function unmappable(member: string, why: string): GatewayError {
  return new GatewayError('USM_ERR_TICKET_UNMAPPABLE', `${member}: ${why}`, { errors: [{ path: `body/${member}`, message: why }] });
}

/**
 * The call a ticket asks for. The service and agreement come from `relatedEntity` (roles
 * `service`/`affectedService`/`product` and `agreement`), else from the partner's active agreements
 * when exactly one service (and agreement covering it) fits.
 */
export function submissionOf(ticket: TicketCreate, partner: Partner, agreements: readonly Agreement[]): CallSubmission {
  for (const member of UNMAPPED_ON_CREATE) {
    if (ticket[member] !== undefined) {
      throw unmappable(member, member === 'note' ? 'notes are added by PATCH once the ticket exists' : member === 'status' || member === 'statusChangeReason' ? 'a new ticket takes the status the provider gives it' : 'not mapped to a USM call');
    }
  }
  const impact = IMPACT_OF_SEVERITY[ticket.severity];
  if (impact === undefined) throw unmappable('severity', `${ticket.severity} is not one of ${Object.keys(IMPACT_OF_SEVERITY).join(', ')}`);
  const urgency = ticket.priority === undefined ? 'medium' : URGENCY_OF_PRIORITY[ticket.priority];
  if (urgency === undefined) throw unmappable('priority', `${ticket.priority} is not one of high, medium, low`);
  if ((ticket.externalIdentifier?.length ?? 0) > 1) throw unmappable('externalIdentifier', 'a call keeps one reference of the partner: send at most one');

  const entity = (roles: readonly string[], referred: string): RelatedEntity | undefined =>
    ticket.relatedEntity?.find((e) => roles.includes(e.role) || e.entity['@referredType'] === referred);
  const active = agreements.filter((a) => a.status === 'active');
  const named = entity(['service', 'affectedService', 'product'], 'Service')?.entity.id;
  const services = [...new Set(active.flatMap((a) => a.services))];
  const service = named ?? (services.length === 1 ? services[0] : undefined);
  if (service === undefined) throw unmappable('relatedEntity', 'name the service: a relatedEntity with role "service" and the service id');
  const agreementId = entity(['agreement', 'serviceLevelAgreement'], 'Agreement')?.entity.id ?? active.find((a) => a.services.includes(service))?.id;
  // No agreement of the partner covers the service: the call service refuses it with its own code.
  const agreement = agreementId ?? active[0]?.id ?? 'none';

  const party = ticket.relatedParty?.find((p) => REQUESTER_ROLES.has(p.role))?.partyOrPartyRole;
  const requester = { name: party?.name ?? partner.name, ...(party?.id !== undefined ? { id: party.id } : {}) };
  const summary = ticket.name ?? firstLine(ticket.description);
  const externalRef = ticket.externalIdentifier?.[0]?.id;
  return {
    type: TICKET_TYPES[ticket.ticketType],
    service,
    agreement,
    summary,
    ...(ticket.name !== undefined || summary !== ticket.description ? { description: ticket.description } : {}),
    impact,
    urgency,
    requester,
    ...(externalRef !== undefined ? { externalRef } : {}),
  };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return (line === '' ? text.trim() : line).slice(0, 200) || 'trouble ticket';
}

/** What a patch asks of the call: one lifecycle action, at most one new note, a comment for the history. */
export interface PatchRequest {
  readonly action?: LifecycleAction;
  readonly note?: { readonly text: string; readonly visibility: 'public'; readonly kind: NoteKind };
  readonly comment?: string;
}

/** Members fixed at creation: a patch may repeat them with the ticket's current value, not change them. */
const FIXED = ['name', 'description', 'ticketType', 'severity', 'priority', 'externalIdentifier', 'relatedParty', 'relatedEntity'] as const;
const NOT_PATCHABLE = ['attachment', 'channel', 'requestedResolutionDate', 'expectedResolutionDate', 'troubleTicketRelationship', 'troubleTicketCharacteristic', 'troubleTicketSpecification'] as const;

/**
 * Reads a merge patch against the ticket as it is now. New notes are the entries without the id of
 * an existing note (existing ones may be repeated unchanged or left out: a note is never edited or
 * removed). `status`: `closed` confirms a resolved ticket's resolution (MEF 124), `inProgress` (or
 * `acknowledged`) on a resolved ticket reopens it (`statusChangeReason` required), `cancelled`
 * cancels it; the current status changes nothing.
 */
export function patchRequestOf(patch: TicketPatch, current: TroubleTicket & { status: PublicStatus; note: readonly TmfNote[] }): PatchRequest {
  for (const member of NOT_PATCHABLE) if (patch[member] !== undefined) throw unmappable(member, 'not mapped to a USM call');
  for (const member of FIXED) {
    if (patch[member] !== undefined && JSON.stringify(patch[member]) !== JSON.stringify(current[member])) throw unmappable(member, 'fixed when the ticket was created');
  }
  const existing = new Map(current.note.map((n) => [n.id, n]));
  const added: TmfNote[] = [];
  for (const [i, note] of (patch.note ?? []).entries()) {
    const known = note.id === undefined ? undefined : existing.get(note.id);
    if (known === undefined) added.push(note);
    else if (known.text !== note.text) throw new GatewayError('USM_ERR_TICKET_UNMAPPABLE', `note/${i}: a note cannot be edited`, { errors: [{ path: `body/note/${i}/text`, message: 'a note cannot be edited' }] });
  }
  if (added.length > 1) throw unmappable('note', 'add one note per PATCH');
  const text = added[0]?.text;
  const reason = patch.statusChangeReason;
  const wanted = patch.status;
  let action: LifecycleAction | undefined;
  if (wanted !== undefined && wanted !== current.status) {
    if (wanted === 'cancelled') action = { kind: 'cancel' };
    else if (wanted === 'closed' && current.status === 'resolved') action = { kind: 'confirm' };
    else if ((wanted === 'inProgress' || wanted === 'acknowledged') && current.status === 'resolved') {
      if (reason === undefined) throw unmappable('statusChangeReason', 'say why the resolution does not do');
      action = { kind: 'reopen' };
    } else throw unmappable('status', `a partner cannot set ${wanted} on a ${current.status} ticket (closed or inProgress on a resolved one, cancelled)`);
  }
  if (action === undefined && text === undefined) {
    if (reason !== undefined) throw unmappable('statusChangeReason', 'comes with a change of status');
    return {};
  }
  // A note on a pending ticket answers the provider's request for information and resumes it.
  const informs = action === undefined && current.status === 'pending';
  // The reason for a change of status is also a note the provider sees, unless the patch brings its own.
  const noteText = text ?? reason;
  return {
    ...(action !== undefined ? { action } : informs ? { action: { kind: 'provideInformation' } } : {}),
    ...(noteText !== undefined ? { note: { text: noteText, visibility: 'public', kind: informs ? 'information' : 'comment' } } : {}),
    ...(reason !== undefined && action !== undefined ? { comment: reason } : {}),
  };
}

/** A call as a TMF621 ticket: only what its customer may see (public notes and status changes). */
export function ticketOf(call: CallRecord, history: readonly HistoryEntry[], notes: readonly Note[], options: { readonly href: string; readonly provider: string }): TroubleTicket & { status: PublicStatus; note: TmfNote[] } {
  const statusChanges = history.filter((h) => h.change.kind === 'status');
  const services = [{ role: 'service', entity: { id: call.service, '@referredType': 'Service' } }, { role: 'agreement', entity: { id: call.agreement, '@referredType': 'Agreement' } }];
  return {
    id: call.id,
    href: options.href,
    '@type': 'TroubleTicket',
    name: call.summary,
    description: call.description ?? call.summary,
    ticketType: TYPE_OF_CALL[call.type],
    severity: SEVERITY_OF_IMPACT[call.impact],
    priority: call.urgency,
    status: call.lifecycle.status,
    creationDate: call.createdAt,
    lastUpdate: call.updatedAt,
    ...(call.sla !== undefined ? { expectedResolutionDate: call.sla.resolutionDueAt } : {}),
    ...(call.resolution !== undefined ? { resolutionDate: call.resolution.resolvedAt } : {}),
    note: notes.filter((n) => n.visibility === 'public').map((n) => ({ id: n.id, author: n.author.kind === 'customer' ? n.author.id : options.provider, date: n.createdAt, text: n.text, '@type': 'Note' })),
    ...(call.externalRef !== undefined ? { externalIdentifier: [{ id: call.externalRef, owner: call.customer, externalIdentifierType: 'partnerTicketId' }] } : {}),
    relatedParty: [
      { role: 'requester', partyOrPartyRole: { ...(call.requester.id !== undefined ? { id: call.requester.id } : {}), name: call.requester.name, '@referredType': 'Individual' } },
      { role: 'customer', partyOrPartyRole: { id: call.customer, '@referredType': 'Organization' } },
    ],
    relatedEntity: services,
    statusChangeHistory: statusChanges.map((h) => ({
      status: (h.change as { to: PublicStatus }).to,
      statusChangeDate: h.at,
      ...(h.comment !== undefined ? { statusChangeReason: h.comment } : {}),
      '@type': 'StatusChange',
    })),
  };
}

/**
 * The ticket that opens a call at a TMF621 desk tool (the desk connector): the mapping above read
 * the other way, so that the tool's facade maps it back to the same type, impact, urgency, summary,
 * description and requester. `externalIdentifier` is the call's id, `relatedEntity` the service and
 * agreement the tool knows them by when configured.
 */
export function ticketCreateOf(call: CallRecord, options: { readonly owner: string; readonly service?: string; readonly agreement?: string }): TicketCreate {
  const entities: RelatedEntity[] = [
    ...(options.service !== undefined ? [{ role: 'service', entity: { id: options.service, '@referredType': 'Service' } }] : []),
    ...(options.agreement !== undefined ? [{ role: 'agreement', entity: { id: options.agreement, '@referredType': 'Agreement' } }] : []),
  ];
  return {
    name: call.summary.slice(0, 200),
    description: call.description ?? call.summary,
    ticketType: TYPE_OF_CALL[call.type],
    severity: SEVERITY_OF_IMPACT[call.impact],
    priority: call.urgency,
    externalIdentifier: [{ id: call.id, owner: options.owner, externalIdentifierType: 'usmCallId' }],
    relatedParty: [{ role: 'requester', partyOrPartyRole: { ...(call.requester.id !== undefined ? { id: call.requester.id } : {}), name: call.requester.name, '@referredType': 'Individual' } }],
    ...(entities.length > 0 ? { relatedEntity: entities } : {}),
  };
}
