import type { CallRecord, Requester } from './call.js';

/**
 * Retention: what a store removes from a closed call once its agreement's time is up, and from the
 * calls of one requester on an erasure request. The message log's records (their leaves: ids,
 * digests, signatures, receipts, times) and the tree stay; what the digests were taken of goes.
 */

/** What is removed: the signed message bytes and answers, the notes' text (and history comments), the requester's details. */
export type RetentionCategory = 'bodies' | 'notes' | 'requester';
export const RETENTION_CATEGORIES: readonly RetentionCategory[] = ['bodies', 'notes', 'requester'];

/** What a call document says was removed from it, and when. */
export interface CallRetention {
  readonly bodiesPurgedAt?: string;
  readonly notesPurgedAt?: string;
  readonly requesterPurgedAt?: string;
  /** The erasure request that removed its requester's details. */
  readonly erasureId?: string;
}

/** For one category: the calls closed before each cutoff (an RFC 3339 time) are due; by agreement id, and for every other agreement. */
export interface PurgeCutoffs {
  readonly byAgreement: ReadonlyMap<string, string | null>;
  /** null: calls under agreements not named are kept. */
  readonly otherwise: string | null;
}

/** One call's purge: the categories to remove now, the time, and for an erasure its id. */
export interface PurgePlan {
  readonly categories: ReadonlySet<RetentionCategory>;
  readonly at: string;
  readonly erasureId?: string;
}

/** What one call's purge removed. */
export interface PurgeOutcome {
  readonly callId: string;
  readonly messages: number;
  readonly notes: number;
}

/** Who an erasure is for: the requester's id or e-mail address (any case). */
export interface ErasureSubject {
  readonly id?: string;
  readonly email?: string;
}

/** The record kept of an erasure: who asked, when, and what it reached. Never the personal data it removed. */
export interface ErasureRecord {
  readonly id: string;
  readonly at: string;
  readonly requestedBy: string;
  /** By what the requester was named: `id` or `email` (not the value). */
  readonly matchedBy: 'id' | 'email';
  readonly calls: readonly string[];
  readonly messages: number;
  readonly notes: number;
}

export interface RetentionStore {
  /** Ids of calls ended (closed, cancelled, rejected) before their cutoff whose `category` is not yet removed, the oldest first. */
  callsDueForPurge(category: RetentionCategory, cutoffs: PurgeCutoffs, limit: number): Promise<string[]>;
  /** Removes what the plan names from one call, in one transaction; undefined when there is no such call. */
  purgeCall(callId: string, plan: PurgePlan): Promise<PurgeOutcome | undefined>;
  /** Ids of the calls whose requester has this id or e-mail address (any case), at most `limit`, after `after`. */
  callsOfRequester(subject: ErasureSubject, limit: number): Promise<string[]>;
  recordErasure(record: ErasureRecord): Promise<void>;
  /** Whether a call other than this one, its bodies not purged, holds an attachment with this SHA-256 (content is kept once for all). */
  attachmentHeldElsewhere(sha256: string, callId: string): Promise<boolean>;
  /** Makes what was removed unrecoverable from the store's files where the engine keeps old pages (SQLite: its WAL). */
  scrub(): Promise<void>;
}

/** What replaces a removed requester's name (the contract needs one). */
export const REMOVED = '[removed]';

/** The strings a requester is known by, to find in other texts of the call (short ones would match too much). */
export function requesterNeedles(requester: Requester): string[] {
  return [requester.name, requester.email, requester.phone, requester.id].filter((s): s is string => s !== undefined && s !== REMOVED && s.trim().length >= 3);
}

/** Every string in a JSON value with each needle (any case) replaced by `[removed]`. */
export function redactStrings<T>(value: T, needles: readonly string[]): T {
  if (needles.length === 0) return value;
  const patterns = needles.map((n) => new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return patterns.reduce((s, p) => s.replace(p, REMOVED), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** The call after a purge: the marks of what went, the requester's details gone when that is purged. */
export function purgedCall(call: CallRecord, plan: PurgePlan): CallRecord {
  const retention: CallRetention = {
    ...call.retention,
    ...(plan.categories.has('bodies') || plan.categories.has('notes') || plan.categories.has('requester') ? { bodiesPurgedAt: call.retention?.bodiesPurgedAt ?? plan.at } : {}),
    ...(plan.categories.has('notes') ? { notesPurgedAt: call.retention?.notesPurgedAt ?? plan.at } : {}),
    ...(plan.categories.has('requester') ? { requesterPurgedAt: call.retention?.requesterPurgedAt ?? plan.at } : {}),
    ...(plan.erasureId !== undefined ? { erasureId: plan.erasureId } : {}),
  };
  const needles = plan.categories.has('requester') ? requesterNeedles(call.requester) : [];
  const redacted = redactStrings({ ...call, requester: plan.categories.has('requester') ? { name: REMOVED } : call.requester }, needles);
  return { ...redacted, version: call.version + 1, retention };
}
