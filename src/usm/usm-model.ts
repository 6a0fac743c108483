/**
 * The USM model usm-link implements (see shared USM.md): five processes with numbered steps, the
 * call types that enter them, the eight workflows a call can take and the public statuses.
 */

export const CALL_TYPES = ['wish', 'rfc', 'service_request', 'incident', 'risk'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const PROCESS_NAMES = ['agree', 'change', 'recover', 'operate', 'improve'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

export const PROCESS_STEPS: Readonly<Record<ProcessName, readonly string[]>> = {
  agree: ['accept', 'classify', 'specify service', 'draft offer', 'negotiate', 'realize', 'review delivery and feedback', 'evaluate and close'],
  change: ['accept', 'classify', 'plan and agree', 'prepare', 'test and release', 'deploy', 'review', 'update the managed-infrastructure register', 'evaluate and close'],
  recover: ['accept', 'classify', 'analyse', 'prepare recovery', 'recover', 'review', 'evaluate and close'],
  operate: ['accept', 'classify', 'plan', 'execute', 'review', 'evaluate and close'],
  improve: ['identify', 'classify', 'determine cause', 'select measure', 'deploy measure', 'review', 'evaluate and close'],
};

export const PROCESS_OF_TYPE: Readonly<Record<CallType, ProcessName>> = {
  wish: 'agree',
  rfc: 'change',
  service_request: 'operate',
  incident: 'recover',
  risk: 'improve',
};

export interface Position {
  readonly process: ProcessName;
  /** 1-based, as USM numbers its steps. */
  readonly step: number;
}

export const WORKFLOW_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type WorkflowNumber = (typeof WORKFLOW_NUMBERS)[number];
export type Branch = 'agree' | 'change' | 'operate';

export interface Workflow {
  readonly number: WorkflowNumber;
  readonly name: string;
  readonly startsWith: CallType;
  /** Every step the call passes, in order. */
  readonly path: readonly Position[];
  /** Index into `path` of the first step after fulfilment: where the call becomes `resolved`. */
  readonly resolveAt: number;
}

function steps(process: ProcessName, from: number, to: number): Position[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ process, step: from + i }));
}

function workflow(number: WorkflowNumber, name: string, startsWith: CallType, segments: readonly Position[][], resolveAt: Position): Workflow {
  const path = segments.flat();
  const index = path.findIndex((p) => p.process === resolveAt.process && p.step === resolveAt.step);
  return { number, name, startsWith, path, resolveAt: index };
}

const WORKFLOW_1_PATH = [steps('agree', 1, 6), steps('change', 1, 6), steps('operate', 1, 6), steps('change', 7, 9), steps('agree', 7, 8)];
const WORKFLOW_2_PATH = [steps('change', 1, 6), steps('operate', 1, 6), steps('change', 7, 9)];

export const WORKFLOWS: Readonly<Record<WorkflowNumber, Workflow>> = {
  1: workflow(1, 'changes to agreements', 'wish', WORKFLOW_1_PATH, { process: 'agree', step: 7 }),
  2: workflow(2, 'changes to managed resources', 'rfc', WORKFLOW_2_PATH, { process: 'change', step: 7 }),
  3: workflow(3, 'incident requiring a change', 'incident', [steps('recover', 1, 5), ...WORKFLOW_2_PATH, steps('recover', 6, 7)], { process: 'recover', step: 6 }),
  4: workflow(4, 'incident without a change', 'incident', [steps('recover', 1, 5), steps('operate', 1, 6), steps('recover', 6, 7)], { process: 'recover', step: 6 }),
  5: workflow(5, 'operations', 'service_request', [steps('operate', 1, 6)], { process: 'operate', step: 5 }),
  6: workflow(6, 'risk via agreements', 'risk', [steps('improve', 1, 5), ...WORKFLOW_1_PATH, steps('improve', 6, 7)], { process: 'improve', step: 6 }),
  7: workflow(7, 'risk via managed resources', 'risk', [steps('improve', 1, 5), ...WORKFLOW_2_PATH, steps('improve', 6, 7)], { process: 'improve', step: 6 }),
  8: workflow(8, 'risk via operations', 'risk', [steps('improve', 1, 5), steps('operate', 1, 6), steps('improve', 6, 7)], { process: 'improve', step: 6 }),
};

