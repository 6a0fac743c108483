import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/kernel/error-codes.js';

/** The rows of the error-code table in docs/protocol.md: `| \`CODE\` | status | meaning | when |`. */
function documentedCodes(): { code: string; status: number; meaning: string; when: string }[] {
  const text = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Answers and error codes'));
  if (section === undefined) throw new Error('docs/protocol.md has no "Answers and error codes" section');
  const header = '| code | status | meaning | when it is answered |';
  const start = section.indexOf(header);
  if (start < 0) throw new Error(`the section has no table headed ${header}`);
  const rows = section.slice(start).split('\n').slice(2);
  const table = rows.slice(0, rows.findIndex((line) => !line.startsWith('|')));
  return table.map((line) => {
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim());
    expect(cells, line).toHaveLength(4);
    return { code: cells[0]!.replace(/^`|`$/g, ''), status: Number(cells[1]), meaning: cells[2]!, when: cells[3]! };
  });
}

describe('the error codes published in docs/protocol.md', () => {
  it('are exactly the codes of src/kernel/error-codes.ts, with their status and meaning, each once, in the same order', () => {
    const documented = documentedCodes();
    const registry = Object.entries(ERROR_CODES).map(([code, { status, title }]) => ({ code, status, meaning: title }));
    expect(documented.map(({ code, status, meaning }) => ({ code, status, meaning }))).toEqual(registry);
    expect(new Set(documented.map((row) => row.code)).size).toBe(documented.length);
  });

  it('say when each one is answered', () => {
    for (const row of documentedCodes()) expect(row.when.length, row.code).toBeGreaterThan(10);
  });
});
