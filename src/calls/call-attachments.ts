import type { Actor, Attachment, CallRecord, HeldAttachment } from '../ports/call.js';
import type { Draft } from './call-draft.js';

/**
 * A call's attachments: what it holds (added with the submission, a note, a note to a supplier or a
 * supplier's update), who may see which, and the reference the next gateway is given for one.
 */

/** The attachments as the call holds them once added; an attachment the call holds already (same SHA-256) is not added twice. */
export function holdAttachments(
  draft: Draft,
  attachments: readonly Attachment[],
  how: { readonly actor: Actor; readonly verified: boolean; readonly noteId?: string | undefined; readonly internal?: boolean },
): HeldAttachment[] {
  const held = [...draft.call.attachments];
  const added: HeldAttachment[] = [];
  for (const attachment of attachments) {
    const known = held.find((h) => h.sha256 === attachment.sha256);
    if (known !== undefined) {
      added.push(known);
      continue;
    }
    const entry = heldOf(attachment, draft.at, how);
    held.push(entry);
    added.push(entry);
  }
  if (added.some((a) => !draft.call.attachments.includes(a))) draft.call = { ...draft.call, attachments: held };
  return added;
}

export function heldOf(attachment: Attachment, at: string, how: { readonly actor: Actor; readonly verified: boolean; readonly noteId?: string | undefined; readonly internal?: boolean }): HeldAttachment {
  return {
    ...attachment,
    verified: how.verified,
    addedAt: at,
    addedBy: how.actor,
    ...(how.noteId !== undefined ? { noteId: how.noteId } : {}),
    ...(how.internal === true ? { visibility: 'internal' as const } : {}),
  };
}

/** Records that these attachments went to a sub-call (its supplier may download them from now on). */
export function markSent(draft: Draft, sha256s: readonly string[], linkId: string): void {
  if (sha256s.length === 0) return;
  draft.call = {
    ...draft.call,
    attachments: draft.call.attachments.map((a) => (sha256s.includes(a.sha256) && !(a.sentTo ?? []).includes(linkId) ? { ...a, sentTo: [...(a.sentTo ?? []), linkId] } : a)),
  };
}

export function isPublic(attachment: HeldAttachment): boolean {
  return attachment.visibility !== 'internal';
}

/**
 * The reference another gateway is given for an attachment of this call: this gateway's download
 * of the content it checked (`publicUrl`), so that the next hop fetches from us with its read
 * token; without a `publicUrl`, the reference the attachment came with.
 */
export function referenceFor(call: Pick<CallRecord, 'id'>, attachment: HeldAttachment, publicUrl: string | undefined): Attachment {
  const { url, sha256, size, mediaType, name } = attachment;
  const base = publicUrl?.replace(/\/$/, '');
  return {
    url: base === undefined || attachment.verified !== true ? url : `${base}/v1/calls/${call.id}/attachments/${sha256}`,
    sha256,
    size,
    mediaType,
    ...(name !== undefined ? { name } : {}),
  };
}