/** Where a call type's workflow is decided while it runs: at `at`, the desk picks a branch. */
export interface Fork {
  readonly at: Position;
  readonly branches: Readonly<Partial<Record<Branch, WorkflowNumber>>>;
}

export const FORKS: Readonly<Partial<Record<CallType, Fork>>> = {
  incident: { at: { process: 'recover', step: 5 }, branches: { change: 3, operate: 4 } },
  risk: { at: { process: 'improve', step: 5 }, branches: { agree: 6, change: 7, operate: 8 } },
};

export function workflowsFor(type: CallType): readonly WorkflowNumber[] {
  return WORKFLOW_NUMBERS.filter((n) => WORKFLOWS[n].startsWith === type);
}

export function stepName(position: Position): string {
  const name = PROCESS_STEPS[position.process][position.step - 1];
  if (name === undefined) throw new TypeError(`${position.process} has no step ${position.step}`);
  return name;
}

export const PUBLIC_STATUSES = ['acknowledged', 'rejected', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'cancelled'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<PublicStatus> = new Set<PublicStatus>(['rejected', 'closed', 'cancelled']);

/**
 * The steps where USM hands work to a supplier, and the call types the sub-call may have there
 * (the first is the default): Agree 4 (underpinning contracts), Recover 3 (analysis by a
 * supplier) and 5 (recovery raises a change or a request), Change 4-6, Operate 4, Improve 5.
 *
 * Operate forks at 4 (execute) only, with a service request: what a supplier takes on for its
 * provider is the delivery itself (a hosting supplier executing a standard request). Planning
 * (Operate 3) decides how and by whom the request is delivered, the provider's own decision, as
 * Change 3 (plan and agree) is; Operate raises no other process (USM's triggers end at Operate),
 * so the sub-call can only be a service request.
 */
export interface SupplierForkStep extends Position {
  readonly types: readonly CallType[];
}

export const SUPPLIER_FORK_STEPS: readonly SupplierForkStep[] = [
  { process: 'agree', step: 4, types: ['wish'] },
  { process: 'recover', step: 3, types: ['incident'] },
  { process: 'recover', step: 5, types: ['rfc', 'service_request'] },
  { process: 'change', step: 4, types: ['rfc'] },
  { process: 'change', step: 5, types: ['rfc'] },
  { process: 'change', step: 6, types: ['rfc', 'service_request'] },
  { process: 'operate', step: 4, types: ['service_request'] },
  { process: 'improve', step: 5, types: ['wish', 'rfc', 'service_request'] },
];

export function supplierForkStep(position: Position): SupplierForkStep | undefined {
  return SUPPLIER_FORK_STEPS.find((f) => f.process === position.process && f.step === position.step);
}

/**
 * The steps where a process raises another process as a call of its own (a triggered call), and
 * the types it may raise there: the steps before a `‖` in USM, where the calling process waits and
 * continues after the triggered call is fulfilled. Agree 6 (realize) raises an RFC, Change 6
 * (deploy) a service request, Recover 5 (recover) an RFC or a service request, Improve 5 (deploy
 * measure) a wish, an RFC or a service request. Operate raises nothing. Only a call's own process
 * triggers: an incident walking Change inside its own record (the single-record walk) raises no
 * service request at Change 6.
 */
export interface TriggerStep extends Position {
  readonly types: readonly CallType[];
}

export const TRIGGER_STEPS: readonly TriggerStep[] = [
  { process: 'agree', step: 6, types: ['rfc'] },
  { process: 'change', step: 6, types: ['service_request'] },
  { process: 'recover', step: 5, types: ['rfc', 'service_request'] },
  { process: 'improve', step: 5, types: ['wish', 'rfc', 'service_request'] },
];

/** The trigger step at this position of a call of this type, if its own process triggers there. */
export function triggerStep(type: CallType, position: Position): TriggerStep | undefined {
  if (position.process !== PROCESS_OF_TYPE[type]) return undefined;
  return TRIGGER_STEPS.find((t) => t.process === position.process && t.step === position.step);
}
