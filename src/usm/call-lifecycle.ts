/**
 * The life of a call: where it stands in its USM workflow and its public status, as a pure state
 * machine. No I/O; every action either returns the new state with the list of what changed, or
 * throws IllegalTransitionError.
 *
 * - `advance` (desk, system): completes the current step. From `acknowledged` only at step 1
 *   (accepting the call makes it `inProgress`); otherwise while `inProgress`, or while `resolved`
 *   (see closing steps). At a fork the desk names the branch, which decides the workflow. The last
 *   fulfilment step is left only by `resolve`.
 * - `setStatus` (desk, system): acknowledged -> rejected | pending | held | cancelled;
 *   inProgress -> pending | held | cancelled; pending -> inProgress | held | cancelled;
 *   held -> inProgress | pending | cancelled; resolved -> closed (to the last step at once: the
 *   desk closes without waiting for the customer's answer) | inProgress (a reopen, back to the last
 *   fulfilment step).
 * - `resolve` (desk, system, supplier): at the last fulfilment step, while `inProgress`. The call
 *   stands on its first closing step (review).
 * - Closing steps: after the resolution the provider works the rest of the workflow (review, and
 *   e.g. updating the managed-infrastructure register, and evaluate and close) by `advance`, one
 *   step at a time, the call staying `resolved`. The customer's answer is one input to them:
 *   `confirm` (customer, or system for the customer: the confirmation window passed) records it and
 *   moves nothing; completing the last step (evaluate and close) closes the call, once the
 *   resolution is confirmed. `reopen` (customer) rejects an unconfirmed resolution: back to the
 *   fulfilment step `to` names (the agreement's or the desk's choice), else the last fulfilment
 *   step, `inProgress`.
 * - `cancel` (customer): before the call is resolved.
 * - `provideInformation` (customer): a `pending` call goes back `inProgress`; elsewhere before
 *   resolution it changes nothing.
 * - Triggered calls: `raiseTriggered` (desk, system) at a trigger step of the call's own process
 *   (TRIGGER_STEPS), while `inProgress`, with a type the step raises and the workflow goes on with:
 *   the triggered process becomes a call of its own and this call waits for it, `held` at its
 *   trigger step. While it waits, the desk can only cancel it. `resumeTriggered` (system) when the
 *   triggered call ends: fulfilled, the call is `inProgress` again at its trigger step, its
 *   workflow decided by the triggered call's type (at a fork), and its next move is `resolve` (to
 *   the step after USM's `‖`, where the triggered process hands back); not fulfilled (cancelled or
 *   rejected), it is `inProgress` at its trigger step as before it raised one, free to raise another
 *   or walk the triggered process in its own record. A reopen of a resolution reached this way goes
 *   back to the trigger step.
 * Terminal statuses (rejected, closed, cancelled) take no action.
 */
import {
  CALL_TYPES,
  FORKS,
  PROCESS_OF_TYPE,
  TERMINAL_STATUSES,
  triggerStep,
  WORKFLOWS,
  workflowsFor,
  type Branch,
  type CallType,
  type Position,
  type PublicStatus,
  type WorkflowNumber,
} from './usm-model.js';

export type ActorKind = 'customer' | 'desk' | 'system' | 'supplier';

export interface LifecycleState {
  readonly type: CallType;
  readonly status: PublicStatus;
  /** Null until decided at the fork. */
  readonly workflow: WorkflowNumber | null;
  /** Index into pathOf(state). */
  readonly position: number;
  /** How often the customer (or desk) reopened a resolution. */
  readonly reopened: number;
  /** The resolution is confirmed (by the customer, or for it when the confirmation window passed); absent until then. */
  readonly confirmed?: true;
  /** The triggered call this call raised (or was attached to) at its trigger step; absent when none. */
  readonly triggered?: TriggeredState;
}

