import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where each fault test leaves its figures for `npm run test:faults` to sum up. */
export const FIGURES_DIR = new URL('../../.tmp/faults/', import.meta.url).pathname;

export async function recordFigures(name: string, figures: Record<string, number>): Promise<void> {
  await mkdir(FIGURES_DIR, { recursive: true });
  await writeFile(join(FIGURES_DIR, `${name}.json`), `${JSON.stringify(figures)}\n`);
}
