import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, apply, currentPosition, IllegalTransitionError, pathOf, startCall, waitsOnTriggered, type ActorKind, type LifecycleAction, type LifecycleState } from '../../src/usm/call-lifecycle.js';
import { CALL_TYPES, PUBLIC_STATUSES, TERMINAL_STATUSES, WORKFLOWS, type Branch, type CallType, type Position, type WorkflowNumber } from '../../src/usm/usm-model.js';

const ACTORS: ActorKind[] = ['customer', 'desk', 'system', 'supplier'];
const BRANCHES: (Branch | undefined)[] = [undefined, 'agree', 'change', 'operate'];

const action: fc.Arbitrary<LifecycleAction> = fc.oneof(
  fc.constantFrom(...BRANCHES).map((branch) => (branch === undefined ? { kind: 'advance' as const } : { kind: 'advance' as const, branch })),
  fc.constantFrom(...PUBLIC_STATUSES).map((status) => ({ kind: 'setStatus' as const, status })),
  fc.constantFrom('resolve', 'confirm', 'reopen', 'cancel', 'provideInformation').map((kind) => ({ kind }) as LifecycleAction),
  fc.constantFrom(...CALL_TYPES).map((type) => ({ kind: 'raiseTriggered' as const, type })),
  fc.boolean().map((fulfilled) => ({ kind: 'resumeTriggered' as const, fulfilled })),
);