export interface TriggeredState {
  /** The triggered call's type. */
  readonly type: CallType;
  /** Index into pathOf(state): the trigger step the call waits at, and goes on from. */
  readonly at: number;
  /** The triggered call was fulfilled (closed as done): the call goes on from `at` with resolve. */
  readonly fulfilled: boolean;
}

export type LifecycleChange =
  | { readonly kind: 'step'; readonly from: Position | null; readonly to: Position; readonly workflow: WorkflowNumber | null }
  | { readonly kind: 'status'; readonly from: PublicStatus | null; readonly to: PublicStatus }
  | { readonly kind: 'workflow'; readonly workflow: WorkflowNumber; readonly branch: Branch | null }
  | { readonly kind: 'confirmed' };

export interface LifecycleResult {
  readonly state: LifecycleState;
  readonly changes: readonly LifecycleChange[];
}

export type LifecycleAction =
  | { readonly kind: 'advance'; readonly branch?: Branch }
  /** `to`: where a reopened resolution goes back to (resolved -> inProgress), a fulfilment step of the call's path. */
  | { readonly kind: 'setStatus'; readonly status: PublicStatus; readonly to?: Position }
  | { readonly kind: 'resolve' }
  | { readonly kind: 'confirm' }
  /** `to`: the fulfilment step the rejected resolution goes back to; the last fulfilment step when absent. */
  | { readonly kind: 'reopen'; readonly to?: Position }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'provideInformation' }
  | { readonly kind: 'raiseTriggered'; readonly type: CallType }
  | { readonly kind: 'resumeTriggered'; readonly fulfilled: boolean };

export type ActionKind = LifecycleAction['kind'];

export interface AllowedAction {
  readonly kind: ActionKind;
  readonly branches?: readonly Branch[];
  readonly statuses?: readonly PublicStatus[];
  /** raiseTriggered: the types the call may raise here. */
  readonly types?: readonly CallType[];
}

export class IllegalTransitionError extends Error {
  readonly code = 'USM_ERR_ILLEGAL_TRANSITION';

  constructor(
    readonly state: LifecycleState,
    readonly action: ActionKind,
    readonly actor: ActorKind,
    reason: string,
  ) {
    super(`${action} by ${actor} is not possible while the call is ${state.status}: ${reason}`);
    this.name = 'IllegalTransitionError';
  }
}

const ACTORS: Readonly<Record<ActionKind, readonly ActorKind[]>> = {
  advance: ['desk', 'system'],
  setStatus: ['desk', 'system'],
  resolve: ['desk', 'system', 'supplier'],
  confirm: ['customer', 'system'],
  reopen: ['customer'],
  cancel: ['customer'],
  provideInformation: ['customer'],
  raiseTriggered: ['desk', 'system'],
  resumeTriggered: ['system'],
};

const STATUS_TARGETS: Readonly<Record<PublicStatus, readonly PublicStatus[]>> = {
  acknowledged: ['rejected', 'pending', 'held', 'cancelled'],
  inProgress: ['pending', 'held', 'cancelled'],
  pending: ['inProgress', 'held', 'cancelled'],
  held: ['inProgress', 'pending', 'cancelled'],
  resolved: ['closed', 'inProgress'],
  rejected: [],
  closed: [],
  cancelled: [],
};

const CANCELLABLE: ReadonlySet<PublicStatus> = new Set<PublicStatus>(['acknowledged', 'inProgress', 'pending', 'held']);

export function startCall(type: CallType): LifecycleResult {
  const candidates = workflowsFor(type);
  const workflow = candidates.length === 1 ? candidates[0]! : null;
  const state: LifecycleState = { type, status: 'acknowledged', workflow, position: 0, reopened: 0 };
  return {
    state,
    changes: [
      ...(workflow !== null ? [{ kind: 'workflow', workflow, branch: null } as const] : []),
      { kind: 'step', from: null, to: currentPosition(state), workflow },
      { kind: 'status', from: null, to: 'acknowledged' },
    ],
  };
}

