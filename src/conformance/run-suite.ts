import { createPartnerClient } from '../client/partner-client.js';
import { codeOf } from '../kernel/gateway-error.js';
import type { SigningKey } from '../keys/jwk.js';
import { fail, skip, type CaseContext, type ConformanceCase, type Need, type Probe, type TargetFacts, type Verdict } from './conformance-case.js';
import { discoverTarget, findAgreement } from './probe-target.js';
import { summarise, type CaseResult, type ConformanceReport } from './report.js';
import { SUITE } from './suite.js';
import { createTargetSession } from './target-session.js';
import { startUpdateListener, type UpdateListener } from './update-listener.js';

export interface RunOptions {
  /** The gateway under test: the kit sends to nothing else. */
  readonly target: string;
  /** The partner the kit acts as, and its private key. */
  readonly party: string;
  readonly key: SigningKey;
  /** The cases to run (default: the whole suite) and, within them, only these ids. */
  readonly cases?: readonly ConformanceCase[];
  readonly only?: readonly string[];
  /** Where to take the target's call.updates for the partner (its url for the partner there). */
  readonly listen?: { readonly host: string; readonly port: number };
  /** How long to wait for a call.update, ms (default 20 s). */
  readonly waitMs?: number;
  /** Connect, headers and body timeout of each request, ms (default 10 s). */
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** Called with each result as it is known. */
  readonly onResult?: (result: CaseResult) => void;
}

/** Runs the suite against the target and gives the report. */
export async function runConformance(options: RunOptions): Promise<ConformanceReport> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const waitMs = options.waitMs ?? 20_000;
  const selected = (options.cases ?? SUITE).filter((c) => options.only === undefined || options.only.includes(c.id));
  const session = createTargetSession({ target: options.target, timeoutMs });
  let listener: UpdateListener | undefined;
  const results: CaseResult[] = [];
  try {
    if (options.listen !== undefined) listener = await startUpdateListener({ ...options.listen, party: options.party, key: options.key, now });
    const probeErrors: Partial<Record<Probe, string>> = {};
    const found = await discoverTarget(session, probeErrors);
    const client = createPartnerClient({ baseUrl: session.base, from: options.party, to: found.partyId ?? 'unknown-target', key: options.key, now, dispatcher: session.dispatcher });
    session.useClient(client);
    const agreement = found.partyId !== undefined ? await findAgreement(session, options.party, found.partyId, probeErrors) : undefined;
    const facts: TargetFacts = {
      partyId: found.partyId,
      keys: found.keys,
      agreement: agreement?.agreement,
      agreementProblem: agreement?.agreementProblem ?? 'the target has no partyId to read agreements with (see USM-DISCOVERY-1)',
      probes: { discovery: found.discovery, jwks: found.jwks, services: agreement?.services, agreements: agreement?.agreements },
      probeErrors,
    };
    listener?.useKeys(facts.keys);
    const context: CaseContext = { party: options.party, key: options.key, facts, client, session, listener, waitMs, now, startedAt };
    for (const conformanceCase of selected) {
      const began = now();
      const verdict = await judge(conformanceCase, context, timeoutMs * 8 + waitMs * 2);
      const result: CaseResult = { id: conformanceCase.id, title: conformanceCase.title, section: conformanceCase.section, outcome: verdict.outcome, detail: verdict.detail, ms: now() - began };
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await listener?.close();
    await session.close();
  }
  return { target: options.target, party: options.party, startedAt: new Date(startedAt).toISOString(), finishedAt: new Date(now()).toISOString(), results, summary: summarise(results) };
}

/** Why the target's setup does not allow a case, or undefined when it does. */
function unmet(needs: readonly Need[], context: CaseContext): string | undefined {
  for (const need of needs) {
    if (need === 'partyId' && context.facts.partyId === undefined) return "the target's discovery document gives no partyId to address messages to (see USM-DISCOVERY-1)";
    if (need === 'keys' && context.facts.keys.length === 0) return 'the target publishes no usable key to check its signatures with (see USM-DISCOVERY-2)';
    if (need === 'agreement' && context.facts.agreement === undefined) return context.facts.agreementProblem ?? 'no active agreement';
    if (need === 'listener' && context.listener === undefined) {
      return `the target sends call.update only to a customer's own gateway: run with --listen [HOST:]PORT where the target has ${context.party}'s url`;
    }
  }
  return undefined;
}

/** Runs one case within its deadline; an error or a timeout fails it, naming what happened. */
async function judge(conformanceCase: ConformanceCase, context: CaseContext, deadlineMs: number): Promise<Verdict> {
  const reason = unmet(conformanceCase.needs, context);
  if (reason !== undefined) return skip(reason);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => resolve(fail(`no verdict within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    return await Promise.race([
      conformanceCase.run(context).catch((error: unknown) => fail(`error: ${codeOf(error) ?? (error as Error).name ?? 'Error'} ${(error as Error).message ?? String(error)}`.trim())),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
