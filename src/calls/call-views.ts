import type { components } from '../generated/api.js';
import { allowedActions, currentPosition } from '../usm/call-lifecycle.js';
import type { CallRecord, HeldAttachment, HistoryEntry, Note } from '../ports/call.js';
import { isPublic } from './call-attachments.js';
import { stepName, WORKFLOWS } from '../usm/usm-model.js';

type Schemas = components['schemas'];

/** What the customer sees: the public status, never process, step or internal notes. */
export function customerView(call: CallRecord): Schemas['Call'] {
  return {
    id: call.id,
    ...(call.externalRef !== undefined ? { externalRef: call.externalRef } : {}),
    type: call.type,
    service: call.service,
    agreement: call.agreement,
    summary: call.summary,
    ...(call.description !== undefined ? { description: call.description } : {}),
    impact: call.impact,
    urgency: call.urgency,
    priority: call.priority,
    requester: call.requester,
    attachments: call.attachments.filter(isPublic).map((a) => attachmentView(a, 'customer')),
    status: call.lifecycle.status,
    chainId: call.chainId,
    reopened: call.lifecycle.reopened,
    ...(call.resolution !== undefined ? { resolution: call.resolution } : {}),
    ...(call.sla !== undefined ? { sla: { ...call.sla, breaches: [...call.sla.breaches] } } : {}),
    ...(call.closeDueAt !== undefined ? { closesAt: call.closeDueAt } : {}),
    createdAt: call.createdAt,
    updatedAt: call.updatedAt,
  };
}

/** What the desk sees: also the process, step, workflow and the actions open to it. */
export function deskView(call: CallRecord): Schemas['DeskCall'] {
  const position = currentPosition(call.lifecycle);
  const workflow = call.lifecycle.workflow;
  return {
    ...customerView(call),
    attachments: call.attachments.map((a) => attachmentView(a, 'desk')),
    customer: call.customer,
    process: position.process,
    step: position.step,
    stepName: stepName(position),
    workflow,
    ...(workflow !== null ? { workflowName: WORKFLOWS[workflow].name } : {}),
    version: call.version,
    hops: [...(call.hops ?? [])],
    ...(call.trace !== undefined ? { traceId: call.trace.split('-')[1]! } : {}),
    allowedActions: allowedActions(call.lifecycle, 'desk').map((a) => ({
      kind: a.kind,
      ...(a.branches !== undefined ? { branches: [...a.branches] } : {}),
      ...(a.statuses !== undefined ? { statuses: [...a.statuses] } : {}),
      ...(a.types !== undefined ? { types: [...a.types] } : {}),
    })),
    channel: call.channel ?? 'link',
    ...(call.raisedFrom !== undefined ? { raisedFrom: call.raisedFrom } : {}),
    ...(call.raised !== undefined && call.raised.length > 0 ? { raised: [...call.raised] } : {}),
    ...(call.requesterUnknown === true ? { requesterUnknown: true } : {}),
    ...(call.retention !== undefined ? { retention: call.retention } : {}),
  };
}

export function historyView(entry: HistoryEntry): Schemas['HistoryEntry'] {
  const { change } = entry;
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    kind: change.kind,
    ...(change.kind === 'workflow' ? { workflow: change.workflow, branch: change.branch } : change.kind === 'confirmed' ? {} : { from: change.from, to: change.to }),
    ...(entry.comment !== undefined ? { comment: entry.comment } : {}),
  };
}

export function noteView(note: Note): Schemas['Note'] {
  return { ...note };
}

/** An attachment as the customer (public ones: no visibility, no sub-calls) or the desk sees it. */
export function attachmentView(attachment: HeldAttachment, viewer: 'customer' | 'desk'): Schemas['HeldAttachment'] {
  const { verified, visibility, sentTo, ...rest } = attachment;
  return {
    ...rest,
    verified: verified === true,
    ...(viewer === 'desk' ? { visibility: visibility ?? 'public', sentTo: [...(sentTo ?? [])] } : {}),
  };
}
