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

/** Mostly the moves that take a call forward, so that random runs reach resolutions and their closing steps. */
const forward: fc.Arbitrary<LifecycleAction> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'advance' as const }) },
  { weight: 2, arbitrary: fc.constantFrom<Branch>('agree', 'change', 'operate').map((branch) => ({ kind: 'advance' as const, branch })) },
  { weight: 3, arbitrary: fc.constantFrom('resolve', 'confirm').map((kind) => ({ kind }) as LifecycleAction) },
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
