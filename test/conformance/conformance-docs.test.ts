import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUITE } from '../../src/conformance/suite.js';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/conformance.md', root), 'utf8');
const protocol = readFileSync(new URL('docs/protocol.md', root), 'utf8');
/** The case table's rows: `| USM-… | sends | expects | [Section](protocol.md#anchor) |`. */
const rows = [...doc.matchAll(/^\| (USM-[A-Z]+-\d+) \|(.*)\|$/gm)].map((m) => ({ id: m[1]!, cells: m[2]!.split(' | ').map((c) => c.trim()) }));

describe('docs/conformance.md', () => {
  it('documents every case of the suite once, in the order it runs', () => {
    expect(rows.map((r) => r.id)).toEqual(SUITE.map((c) => c.id));
  });

  it("names each case's docs/protocol.md section, and the section exists", () => {
    const headings = new Set([...protocol.matchAll(/^## (.+)$/gm)].map((m) => m[1]!));
    for (const conformanceCase of SUITE) {
      expect(headings, conformanceCase.id).toContain(conformanceCase.section);
      const anchor = conformanceCase.section.toLowerCase().replace(/[^a-z0-9 -]/g, '').replaceAll(' ', '-');
      expect(rows.find((r) => r.id === conformanceCase.id)!.cells.at(-1), conformanceCase.id).toBe(`[${conformanceCase.section}](protocol.md#${anchor})`);
    }
  });

  it('gives every case a unique id numbered from 1 within its group', () => {
    const groups = new Map<string, number[]>();
    for (const { id } of SUITE) {
      const [, group, n] = /^USM-([A-Z]+)-(\d+)$/.exec(id)!;
      groups.set(group!, [...(groups.get(group!) ?? []), Number(n)]);
    }
    for (const [group, numbers] of groups) expect(numbers, group).toEqual(numbers.map((_, i) => i + 1));
  });
});
