import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { checkNetwork, type Finding } from '../network/network-check.js';
import { graphOf, toMermaid, toSvg } from '../network/network-graph.js';
import { loadNetwork, type Network } from '../network/network-model.js';

/** `usm-link network check|graph DIR`: returns the exit code. */
export async function networkCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      online: { type: 'boolean', default: false },
      margin: { type: 'string', default: '30' },
      out: { type: 'string' },
      mermaid: { type: 'boolean', default: false },
    },
  });
  const [verb, dir] = positionals;
  if ((verb !== 'check' && verb !== 'graph') || dir === undefined) {
    out('usage: usm-link network check DIR [--json] [--online] [--margin MINUTES]\n       usm-link network graph DIR [--out FILE.svg] [--mermaid]\n');
    return 2;
  }
  const network = await loadNetwork(resolve(dir));
  const marginMinutes = Number(values.margin);
  const findings = checkNetwork(network, { marginMinutes, ...(values.online ? { onlineKeys: await fetchKeys(network) } : {}) });
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (verb === 'graph') {
    const graph = graphOf(network, findings);
    if (values.mermaid) out(toMermaid(graph));
    const problems = findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`);
    const svg = toSvg(graph, `${basename(resolve(dir))}: ${network.parties.size} providers${errors > 0 ? `, ${errors} problem(s) in red` : ''}`, problems);
    const file = values.out ?? `${basename(resolve(dir))}.svg`;
    await writeFile(file, svg);
    if (!values.mermaid) out(`wrote ${file}\n`);
    return 0;
  }
  if (values.json) {
    out(`${JSON.stringify({ ok: errors === 0, parties: [...network.parties.keys()], findings }, null, 2)}\n`);
  } else {
    out(report(network, findings));
  }
  return errors === 0 ? 0 : 1;
}

function report(network: Network, findings: readonly Finding[]): string {
  const lines = [`network ${network.dir}: ${network.parties.size} providers (${[...network.parties.keys()].join(', ')})`];
  for (const f of findings) lines.push(`  ${f.severity === 'error' ? 'ERROR' : 'warn '} ${f.code.padEnd(24)} ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push(errors === 0 ? `ok: no errors${findings.length > 0 ? `, ${findings.length} warning(s)` : ''}` : `${errors} error(s)`);
  return `${lines.join('\n')}\n`;
}

/** Every gateway's published keys, from its /.well-known/jwks.json. */
async function fetchKeys(network: Network): Promise<Map<string, readonly JWK[] | Error>> {
  const keys = new Map<string, readonly JWK[] | Error>();
  await Promise.all(
    [...network.parties.values()].map(async (party) => {
      const base = party.config.publicUrl;
      if (base === undefined) return;
      try {
        const response = await fetch(`${base.replace(/\/$/, '')}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5000) });
        keys.set(party.id, ((await response.json()) as { keys: JWK[] }).keys);
      } catch (error) {
        keys.set(party.id, error as Error);
      }
    }),
  );
  return keys;
}
