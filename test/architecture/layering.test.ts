import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering written in docs/architecture.md, enforced: every module in src/ sits in a layer of
 * that document's table, and imports only from lower layers or its own folder.
 */
const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** The layer table of docs/architecture.md: `| 3 | `partners/` | ... |` rows, one per folder or root module. */
function layersFromDoc(): Map<string, number> {
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const layers = new Map<string, number>();
  for (const match of doc.matchAll(/^\|\s*(\d+)\s*\|\s*`([^`]+)`/gm)) layers.set(match[2]!.replace(/\/$/, ''), Number(match[1]));
  return layers;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A module's unit: its folder under src/, or the file name for a module at the top of src/. */
function unitOf(file: string): string {
  const rel = relative(src, file);
  return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.js$/, '.ts');
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

const files = sourceFiles(src);
const layers = layersFromDoc();
const edges: Edge[] = files.flatMap((file) =>
  importsOf(file).map((specifier) => ({ file: relative(root, file), from: unitOf(file), specifier, to: specifier.startsWith('.') ? unitOf(resolve(dirname(file), specifier)) : undefined })),
);

interface Edge {
  readonly file: string;
  readonly from: string;
  readonly specifier: string;
  /** The unit imported, for a relative import; undefined for a package. */
  readonly to: string | undefined;
}

function upwardImports(edges: readonly Edge[], layers: ReadonlyMap<string, number>): string[] {
  return edges
    .filter((e) => e.to !== undefined && e.to !== e.from && !(layers.get(e.to)! < layers.get(e.from)!))
    .map((e) => `${e.file} (${e.from}, layer ${layers.get(e.from)}) imports ${e.specifier} (${e.to}, layer ${layers.get(e.to!)})`);
}

function cyclesOf(edges: readonly Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) if (e.to !== undefined && e.to !== e.from) (graph.get(e.from) ?? graph.set(e.from, new Set()).get(e.from)!).add(e.to);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (unit: string, path: string[]): void => {
    if (state.get(unit) === 'done') return;
    if (state.get(unit) === 'open') {
      cycles.push([...path.slice(path.indexOf(unit)), unit].join(' -> '));
      return;
    }
    state.set(unit, 'open');
    for (const next of graph.get(unit) ?? []) visit(next, [...path, unit]);
    state.set(unit, 'done');
  };
  for (const unit of graph.keys()) visit(unit, []);
  return cycles;
}

/** Packages that only some layers may import. */
const CONFINED: readonly { readonly pattern: RegExp; readonly allowed: readonly string[] }[] = [
  { pattern: /^(fastify|@fastify\/)/, allowed: ['http', 'routes', 'app.ts', 'server.ts'] },
  { pattern: /^(pg|better-sqlite3)$/, allowed: ['storage'] },
  { pattern: /^prom-client$/, allowed: ['metrics'] },
  { pattern: /^@opentelemetry\//, allowed: ['tracing'] },
];

describe('layering (docs/architecture.md)', () => {
  it('places every folder and top-level module of src/ in a layer', () => {
    const units = [...new Set(files.map(unitOf))].sort();
    expect(units.filter((unit) => !layers.has(unit))).toEqual([]);
    expect([...layers.keys()].filter((unit) => !units.includes(unit))).toEqual([]);
  });

  it('imports only from lower layers or the same folder', () => {
    expect(upwardImports(edges, layers)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('would name an upward import and a cycle', () => {
    const made: Edge[] = [
      { file: 'src/usm/a.ts', from: 'usm', specifier: '../calls/b.js', to: 'calls' },
      { file: 'src/calls/b.ts', from: 'calls', specifier: '../usm/a.js', to: 'usm' },
    ];
    expect(upwardImports(made, layers)).toEqual([`src/usm/a.ts (usm, layer ${layers.get('usm')}) imports ../calls/b.js (calls, layer ${layers.get('calls')})`]);
    expect(cyclesOf(made)).toEqual(['usm -> calls -> usm']);
  });

  it('keeps fastify in the HTTP edge, the database drivers in storage/, prom-client in metrics/ and OpenTelemetry in tracing/', () => {
    const misplaced = edges
      .filter((e) => e.to === undefined)
      .flatMap((e) => CONFINED.filter((c) => c.pattern.test(e.specifier) && !c.allowed.includes(e.from)).map(() => `${e.file} imports ${e.specifier}`));
    expect(misplaced).toEqual([]);
  });

  it('loads the OpenTelemetry SDK only when tracing is on: one module imports it, and only by a dynamic import', () => {
    const sdk = edges.filter((e) => e.to === undefined && e.specifier.startsWith('@opentelemetry/')).map((e) => e.file);
    expect([...new Set(sdk)]).toEqual(['src/tracing/otel-sdk.ts']);
    const importers = files.filter((file) => !file.endsWith('otel-sdk.ts') && /otel-sdk\.js/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(importers).toEqual(['src/tracing/tracing.ts']);
    const loader = readFileSync(join(src, 'tracing/tracing.ts'), 'utf8');
    expect(loader).toMatch(/await import\('\.\/otel-sdk\.js'\)/);
    expect(loader).not.toMatch(/^import .*otel-sdk/m);
  });
});
