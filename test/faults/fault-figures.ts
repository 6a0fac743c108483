import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where each fault test leaves its figures for `npm run test:faults` to sum up. */
export const FIGURES_DIR = new URL('../../.tmp/faults/', import.meta.url).pathname;

/** Figures are counted from what a test observed; one that is not a whole number (NaN, say) is a bug in the test. */
export async function recordFigures(name: string, figures: Record<string, number>): Promise<void> {
  for (const [key, value] of Object.entries(figures)) if (!Number.isInteger(value)) throw new TypeError(`figure ${name}.${key} is ${value}, not a count`);
  await mkdir(FIGURES_DIR, { recursive: true });
  await writeFile(join(FIGURES_DIR, `${name}.json`), `${JSON.stringify(figures)}\n`);
}