/** The decided workflow's path, or while undecided the steps up to and including the fork. */
export function pathOf(state: LifecycleState): readonly Position[] {
  if (state.workflow !== null) return WORKFLOWS[state.workflow].path;
  const fork = FORKS[state.type];
  const first = workflowsFor(state.type)[0]!;
  if (fork === undefined) return WORKFLOWS[first].path;
  const path = WORKFLOWS[first].path;
  return path.slice(0, path.findIndex((p) => p.process === fork.at.process && p.step === fork.at.step) + 1);
}

/** Whether the call stands at its fork, where the next advance must name a branch. */
export function isAtFork(state: LifecycleState): boolean {
  return state.workflow === null && FORKS[state.type] !== undefined && state.position === pathOf(state).length - 1;
}

/** Whether the call waits on an open triggered call. */
export function waitsOnTriggered(state: LifecycleState): boolean {
  return state.triggered !== undefined && !state.triggered.fulfilled && !TERMINAL_STATUSES.has(state.status);
}

export function currentPosition(state: LifecycleState): Position {
  return pathOf(state)[state.position]!;
}

export function apply(state: LifecycleState, action: LifecycleAction, actor: ActorKind): LifecycleResult {
  const outcome = evaluate(state, action, actor);
  if ('refused' in outcome) throw new IllegalTransitionError(state, action.kind, actor, outcome.refused);
  return outcome;
}

class Refusal {
  constructor(readonly reason: string) {}
}

/** What an action would do, or why it is refused (no exception on the way: allowedActions asks this often). */
function evaluate(state: LifecycleState, action: LifecycleAction, actor: ActorKind): LifecycleResult | { refused: string } {
  try {
    return decide(state, action, actor);
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.reason };
    throw error;
  }
}

function decide(state: LifecycleState, action: LifecycleAction, actor: ActorKind): LifecycleResult {
  const refuse = (reason: string): never => {
    throw new Refusal(reason);
  };
  if (!ACTORS[action.kind].includes(actor)) refuse(`only ${ACTORS[action.kind].join(' or ')} may ${action.kind}`);
  if (TERMINAL_STATUSES.has(state.status)) refuse('the call has ended');

  switch (action.kind) {
    case 'advance':
      return advance(state, action.branch, refuse);
    case 'setStatus': {
      if (!STATUS_TARGETS[state.status].includes(action.status)) refuse(`it cannot become ${action.status}`);
      if (waitsOnTriggered(state) && action.status !== 'cancelled') refuse(`it waits on its triggered ${state.triggered!.type}`);
      if (state.status === 'resolved' && action.status === 'closed') return moveTo(state, lastIndex(state), 'closed');
      if (state.status === 'resolved') return reopen(state, action.to, refuse);
      if (action.to !== undefined) refuse('only a reopened resolution goes back to a step');
      return withStatus(state, action.status, []);
    }
    case 'resolve': {
      if (state.status !== 'inProgress') refuse('only a call in progress can be resolved');
      if (state.workflow === null || (state.position !== WORKFLOWS[state.workflow].resolveAt - 1 && !handedBack(state))) {
        refuse('the call has not reached its last fulfilment step');
      }
      return moveTo(state, WORKFLOWS[state.workflow!].resolveAt, 'resolved');
    }
    case 'confirm':
      if (state.status !== 'resolved') refuse('only a resolution can be confirmed');
      if (state.confirmed === true) refuse('the resolution is already confirmed');
      return { state: { ...state, confirmed: true }, changes: [{ kind: 'confirmed' }] };
    case 'reopen':
      if (state.status !== 'resolved') refuse('only a resolution can be rejected');
      if (state.confirmed === true) refuse('the resolution is confirmed');
      return reopen(state, action.to, refuse);
    case 'cancel':
      if (!CANCELLABLE.has(state.status)) refuse('a resolved call is confirmed or reopened, not cancelled');
      return withStatus(state, 'cancelled', []);
    case 'provideInformation':
      if (state.status === 'resolved') refuse('the call is resolved: confirm it or reopen it');
      return state.status === 'pending' ? withStatus(state, 'inProgress', []) : { state, changes: [] };
    case 'raiseTriggered':
      return raiseTriggered(state, action.type, refuse);
    case 'resumeTriggered': {
      if (!waitsOnTriggered(state) || state.status !== 'held') refuse('the call waits on no triggered call');
      const { type, at } = state.triggered!;
      if (!action.fulfilled) {
        const { triggered: _ended, ...free } = state;
        return withStatus(free, 'inProgress', []);
      }
      const branch = PROCESS_OF_TYPE[type] as Branch;
      const workflow = state.workflow ?? FORKS[state.type]!.branches[branch]!;
      const resumed: LifecycleState = { ...state, workflow, triggered: { type, at, fulfilled: true } };
      const decided: LifecycleChange[] = state.workflow === null ? [{ kind: 'workflow', workflow, branch }] : [];
      return withStatus(resumed, 'inProgress', decided);
    }
  }
}

