import { describe, expect, it } from 'vitest';
import { priorityOf } from '../../src/usm/priority.js';
import { FORKS, PROCESS_STEPS, stepName, SUPPLIER_FORK_STEPS, supplierForkStep, WORKFLOWS, type WorkflowNumber } from '../../src/usm/usm-model.js';

/** "R1-5" -> recover 1..5, as USM.md writes the workflows. */
function spell(...segments: string[]): string[] {
  const names: Record<string, string> = { A: 'agree', C: 'change', R: 'recover', O: 'operate', I: 'improve' };
  return segments.flatMap((segment) => {
    const [, p, from, to] = /^([ACROI])(\d)-(\d)$/.exec(segment)!;
    return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => `${names[p!]} ${Number(from) + i}`);
  });
}

const EXPECTED: Record<WorkflowNumber, string[]> = {
  1: spell('A1-6', 'C1-6', 'O1-6', 'C7-9', 'A7-8'),
  2: spell('C1-6', 'O1-6', 'C7-9'),
  3: spell('R1-5', 'C1-6', 'O1-6', 'C7-9', 'R6-7'),
  4: spell('R1-5', 'O1-6', 'R6-7'),
  5: spell('O1-6'),
  6: spell('I1-5', 'A1-6', 'C1-6', 'O1-6', 'C7-9', 'A7-8', 'I6-7'),
  7: spell('I1-5', 'C1-6', 'O1-6', 'C7-9', 'I6-7'),
  8: spell('I1-5', 'O1-6', 'I6-7'),
};

describe('the USM model', () => {
  it.each(Object.entries(EXPECTED))('workflow %s follows USM.md step by step', (n, expected) => {
    expect(WORKFLOWS[Number(n) as WorkflowNumber].path.map((p) => `${p.process} ${p.step}`)).toEqual(expected);
  });

  it('resolves where fulfilment ends: Agree 7, Change 7, Recover 6, Operate 5, Improve 6', () => {
    const at = (n: WorkflowNumber) => {
      const p = WORKFLOWS[n].path[WORKFLOWS[n].resolveAt]!;
      return `${p.process} ${p.step}`;
    };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => at(n as WorkflowNumber))).toEqual(['agree 7', 'change 7', 'recover 6', 'recover 6', 'operate 5', 'improve 6', 'improve 6', 'improve 6']);
  });

  it('forks at Recover 5 and Improve 5', () => {
    expect(FORKS.incident).toEqual({ at: { process: 'recover', step: 5 }, branches: { change: 3, operate: 4 } });
    expect(FORKS.risk).toEqual({ at: { process: 'improve', step: 5 }, branches: { agree: 6, change: 7, operate: 8 } });
  });

  it('hands work to suppliers at Agree 4, Recover 3 and 5, Change 4-6, Operate 4 and Improve 5', () => {
    expect(SUPPLIER_FORK_STEPS.map((f) => `${f.process} ${f.step}`)).toEqual(['agree 4', 'recover 3', 'recover 5', 'change 4', 'change 5', 'change 6', 'operate 4', 'improve 5']);
    // A supplier executes a service request (a hosting supplier delivering a standard request); planning it stays with the provider.
    expect(supplierForkStep({ process: 'operate', step: 4 })?.types).toEqual(['service_request']);
    expect(supplierForkStep({ process: 'operate', step: 3 })).toBeUndefined();
  });

  it('names every step', () => {
    expect(PROCESS_STEPS.recover).toHaveLength(7);
    expect(PROCESS_STEPS.change).toHaveLength(9);
    expect(stepName({ process: 'recover', step: 2 })).toBe('classify');
    expect(() => stepName({ process: 'operate', step: 7 })).toThrow(TypeError);
  });

  it('derives priority from impact x urgency', () => {
    expect(priorityOf('high', 'high')).toBe(1);
    expect(priorityOf('high', 'medium')).toBe(2);
    expect(priorityOf('medium', 'high')).toBe(2);
    expect(priorityOf('low', 'high')).toBe(3);
    expect(priorityOf('medium', 'low')).toBe(4);
    expect(priorityOf('low', 'low')).toBe(5);
  });
});
