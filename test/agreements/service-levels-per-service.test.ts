import { describe, expect, it } from 'vitest';
import { serviceLevelsFor } from '../../src/agreements/agreement-registry.js';
import { serviceLevelsByServiceProblem, serviceLevelsProblem } from '../../src/agreements/negotiation.js';

const DEFAULTS = { supportHours: 'Mo-Fr 08:00-18:00 UTC', availability: 99, targets: [{ priority: 2, responseMinutes: 30, resolutionMinutes: 480 }] };

describe('service levels per service', () => {
  it('override the agreement member by member, targets as a whole', () => {
    const agreement = { serviceLevels: DEFAULTS, serviceLevelsByService: { backup: { availability: 99.9 }, hosting: { targets: [] } } };
    expect(serviceLevelsFor(agreement, 'backup')).toEqual({ ...DEFAULTS, availability: 99.9 });
    expect(serviceLevelsFor(agreement, 'hosting')).toEqual({ ...DEFAULTS, targets: [] });
    expect(serviceLevelsFor(agreement, 'mail')).toBe(DEFAULTS);
    expect(serviceLevelsFor({ serviceLevels: DEFAULTS }, 'backup')).toBe(DEFAULTS);
  });

  it('are held to the bounds of service levels once merged, for services of the agreement only', () => {
    expect(serviceLevelsByServiceProblem({ backup: { availability: 99.9 } }, ['backup'], DEFAULTS)).toBeUndefined();
    expect(serviceLevelsByServiceProblem({ mail: {} }, ['backup'], DEFAULTS)).toMatchObject({ path: 'serviceLevelsByService/mail' });
    expect(serviceLevelsByServiceProblem({ backup: { availability: 101 } }, ['backup'], DEFAULTS)).toEqual({ path: 'serviceLevelsByService/backup/availability', message: 'must be a number from 0 to 100' });
    expect(serviceLevelsByServiceProblem({ backup: { colour: 'red' } }, ['backup'], DEFAULTS)).toMatchObject({ path: 'serviceLevelsByService/backup' });
    expect(serviceLevelsByServiceProblem([], ['backup'], DEFAULTS)).toMatchObject({ path: 'serviceLevelsByService' });
  });

  it('take the confirmation window the contract allows', () => {
    expect(serviceLevelsProblem({ ...DEFAULTS, confirmationHours: 72 })).toBeUndefined();
    expect(serviceLevelsProblem({ ...DEFAULTS, confirmationHours: 0 })).toMatchObject({ path: 'serviceLevels/confirmationHours' });
  });
});