/** The call's triggered call was fulfilled and it stands at the trigger step: what follows is its resolution. */
function handedBack(state: LifecycleState): boolean {
  return state.triggered?.fulfilled === true && state.position === state.triggered.at;
}

function raiseTriggered(state: LifecycleState, type: CallType, refuse: (reason: string) => never): LifecycleResult {
  const here = currentPosition(state);
  if (state.status !== 'inProgress') refuse('only a call in progress raises a triggered call');
  const trigger = triggerStep(state.type, here);
  if (trigger === undefined) refuse(`USM triggers no process at ${here.process} ${here.step} of a ${state.type}`);
  if (!trigger!.types.includes(type)) refuse(`${here.process} ${here.step} raises ${trigger!.types.join(' or ')}, not a ${type}`);
  const workflow = state.workflow ?? FORKS[state.type]?.branches[PROCESS_OF_TYPE[type] as Branch];
  const next = workflow === undefined ? undefined : WORKFLOWS[workflow].path[state.position + 1];
  if (next?.process !== PROCESS_OF_TYPE[type]) refuse(`workflow ${workflow} does not go on with a ${type}`);
  return withStatus({ ...state, triggered: { type, at: state.position, fulfilled: false } }, 'held', []);
}

/** The actions this actor can take now: exactly those apply() accepts. */
export function allowedActions(state: LifecycleState, actor: ActorKind): readonly AllowedAction[] {
  const accepts = (action: LifecycleAction): boolean => !('refused' in evaluate(state, action, actor));
  const allowed: AllowedAction[] = [];
  const fork = state.workflow === null ? FORKS[state.type] : undefined;
  const branches = fork === undefined ? [] : (Object.keys(fork.branches) as Branch[]).filter((branch) => accepts({ kind: 'advance', branch }));
  if (branches.length > 0) allowed.push({ kind: 'advance', branches });
  else if (accepts({ kind: 'advance' })) allowed.push({ kind: 'advance' });
  const statuses = STATUS_TARGETS[state.status].filter((status) => accepts({ kind: 'setStatus', status }));
  if (statuses.length > 0) allowed.push({ kind: 'setStatus', statuses });
  for (const kind of ['resolve', 'confirm', 'reopen', 'cancel', 'provideInformation'] as const) {
    if (accepts({ kind })) allowed.push({ kind });
  }
  const types = CALL_TYPES.filter((type) => accepts({ kind: 'raiseTriggered', type }));
  if (types.length > 0) allowed.push({ kind: 'raiseTriggered', types });
  if (accepts({ kind: 'resumeTriggered', fulfilled: true })) allowed.push({ kind: 'resumeTriggered' });
  return allowed;
}

