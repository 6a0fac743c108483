import { describe, expect, it } from 'vitest';
import { availabilityPercent, downtimeMs, monthOf } from '../../src/agreements/availability.js';

const H = 3_600_000;

describe('availability', () => {
  it('reads a month in UTC, and nothing else', () => {
    expect(monthOf('2026-02')).toEqual({ from: Date.UTC(2026, 1, 1), until: Date.UTC(2026, 2, 1) });
    expect(monthOf('2026-12')).toEqual({ from: Date.UTC(2026, 11, 1), until: Date.UTC(2027, 0, 1) });
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01']) expect(monthOf(bad)).toBeUndefined();
  });

  it('counts overlapping outages once and only within the period', () => {
    const spans = [
      { start: 10 * H, end: 12 * H },
      { start: 11 * H, end: 13 * H },
      { start: 12.5 * H, end: 12.75 * H },
      { start: 20 * H, end: 30 * H },
      { start: -5 * H, end: 1 * H },
    ];
    expect(downtimeMs(spans, 0, 24 * H)).toBe(3 * H + 4 * H + 1 * H);
    expect(downtimeMs([], 0, 24 * H)).toBe(0);
    expect(downtimeMs([{ start: 5 * H, end: 5 * H }], 0, 24 * H)).toBe(0);
  });

  it('is the share of the measured time without outage, in percent', () => {
    expect(availabilityPercent(3 * H, 720 * H)).toBe(99.583);
    expect(availabilityPercent(0, 720 * H)).toBe(100);
    expect(availabilityPercent(0, 0)).toBe(100);
  });
});