/** Mostly the moves that take a call forward, so that random runs reach resolutions and their closing steps. */
const forward: fc.Arbitrary<LifecycleAction> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'advance' as const }) },
  { weight: 2, arbitrary: fc.constantFrom<Branch>('agree', 'change', 'operate').map((branch) => ({ kind: 'advance' as const, branch })) },
  { weight: 3, arbitrary: fc.constantFrom('resolve', 'confirm').map((kind) => ({ kind }) as LifecycleAction) },
  { weight: 1, arbitrary: fc.constantFrom<CallType>('wish', 'rfc', 'service_request').map((type) => ({ kind: 'raiseTriggered' as const, type })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resumeTriggered' as const, fulfilled: true }) },
  { weight: 1, arbitrary: action },
);
const forwardActor = fc.oneof({ weight: 4, arbitrary: fc.constant<ActorKind>('desk') }, { weight: 2, arbitrary: fc.constantFrom<ActorKind>(...ACTORS) });
const walks = fc.tuple(fc.constantFrom(...CALL_TYPES), fc.array(fc.tuple(forward, forwardActor), { minLength: 60, maxLength: 160 }));

function invariants(state: LifecycleState): void {
  const path = pathOf(state);
  expect(state.position).toBeGreaterThanOrEqual(0);
  expect(state.position).toBeLessThan(path.length);
  expect(currentPosition(state)).toEqual(path[state.position]);
  if (state.workflow !== null) expect(WORKFLOWS[state.workflow].startsWith).toBe(state.type);
  // A resolved call stands on one of its closing steps (review .. evaluate and close).
  if (state.status === 'resolved') expect(state.position).toBeGreaterThanOrEqual(WORKFLOWS[state.workflow!].resolveAt);
  if (state.status === 'closed') expect(state.position).toBe(path.length - 1);
  if (state.status === 'acknowledged') expect(state.position).toBe(0);
  // Only a resolution is confirmed.
  if (state.confirmed === true) expect(['resolved', 'closed']).toContain(state.status);
  // A call waiting on its triggered call is held at the trigger step that raised it.
  if (state.triggered !== undefined) expect(state.triggered.at).toBeLessThan(path.length);
  if (waitsOnTriggered(state)) expect([state.status, state.position]).toEqual(['held', state.triggered!.at]);
}

describe('the call state machine under random use', () => {
  it('never reaches an illegal state, refuses only with IllegalTransitionError, and lists exactly what it accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALL_TYPES), fc.array(fc.tuple(action, fc.constantFrom(...ACTORS)), { maxLength: 80 }), (type, steps) => {
        let state = startCall(type).state;
        invariants(state);
        for (const [act, actor] of steps) {
          const listed = allowedActions(state, actor).some(
            (a) =>
              a.kind === act.kind &&
              (act.kind !== 'setStatus' || a.statuses!.includes(act.status)) &&
              (act.kind !== 'raiseTriggered' || a.types!.includes(act.type)) &&
              (act.kind !== 'advance' || (act.branch === undefined ? a.branches === undefined : (a.branches ?? []).includes(act.branch))),
          );
          const before = state;
          try {
            state = apply(state, act, actor).state;
            expect(listed).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(IllegalTransitionError);
            expect(listed).toBe(false);
            expect(state).toBe(before);
          }
          if (TERMINAL_STATUSES.has(before.status)) expect(state).toBe(before);
          invariants(state);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('works the closing steps one at a time, and closes by them only once the resolution is confirmed', () => {
    fc.assert(
      fc.property(walks, ([type, steps]) => {
        let state = startCall(type).state;
        for (const [act, actor] of steps) {
          let result;
          try {
            result = apply(state, act, actor);
          } catch (error) {
            if (!(error instanceof IllegalTransitionError)) throw error;
            continue;
          }
          const next = result.state;
          if (state.status === 'resolved' && act.kind === 'advance') {
            // One step on, or from the last step (evaluate and close) to closed, after a confirmation.
            if (next.status === 'closed') expect([state.position, state.confirmed]).toEqual([pathOf(state).length - 1, true]);
            else expect([next.status, next.position]).toEqual(['resolved', state.position + 1]);
          }
          if (act.kind === 'confirm') {
            // The answer is an input: it moves neither the step nor the status.
            expect([next.status, next.position, next.confirmed]).toEqual([state.status, state.position, true]);
            expect(result.changes).toEqual([{ kind: 'confirmed' }]);
          }
          if (state.status === 'resolved' && next.status === 'inProgress') expect(state.confirmed !== true || actor !== 'customer').toBe(true);
          state = next;
          invariants(state);
        }
      }),
      { numRuns: 500 },
    );
    // The runs do reach the closing steps (a property that never gets there proves nothing).
    const sample = fc.sample(walks, { numRuns: 200, seed: 7 });
    const reached = sample.filter(([type, steps]) => {
      let state = startCall(type).state;
      for (const [act, actor] of steps) {
        try {
          state = apply(state, act, actor).state;
        } catch {
          // refused: try the next move
        }
        if (state.status === 'resolved' && state.confirmed === true) return true;
      }
      return false;
    });
    expect(reached.length).toBeGreaterThan(50);
  });

  it('takes a rejected resolution back to the fulfilment step named, and refuses any other step', () => {
    const anyStep = fc.record({ process: fc.constantFrom('agree', 'change', 'recover', 'operate', 'improve' as const), step: fc.integer({ min: 1, max: 9 }) });
    const backTo = fc.tuple(fc.constantFrom<'reopen' | 'setStatus'>('reopen', 'setStatus'), fc.option(anyStep, { nil: undefined }));
    let reopenedAtNamed = 0;
    fc.assert(
      fc.property(walks, fc.array(backTo, { minLength: 1, maxLength: 20 }), ([type, steps], reopens) => {
        let state = startCall(type).state;
        let next = 0;
        for (const [act, actor] of steps) {
          if (state.status === 'resolved' && state.confirmed !== true && next < reopens.length) {
            const [kind, to] = reopens[next++]!;
            const action: LifecycleAction = kind === 'reopen' ? { kind, ...(to !== undefined ? { to } : {}) } : { kind, status: 'inProgress', ...(to !== undefined ? { to } : {}) };
            const path = WORKFLOWS[state.workflow!].path;
            const index = to === undefined ? -1 : path.findIndex((p) => p.process === to.process && p.step === to.step);
            const legal = to === undefined || (index >= 0 && index < WORKFLOWS[state.workflow!].resolveAt);
            if (!legal) {
              expect(() => apply(state, action, kind === 'reopen' ? 'customer' : 'desk')).toThrow(IllegalTransitionError);
            } else {
              const reopened = apply(state, action, kind === 'reopen' ? 'customer' : 'desk').state;
              expect([reopened.status, reopened.reopened, reopened.confirmed]).toEqual(['inProgress', state.reopened + 1, undefined]);
              if (to !== undefined) {
                expect(currentPosition(reopened)).toEqual(to);
                reopenedAtNamed++;
              }
              state = reopened;
              invariants(state);
              continue;
            }
          }
          try {
            state = apply(state, act, actor).state;
          } catch (error) {
            if (!(error instanceof IllegalTransitionError)) throw error;
            continue;
          }
          invariants(state);
        }
      }),
      { numRuns: 300 },
    );
    expect(reopenedAtNamed).toBeGreaterThan(0);
  });

  it('never decides a workflow twice, and a decided workflow only changes by a branch at a fork', () => {
    fc.assert(
      fc.property(fc.constantFrom('incident', 'risk' as const), fc.array(fc.tuple(action, fc.constantFrom<ActorKind>('desk', 'customer')), { maxLength: 60 }), (type, steps) => {
        let state = startCall(type).state;
        for (const [act, actor] of steps) {
          try {
            const result = apply(state, act, actor);
            if (state.workflow !== null) expect(result.state.workflow).toBe(state.workflow);
            if (state.workflow === null && result.state.workflow !== null) expect(result.changes[0]).toMatchObject({ kind: 'workflow' });
            state = result.state;
          } catch (error) {
            if (!(error instanceof IllegalTransitionError)) throw error;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('raises (or attaches), waits on and resumes from triggered calls: held at the trigger step, back at it when the triggered call ends, resolved from it when fulfilled', () => {
    const resume = fc.tuple(fc.boolean().map((fulfilled) => ({ kind: 'resumeTriggered' as const, fulfilled })), fc.constant<ActorKind>('system'));
    const move = fc.oneof({ weight: 6, arbitrary: fc.tuple(fc.oneof({ weight: 3, arbitrary: forward }, { weight: 2, arbitrary: action }), forwardActor) }, { weight: 1, arbitrary: resume });
    const triggerMoves = fc.array(move, { minLength: 40, maxLength: 160 });
    let raised = 0;
    let resumedFulfilled = 0;
    fc.assert(
      fc.property(fc.constantFrom(...CALL_TYPES), triggerMoves, (type, steps) => {
        let state = startCall(type).state;
        for (const [act, actor] of steps) {
          let result;
          try {
            result = apply(state, act, actor);
          } catch (error) {
            if (!(error instanceof IllegalTransitionError)) throw error;
            continue;
          }
          const next = result.state;
          if (act.kind === 'raiseTriggered') {
            raised++;
            expect(state.status).toBe('inProgress');
            expect([next.status, next.position, next.triggered]).toEqual(['held', state.position, { type: act.type, at: state.position, fulfilled: false }]);
          }
          if (act.kind === 'resumeTriggered') {
            expect(waitsOnTriggered(state)).toBe(true);
            expect([next.status, next.position]).toEqual(['inProgress', state.triggered!.at]);
            if (act.fulfilled) {
              resumedFulfilled++;
              expect(next.triggered).toEqual({ ...state.triggered, fulfilled: true });
              // The workflow is the one the triggered call's type takes, its next move the resolution.
              expect(WORKFLOWS[next.workflow!].path[next.position + 1]!.process).toBe({ wish: 'agree', rfc: 'change', service_request: 'operate' }[state.triggered!.type as 'wish']);
              expect(allowedActions(next, 'desk').map((a) => a.kind)).toContain('resolve');
              expect(() => apply(next, { kind: 'advance' }, 'desk')).toThrow(IllegalTransitionError);
            } else {
              expect(next.triggered).toBeUndefined();
            }
          }
          // Waiting on a triggered call, the desk can only cancel.
          if (waitsOnTriggered(state) && actor === 'desk') expect(act.kind === 'setStatus' && act.status === 'cancelled').toBe(true);
          if (act.kind === 'resolve' && state.triggered?.fulfilled === true && state.position === state.triggered.at) {
            expect([next.status, next.position]).toEqual(['resolved', WORKFLOWS[next.workflow!].resolveAt]);
          }
          state = next;
          invariants(state);
        }
      }),
      // Enough runs that raising and resuming come up many times in every run, not only on average.
      { numRuns: 2000 },
    );
    // The runs do raise and resume (a property that never gets there proves nothing).
    expect(raised).toBeGreaterThan(50);
    expect(resumedFulfilled).toBeGreaterThan(20);
  });

  it('lets several calls wait on one triggered call, and takes each back at its own trigger step when it ends', () => {
    // Walks a call by the desk to its first step that raises `type`.
    const toTrigger = (type: CallType, raise: CallType): LifecycleState => {
      let state = startCall(type).state;
      for (let guard = 0; !allowedActions(state, 'desk').some((a) => a.kind === 'raiseTriggered' && a.types!.includes(raise)); guard++) {
        expect(guard).toBeLessThan(20);
        state = apply(state, { kind: 'advance' }, 'desk').state;
      }
      return state;
    };
    const raisers: Record<string, CallType[]> = { rfc: ['incident', 'risk', 'wish'], service_request: ['incident', 'risk', 'rfc'], wish: ['risk'] };
    fc.assert(
      fc.property(
        fc.constantFrom<CallType>('rfc', 'service_request', 'wish').chain((raise) => fc.tuple(fc.constant(raise), fc.array(fc.constantFrom(...raisers[raise]!), { minLength: 1, maxLength: 4 }), fc.boolean())),
        ([raise, types, fulfilled]) => {
          // The first raises it, the others are attached to it: the same move.
          const waiting = types.map((type) => apply(toTrigger(type, raise), { kind: 'raiseTriggered', type: raise }, 'desk').state);
          for (const state of waiting) expect(waitsOnTriggered(state)).toBe(true);
          // The triggered call ends: each goes on from its own trigger step.
          for (const state of waiting) {
            const next = apply(state, { kind: 'resumeTriggered', fulfilled }, 'system').state;
            expect([next.status, currentPosition(next)]).toEqual(['inProgress', currentPosition(state)]);
            invariants(next);
            if (fulfilled) {
              const resolved = apply(next, { kind: 'resolve' }, 'desk').state;
              expect([resolved.status, resolved.position]).toEqual(['resolved', WORKFLOWS[resolved.workflow!].resolveAt]);
            } else {
              expect([next.workflow, next.triggered]).toEqual([state.workflow, undefined]);
            }
            // Ended once, it is not resumed twice.
            expect(() => apply(next, { kind: 'resumeTriggered', fulfilled }, 'system')).toThrow(IllegalTransitionError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  /**
   * Walks a call of `type` through its workflow by the desk, raising every process its own process
   * triggers as a call of its own (walked the same way, depth first) and closing it; the steps of
   * all the calls in the order they are worked.
   */
  function walkWithTriggered(type: CallType, branch: Branch | undefined): { steps: Position[]; workflow: WorkflowNumber } {
    const worked: Position[] = [];
    let state = startCall(type).state;
    worked.push(currentPosition(state));
    const take = (act: LifecycleAction, actor: ActorKind = 'desk'): void => {
      const before = currentPosition(state);
      state = apply(state, act, actor).state;
      const after = currentPosition(state);
      if (after.process !== before.process || after.step !== before.step) worked.push(after);
    };
    for (let guard = 0; state.status !== 'closed'; guard++) {
      expect(guard).toBeLessThan(60);
      const allowed = allowedActions(state, 'desk');
      const raise = allowed.find((a) => a.kind === 'raiseTriggered');
      const triggeredType = branch === undefined ? raise?.types?.[0] : raise?.types?.find((t) => ({ wish: 'agree', rfc: 'change', service_request: 'operate' })[t as 'wish'] === branch);
      if (allowed.some((a) => a.kind === 'resolve')) {
        take({ kind: 'resolve' });
        take({ kind: 'confirm' }, 'system');
      } else if (raise !== undefined && triggeredType !== undefined) {
        take({ kind: 'raiseTriggered', type: triggeredType });
        // The triggered call's own walk (its own triggered calls on the default branch).
        worked.push(...walkWithTriggered(triggeredType, undefined).steps);
        take({ kind: 'resumeTriggered', fulfilled: true }, 'system');
      } else {
        take({ kind: 'advance' });
      }
    }
    return { steps: worked, workflow: state.workflow! };
  }

  it('comes out as the paths of the eight workflows when every triggered process is a call of its own', () => {
    const cases: [CallType, Branch | undefined, WorkflowNumber][] = [
      ['wish', undefined, 1],
      ['rfc', undefined, 2],
      ['incident', 'change', 3],
      ['incident', 'operate', 4],
      ['service_request', undefined, 5],
      ['risk', 'agree', 6],
      ['risk', 'change', 7],
      ['risk', 'operate', 8],
    ];
    for (const [type, branch, number] of cases) {
      const { steps, workflow } = walkWithTriggered(type, branch);
      expect(workflow, `${type} via ${branch}`).toBe(number);
      expect(steps, `workflow ${number}`).toEqual(WORKFLOWS[number].path);
    }
  });
});
