import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onStatusChange, startClock } from '../../src/usm/sla-clock.js';
import { addSupportTime, parseSupportHours, supportTimeBetween } from '../../src/usm/support-hours.js';

const MINUTE = 60_000;
const OFFICE = parseSupportHours('Mo-Fr 08:00-18:00 Europe/Amsterdam')!;
const iso = (t: number) => new Date(t).toISOString();

describe('support time', () => {
  it('counts only the support windows, in the zone, across weekends and a change of clocks', () => {
    // Friday 17:00 in Amsterdam (UTC+1): one hour left that day, one more on Monday from 08:00.
    expect(iso(addSupportTime(Date.parse('2026-03-06T16:00:00Z'), 120 * MINUTE, OFFICE))).toBe('2026-03-09T08:00:00.000Z');
    // Saturday counts nothing: Monday 08:30.
    expect(iso(addSupportTime(Date.parse('2026-03-07T12:00:00Z'), 30 * MINUTE, OFFICE))).toBe('2026-03-09T07:30:00.000Z');
    // Clocks go forward on Sunday 29 March: Monday 09:00 is 07:00 UTC.
    expect(iso(addSupportTime(Date.parse('2026-03-27T16:00:00Z'), 120 * MINUTE, OFFICE))).toBe('2026-03-30T07:00:00.000Z');
    expect(supportTimeBetween(Date.parse('2026-03-06T16:00:00Z'), Date.parse('2026-03-09T08:00:00Z'), OFFICE)).toBe(120 * MINUTE);
    expect(supportTimeBetween(Date.parse('2026-03-07T00:00:00Z'), Date.parse('2026-03-08T23:00:00Z'), OFFICE)).toBe(0);
  });

  it('is the inverse of adding support time, for any start and amount', () => {
    const hours = [OFFICE, parseSupportHours('Mo,We,Sa 07:30-16:00 UTC')!, parseSupportHours('24x7')!];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(...hours),
        (start, minutes, h) => {
          const due = addSupportTime(start, minutes * MINUTE, h);
          expect(due).toBeGreaterThanOrEqual(start + minutes * MINUTE);
          expect(supportTimeBetween(start, due, h)).toBe(minutes * MINUTE);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the service-level clock under support hours', () => {
  it('sets due times in support time and gives back, after a wait, what was left when it started', () => {
    // Thursday 16:00 in Amsterdam, response in 60 and resolution in 240 support minutes.
    const clock = startClock('2026-03-05T15:00:00.000Z', { responseMinutes: 60, resolutionMinutes: 240 }, 'Mo-Fr 08:00-18:00 Europe/Amsterdam');
    expect(clock).toMatchObject({ responseDueAt: '2026-03-05T16:00:00.000Z', resolutionDueAt: '2026-03-06T09:00:00.000Z', supportHours: 'Mo-Fr 08:00-18:00 Europe/Amsterdam' });
    // Responded at 16:30, waiting for the requester from 17:00 (1 h of resolution time used) to Monday 10:00.
    let next = onStatusChange(clock, 'acknowledged', 'inProgress', '2026-03-05T15:30:00.000Z');
    next = onStatusChange(next, 'inProgress', 'pending', '2026-03-05T16:00:00.000Z');
    next = onStatusChange(next, 'pending', 'inProgress', '2026-03-09T09:00:00.000Z');
    // 3 h were left: Monday 13:00 in Amsterdam.
    expect(next.resolutionDueAt).toBe('2026-03-09T12:00:00.000Z');
    expect(next.pausedSince).toBeUndefined();
  });

  it('keeps 24x7 agreements as they were: wall-clock minutes, no support hours recorded', () => {
    const clock = startClock('2026-03-07T12:00:00.000Z', { responseMinutes: 15, resolutionMinutes: 240 });
    expect(clock).toEqual({ responseDueAt: '2026-03-07T12:15:00.000Z', resolutionDueAt: '2026-03-07T16:00:00.000Z', breaches: [] });
  });
});