function advance(state: LifecycleState, branch: Branch | undefined, refuse: (reason: string) => never): LifecycleResult {
  if (state.status === 'resolved') {
    if (branch !== undefined) refuse('no fork is due at this step');
    if (state.position < lastIndex(state)) return moveTo(state, state.position + 1, 'resolved');
    if (state.confirmed !== true) refuse('evaluate and close waits for the customer to confirm the resolution');
    return withStatus(state, 'closed', []);
  }
  if (state.status === 'acknowledged' && state.position !== 0) refuse('the call waits to be accepted');
  if (state.status !== 'acknowledged' && state.status !== 'inProgress') refuse('the call is waiting');
  const status: PublicStatus = 'inProgress';
  if (state.workflow === null) {
    const fork = FORKS[state.type]!;
    const atFork = state.position === pathOf(state).length - 1;
    if (!atFork) {
      if (branch !== undefined) refuse('no fork is due at this step');
      return moveTo(state, state.position + 1, status);
    }
    const workflow = branch === undefined ? undefined : fork.branches[branch];
    if (workflow === undefined) refuse(`the fork needs a branch: ${Object.keys(fork.branches).join(', ')}`);
    const decided: LifecycleState = { ...state, workflow: workflow! };
    const result = moveTo(decided, state.position + 1, status);
    return { state: result.state, changes: [{ kind: 'workflow', workflow: workflow!, branch: branch! }, ...result.changes] };
  }
  if (branch !== undefined) refuse('no fork is due at this step');
  if (handedBack(state)) refuse(`the triggered ${state.triggered!.type} is fulfilled: resolve`);
  if (state.position >= WORKFLOWS[state.workflow].resolveAt - 1) refuse('the last fulfilment step ends with resolve');
  return moveTo(state, state.position + 1, status);
}

/**
 * A rejected resolution: back in progress at `to` (a fulfilment step of the call's path), or by
 * default at the last fulfilment step (the trigger step when a triggered call did the work). Going
 * back to another step than the trigger step forgets the triggered call: the call walks on from there.
 */
function reopen(state: LifecycleState, to: Position | undefined, refuse: (reason: string) => never): LifecycleResult {
  const { confirmed: _answer, ...unanswered } = state;
  const fallback = state.triggered?.fulfilled === true ? state.triggered.at : WORKFLOWS[state.workflow!].resolveAt - 1;
  const back = to === undefined ? fallback : fulfilmentIndex(state, to);
  if (back === undefined) refuse(`${to!.process} ${to!.step} is not a fulfilment step of workflow ${state.workflow}`);
  const { triggered: _forgotten, ...walking } = unanswered;
  const result = moveTo(back === state.triggered?.at ? unanswered : walking, back!, 'inProgress');
  return { state: { ...result.state, reopened: state.reopened + 1 }, changes: result.changes };
}

/** Where `to` stands on the call's path among its fulfilment steps (before its resolution); undefined when it does not. */
export function fulfilmentIndex(state: LifecycleState, to: Position): number | undefined {
  if (state.workflow === null) return undefined;
  const index = WORKFLOWS[state.workflow].path.findIndex((p) => p.process === to.process && p.step === to.step);
  return index >= 0 && index < WORKFLOWS[state.workflow].resolveAt ? index : undefined;
}

function lastIndex(state: LifecycleState): number {
  return pathOf(state).length - 1;
}

/** Moves to a position (recording the step when it changes) and to a status (recording it when it changes). */
function moveTo(state: LifecycleState, position: number, status: PublicStatus): LifecycleResult {
  const from = currentPosition(state);
  const moved: LifecycleState = { ...state, position };
  const to = currentPosition(moved);
  const stepChanges: LifecycleChange[] =
    from.process === to.process && from.step === to.step && state.position === position
      ? []
      : [{ kind: 'step', from, to, workflow: moved.workflow }];
  return withStatus(moved, status, stepChanges);
}

function withStatus(state: LifecycleState, status: PublicStatus, changes: LifecycleChange[]): LifecycleResult {
  if (state.status === status) return { state, changes };
  return { state: { ...state, status }, changes: [...changes, { kind: 'status', from: state.status, to: status }] };
}

