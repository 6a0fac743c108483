import type { PartnerClient } from '../client/partner-client.js';
import type { SigningKey, VerificationKey } from '../keys/jwk.js';
import type { Exchange, TargetSession } from './target-session.js';
import type { UpdateListener } from './update-listener.js';

/** What a case found: it passed, failed (the target broke a promise), or could not run against this target. */
export type Outcome = 'pass' | 'fail' | 'skip';

export interface Verdict {
  readonly outcome: Outcome;
  /** What was seen (pass), what was expected and got instead (fail), or why the case could not run (skip). */
  readonly detail: string;
}

export const pass = (detail: string): Verdict => ({ outcome: 'pass', detail });
export const fail = (detail: string): Verdict => ({ outcome: 'fail', detail });
export const skip = (detail: string): Verdict => ({ outcome: 'skip', detail });

/** The reads the kit makes before the cases. */
export type Probe = 'discovery' | 'jwks' | 'services' | 'agreements';

/** What the kit learnt about the target before the cases run (each fact is judged by a case too). */
export interface TargetFacts {
  /** The target's party id, from its discovery document. */
  readonly partyId: string | undefined;
  /** The keys the target publishes that can check a signature. */
  readonly keys: readonly VerificationKey[];
  /** An active agreement of the partner with the target, and a service it covers. */
  readonly agreement: { readonly id: string; readonly service: string } | undefined;
  /** Why `agreement` is missing, when it is. */
  readonly agreementProblem: string | undefined;
  /** The answers the facts were read from, for the cases that judge them. */
  readonly probes: Readonly<Record<Probe, Exchange | undefined>>;
  /** Why a probe got no answer at all (a timeout, a refused connection). */
  readonly probeErrors: Readonly<Partial<Record<Probe, string>>>;
}

/** What a case may use: the target, the partner it acts as, and the transport (target only, bounded). */
export interface CaseContext {
  readonly party: string;
  readonly key: SigningKey;
  readonly facts: TargetFacts;
  /** Our side of the protocol (envelopes, signatures, read tokens): only valid once the target's party id is known. */
  readonly client: PartnerClient;
  readonly session: TargetSession;
  readonly listener: UpdateListener | undefined;
  /** How long to wait for messages the target sends on its own (call.update). */
  readonly waitMs: number;
  readonly now: () => number;
  /** When the run started (ms), for reads limited to what the run made. */
  readonly startedAt: number;
}

/** A requirement the target's setup must meet for a case to run. */
export type Need = 'partyId' | 'keys' | 'agreement' | 'listener';

/** One numbered case of the suite: its id, what it promises, where docs/protocol.md promises it, and its check. */
export interface ConformanceCase {
  readonly id: string;
  /** What holds when the case passes, e.g. "a message for another recipient is refused". */
  readonly title: string;
  /** The docs/protocol.md section the case checks. */
  readonly section: string;
  readonly needs: readonly Need[];
  readonly run: (context: CaseContext) => Promise<Verdict>;
}
