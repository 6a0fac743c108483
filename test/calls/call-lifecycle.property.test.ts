import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, apply, currentPosition, IllegalTransitionError, pathOf, startCall, type ActorKind, type LifecycleAction, type LifecycleState } from '../../src/usm/call-lifecycle.js';
import { CALL_TYPES, PUBLIC_STATUSES, TERMINAL_STATUSES, WORKFLOWS, type Branch } from '../../src/usm/usm-model.js';

const ACTORS: ActorKind[] = ['customer', 'desk', 'system', 'supplier'];
const BRANCHES: (Branch | undefined)[] = [undefined, 'agree', 'change', 'operate'];

const action: fc.Arbitrary<LifecycleAction> = fc.oneof(
  fc.constantFrom(...BRANCHES).map((branch) => (branch === undefined ? { kind: 'advance' as const } : { kind: 'advance' as const, branch })),
  fc.constantFrom(...PUBLIC_STATUSES).map((status) => ({ kind: 'setStatus' as const, status })),
  fc.constantFrom('resolve', 'confirm', 'reopen', 'cancel', 'provideInformation').map((kind) => ({ kind }) as LifecycleAction),
);

function invariants(state: LifecycleState): void {
  const path = pathOf(state);
  expect(state.position).toBeGreaterThanOrEqual(0);
  expect(state.position).toBeLessThan(path.length);
  expect(currentPosition(state)).toEqual(path[state.position]);
  if (state.workflow !== null) expect(WORKFLOWS[state.workflow].startsWith).toBe(state.type);
  if (state.status === 'resolved') expect(state.position).toBe(WORKFLOWS[state.workflow!].resolveAt);
  if (state.status === 'closed') expect(state.position).toBe(path.length - 1);
  if (state.status === 'acknowledged') expect(state.position).toBe(0);
}

describe('the call state machine under random use', () => {
  it('never reaches an illegal state, refuses only with IllegalTransitionError, and lists exactly what it accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALL_TYPES), fc.array(fc.tuple(action, fc.constantFrom(...ACTORS)), { maxLength: 80 }), (type, steps) => {
        let state = startCall(type).state;
        invariants(state);
        for (const [act, actor] of steps) {
          const listed = allowedActions(state, actor).some(
            (a) => a.kind === act.kind && (act.kind !== 'setStatus' || a.statuses!.includes(act.status)) && (act.kind !== 'advance' || (act.branch === undefined ? a.branches === undefined : (a.branches ?? []).includes(act.branch))),
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
});
