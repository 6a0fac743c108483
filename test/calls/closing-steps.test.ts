import { describe, expect, it } from 'vitest';
import { allowedActions, apply, currentPosition, IllegalTransitionError, startCall, type ActorKind, type LifecycleAction, type LifecycleState } from '../../src/usm/call-lifecycle.js';

function run(state: LifecycleState, ...steps: [LifecycleAction, ActorKind][]): LifecycleState {
  return steps.reduce((s, [action, actor]) => apply(s, action, actor).state, state);
}

const where = (state: LifecycleState) => `${currentPosition(state).process} ${currentPosition(state).step} ${state.status}`;

/** A service request (workflow 5) resolved after Operate 4. */
function resolvedRequest(): LifecycleState {
  const advance: [LifecycleAction, ActorKind] = [{ kind: 'advance' }, 'desk'];
  return run(startCall('service_request').state, advance, advance, advance, [{ kind: 'resolve' }, 'desk']);
}

describe('the closing steps after a resolution', () => {
  it('are worked by the desk one at a time; evaluate and close ends the call once the customer confirmed', () => {
    let state = resolvedRequest();
    expect(where(state)).toBe('operate 5 resolved');
    state = run(state, [{ kind: 'advance' }, 'desk']);
    expect(where(state)).toBe('operate 6 resolved');
    expect(allowedActions(state, 'desk').map((a) => a.kind)).not.toContain('advance');
    expect(() => apply(state, { kind: 'advance' }, 'desk')).toThrow(/waits for the customer to confirm/);

    const confirmed = apply(state, { kind: 'confirm' }, 'customer');
    expect(confirmed.changes).toEqual([{ kind: 'confirmed' }]);
    expect(where(confirmed.state)).toBe('operate 6 resolved');
    expect(allowedActions(confirmed.state, 'desk').map((a) => a.kind)).toContain('advance');
    const closed = apply(confirmed.state, { kind: 'advance' }, 'desk');
    expect(where(closed.state)).toBe('operate 6 closed');
    expect(closed.changes).toEqual([{ kind: 'status', from: 'resolved', to: 'closed' }]);
  });

  it('take the confirmation at any of them, once; a confirmed resolution is no longer rejected by the customer', () => {
    const state = run(resolvedRequest(), [{ kind: 'confirm' }, 'customer']);
    expect(state.confirmed).toBe(true);
    expect(() => apply(state, { kind: 'confirm' }, 'customer')).toThrow(IllegalTransitionError);
    expect(() => apply(state, { kind: 'reopen' }, 'customer')).toThrow(/confirmed/);
    // The desk may still take it back, as before.
    const reopened = run(state, [{ kind: 'setStatus', status: 'inProgress' }, 'desk']);
    expect(where(reopened)).toBe('operate 4 inProgress');
    expect(reopened.confirmed).toBeUndefined();
  });

  it('return a rejected resolution to the last fulfilment step, as before', () => {
    const state = run(resolvedRequest(), [{ kind: 'advance' }, 'desk'], [{ kind: 'reopen' }, 'customer']);
    expect(where(state)).toBe('operate 4 inProgress');
    expect(state.reopened).toBe(1);
  });

  it('walk a longer tail the same way: Change 7-9 of an rfc', () => {
    let state = startCall('rfc').state;
    for (let i = 0; i < 11; i++) state = run(state, [{ kind: 'advance' }, 'desk']);
    state = run(state, [{ kind: 'resolve' }, 'desk'], [{ kind: 'confirm' }, 'system']);
    const visited = [where(state)];
    for (let i = 0; i < 3; i++) {
      state = run(state, [{ kind: 'advance' }, 'system']);
      visited.push(where(state));
    }
    expect(visited).toEqual(['change 7 resolved', 'change 8 resolved', 'change 9 resolved', 'change 9 closed']);
  });
});
