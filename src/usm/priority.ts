export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export type Priority = 1 | 2 | 3 | 4 | 5;

const WEIGHT: Readonly<Record<Level, number>> = { high: 0, medium: 1, low: 2 };

/** Priority from impact x urgency: 1 (high/high) to 5 (low/low), one level per step down either axis. */
export function priorityOf(impact: Level, urgency: Level): Priority {
  return (1 + WEIGHT[impact] + WEIGHT[urgency]) as Priority;
}
