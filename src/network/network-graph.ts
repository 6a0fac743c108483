import type { Finding } from './network-check.js';
import type { Network } from './network-model.js';

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly broken: boolean;
}

interface Graph {
  readonly nodes: readonly { id: string; name: string; leaf: boolean; broken: boolean }[];
  readonly edges: readonly Edge[];
}

/** Providers as nodes (their end customers too), supplier links as edges labelled with services and resolution targets. */
export function graphOf(network: Network, findings: readonly Finding[]): Graph {
  const brokenLinks = new Set(findings.filter((f) => f.severity === 'error' && f.link !== undefined).map((f) => f.link!));
  const brokenParties = new Set(findings.filter((f) => f.severity === 'error' && f.party !== undefined && f.link === undefined).map((f) => f.party!));
  const nodes = new Map<string, { id: string; name: string; leaf: boolean; broken: boolean }>();
  const edges: Edge[] = [];
  for (const party of network.parties.values()) nodes.set(party.id, { id: party.id, name: party.config.party.name, leaf: false, broken: brokenParties.has(party.id) });
  for (const party of network.parties.values()) {
    for (const partner of party.config.partners) {
      if (partner.roles.includes('customer') && !network.parties.has(partner.id)) {
        nodes.set(partner.id, { id: partner.id, name: partner.name, leaf: true, broken: false });
        const agreements = party.config.agreements.filter((a) => a.customer === partner.id);
        edges.push({ from: partner.id, to: party.id, label: labelOf(agreements.flatMap((a) => a.services), agreements[0]?.serviceLevels.targets), broken: false });
      }
      if (partner.roles.includes('supplier')) {
        const contracts = party.config.underpinning.filter((u) => u.supplier === partner.id);
        edges.push({
          from: party.id,
          to: partner.id,
          label: labelOf(contracts.flatMap((c) => c.services), contracts[0]?.serviceLevels.targets),
          broken: brokenLinks.has(`${party.id}->${partner.id}`),
        });
        if (!nodes.has(partner.id)) nodes.set(partner.id, { id: partner.id, name: partner.name, leaf: false, broken: true });
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}

function labelOf(services: readonly string[], targets: readonly { priority: number; resolutionMinutes: number }[] | undefined): string {
  const best = [...(targets ?? [])].sort((a, b) => a.priority - b.priority)[0];
  return `${[...new Set(services)].join(', ')}${best ? ` · P${best.priority} ${best.resolutionMinutes} min` : ''}`;
}

/** The network as Mermaid text (a flowchart, suppliers to the right, problems in red). */
export function toMermaid(graph: Graph): string {
  const safe = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) lines.push(`  ${safe(node.id)}${node.leaf ? `(["${node.name}"])` : `["${node.name}<br/><small>${node.id}</small>"]`}`);
  graph.edges.forEach((edge) => lines.push(`  ${safe(edge.from)} -->|"${edge.label}"| ${safe(edge.to)}`));
  graph.edges.forEach((edge, i) => {
    if (edge.broken) lines.push(`  linkStyle ${i} stroke:#c62828,stroke-width:3px`);
  });
  for (const node of graph.nodes) if (node.broken) lines.push(`  style ${safe(node.id)} stroke:#c62828,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

/** The network as a self-contained SVG: columns by depth in the chain, customers on the left. */
export function toSvg(graph: Graph, title: string, problems: readonly string[] = []): string {
  const depth = new Map<string, number>();
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  const depthOf = (id: string, seen: Set<string> = new Set()): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(0, ...(incoming.get(id) ?? []).map((from) => depthOf(from, seen) + 1));
    depth.set(id, d);
    return d;
  };
  graph.nodes.forEach((n) => depthOf(n.id));
  const columns = new Map<number, string[]>();
  for (const node of graph.nodes) columns.set(depth.get(node.id)!, [...(columns.get(depth.get(node.id)!) ?? []), node.id]);
  const W = 270;
  const H = 64;
  const GX = 250;
  const GY = 70;
  const position = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of columns) ids.forEach((id, i) => position.set(id, { x: 40 + d * (W + GX), y: 80 + i * (H + GY) }));
  const width = 80 + Math.max(...columns.keys()) * (W + GX) + W;
  const height = 120 + Math.max(...[...columns.values()].map((c) => c.length)) * (H + GY) + problems.length * 20;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#455a64"/></marker>',
    '<marker id="arrow-red" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#c62828"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="40" y="40" font-size="20" font-weight="bold" fill="#263238">${esc(title)}</text>`,
  ];
  for (const edge of graph.edges) {
    const a = position.get(edge.from)!;
    const b = position.get(edge.to)!;
    const color = edge.broken ? '#c62828' : '#455a64';
    const x1 = a.x + W;
    const y1 = a.y + H / 2;
    const x2 = b.x;
    const y2 = b.y + H / 2;
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${color}" stroke-width="${edge.broken ? 3 : 1.5}" marker-end="url(#${edge.broken ? 'arrow-red' : 'arrow'})"/>`);
    parts.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 8}" font-size="12" text-anchor="middle" fill="${color}">${esc(edge.label)}</text>`);
  }
  for (const node of graph.nodes) {
    const { x, y } = position.get(node.id)!;
    const stroke = node.broken ? '#c62828' : node.leaf ? '#90a4ae' : '#1565c0';
    parts.push(`<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="${node.leaf ? 32 : 8}" fill="${node.leaf ? '#eceff1' : '#e3f2fd'}" stroke="${stroke}" stroke-width="${node.broken ? 3 : 1.5}"/>`);
    parts.push(`<text x="${x + W / 2}" y="${y + 28}" font-size="${node.name.length > 30 ? 12 : 14}" font-weight="bold" text-anchor="middle" fill="#263238">${esc(node.name)}</text>`);
    parts.push(`<text x="${x + W / 2}" y="${y + 48}" font-size="11" text-anchor="middle" fill="#546e7a">${esc(node.id)}</text>`);
  }
  const listTop = height - problems.length * 20 - 10;
  problems.forEach((problem, i) => parts.push(`<text x="40" y="${listTop + i * 20}" font-size="12" fill="#c62828">${esc(problem)}</text>`));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
