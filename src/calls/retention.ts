import type { Logger } from 'pino';
import type { AgreementConfig } from '../config/load-config.js';
import type { components } from '../generated/config.js';
import { GatewayError } from '../kernel/gateway-error.js';
import { uuidv7 } from '../kernel/uuid-v7.js';
import { isVersionConflict, type CallStore } from '../ports/call-store.js';
import type { AttachmentChecker } from '../attachments/attachment-checker.js';
import { RETENTION_CATEGORIES, type ErasureRecord, type ErasureSubject, type PurgeCutoffs, type RetentionCategory, type RetentionStore } from '../ports/retention.js';
import { createDueWatcher, type DueWatcher } from './due-watcher.js';

export type RetentionPolicy = components['schemas']['RetentionPolicy'];

const DAY = 86_400_000;
const DAYS_OF: Record<RetentionCategory, keyof RetentionPolicy> = { bodies: 'bodiesDays', notes: 'notesDays', requester: 'requesterDays' };

/** What one purge round removed. */
export interface PurgeTotals {
  readonly calls: number;
  readonly messages: number;
  readonly notes: number;
}

export interface Retention {
  /** Purges every call whose time is up now, a batch at a time, until none is left; what it removed. */
  purge(): Promise<PurgeTotals>;
  /** Removes one requester's details from every call of theirs (and those calls' message bodies) and records the erasure. */
  erase(subject: ErasureSubject, requestedBy: string): Promise<ErasureRecord>;
  /** The periodic purge (a due watcher): each tick purges up to a batch of due calls per category. */
  readonly watcher: DueWatcher;
}

/**
 * Retention of what closed calls hold: per agreement (`agreements[].retention`, member by member
 * over `retention.default`) the days after a call ended that its message bodies, notes and
 * requester details are kept. The purge runs as a due watcher: the store finds the calls whose
 * time is up (by their status, last change and agreement) and purges each in a transaction of its
 * own, so a purge never holds a large transaction. An erasure does the same for one requester's
 * calls, whatever their state, and records who asked, when and what it reached.
 */
export function createRetention(options: {
  readonly store: RetentionStore & Pick<CallStore, 'getCall'>;
  /** Where attachments' content is kept. */
  readonly attachments: Pick<AttachmentChecker, 'forget'>;
  readonly agreements: readonly AgreementConfig[];
  readonly default?: RetentionPolicy | undefined;
  readonly now: () => number;
  readonly logger: Logger;
  readonly intervalMs: number;
}): Retention {
  const { store } = options;
  const cutoffs = (category: RetentionCategory, now: number): PurgeCutoffs => {
    const member = DAYS_OF[category];
    const cutoff = (days: number | undefined): string | null => (days === undefined ? null : new Date(now - days * DAY).toISOString());
    const byAgreement = new Map<string, string | null>();
    for (const agreement of options.agreements) {
      if (agreement.retention === undefined) continue;
      byAgreement.set(agreement.id, cutoff(agreement.retention[member] ?? options.default?.[member]));
    }
    return { byAgreement, otherwise: cutoff(options.default?.[member]) };
  };
  /**
   * Every purge removes the bodies, and with them the attachments' content no other call still
   * serves; the content goes first, so a purge cut short leaves the call due, not content unmarked.
   */
  const forgetAttachments = async (callId: string): Promise<void> => {
    const call = await store.getCall(callId);
    if (call === undefined || call.retention?.bodiesPurgedAt !== undefined) return;
    for (const sha256 of new Set(call.attachments.map((a) => a.sha256))) {
      if (!(await store.attachmentHeldElsewhere(sha256, callId))) await options.attachments.forget(sha256);
    }
  };
  const purgeOne = async (category: RetentionCategory, callId: string) => {
    try {
      await forgetAttachments(callId);
      return await store.purgeCall(callId, { categories: new Set([category]), at: new Date(options.now()).toISOString() });
    } catch (error) {
      if (isVersionConflict(error)) return undefined; // changed meanwhile: looked at again next round
      throw error;
    }
  };
  const watcher = createDueWatcher({
    name: 'retention',
    // Each due item is `category/callId`: a call can be due for its bodies before its requester.
    due: async (now, limit) => {
      const at = Date.parse(now);
      const due: string[] = [];
      for (const category of RETENTION_CATEGORIES) due.push(...(await store.callsDueForPurge(category, cutoffs(category, at), limit)).map((id) => `${category}/${id}`));
      return due;
    },
    look: async (item) => {
      const [category, callId] = item.split('/') as [RetentionCategory, string];
      return (await purgeOne(category, callId)) !== undefined;
    },
    now: options.now,
    logger: options.logger,
    intervalMs: options.intervalMs,
  });

  return {
    watcher,
    async purge() {
      let calls = 0;
      let messages = 0;
      let notes = 0;
      for (const category of RETENTION_CATEGORIES) {
        const seen = new Set<string>();
        for (;;) {
          const due = (await store.callsDueForPurge(category, cutoffs(category, options.now()), 100)).filter((id) => !seen.has(id));
          if (due.length === 0) break;
          for (const id of due) {
            seen.add(id);
            const outcome = await purgeOne(category, id);
            if (outcome === undefined) continue;
            calls++;
            messages += outcome.messages;
            notes += outcome.notes;
          }
        }
      }
      return { calls, messages, notes };
    },
    async erase(subject, requestedBy) {
      if ((subject.id === undefined) === (subject.email === undefined)) throw new GatewayError('USM_ERR_ERASURE_SUBJECT', 'name the requester by exactly one of id and email');
      const id = uuidv7(options.now());
      const at = new Date(options.now()).toISOString();
      const calls: string[] = [];
      let messages = 0;
      let notes = 0;
      const tried = new Set<string>();
      for (;;) {
        const due = (await store.callsOfRequester(subject, 50)).filter((c) => !tried.has(c));
        if (due.length === 0) break;
        for (const callId of due) {
          tried.add(callId);
          // A call changed meanwhile is tried again with its new version (once more at most).
          let outcome;
          for (let attempt = 0; attempt < 3 && outcome === undefined; attempt++) {
            try {
              await forgetAttachments(callId);
              outcome = await store.purgeCall(callId, { categories: new Set(['requester']), at, erasureId: id });
              if (outcome === undefined) break;
            } catch (error) {
              if (!isVersionConflict(error) || attempt === 2) throw error;
            }
          }
          if (outcome === undefined) continue;
          calls.push(callId);
          messages += outcome.messages;
          notes += outcome.notes;
        }
      }
      const record: ErasureRecord = { id, at, requestedBy, matchedBy: subject.email !== undefined ? 'email' : 'id', calls, messages, notes };
      await store.recordErasure(record);
      await store.scrub();
      options.logger.info({ erasure: id, calls: calls.length, requestedBy }, 'retention: requester erased');
      return record;
    },
  };
}
