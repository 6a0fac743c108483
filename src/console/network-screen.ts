import { api, must, type Schemas } from './api.js';
import { Alert, count, html, Section, time, useLoad } from './ui.js';

type Neighbour = Schemas['Neighbour'];

/** An edge's state in one word: what the graph colours it by. */
export function edgeState(n: Neighbour): 'up' | 'degraded' | 'down' | 'paused' {
  if (n.paused) return 'paused';
  if (!n.reachable || n.circuit === 'open') return 'down';
  if (n.circuit === 'half-open' || n.failures > 0 || n.clockSkew !== null) return 'degraded';
  return 'up';
}

/** This gateway in the middle, its customers' gateways on the left, its suppliers' on the right; each edge by the link's state. */
export function NetworkGraph({ neighbours }: { neighbours: readonly Neighbour[] }) {
  const customers = neighbours.filter((n) => n.roles.includes('customer'));
  const suppliers = neighbours.filter((n) => n.roles.includes('supplier') && !n.roles.includes('customer'));
  const rows = Math.max(customers.length, suppliers.length, 1);
  const width = 720;
  const height = Math.max(160, rows * 70 + 40);
  const centre = { x: width / 2, y: height / 2 };
  const place = (list: readonly Neighbour[], x: number) => list.map((n, i) => ({ n, x, y: ((i + 1) * height) / (list.length + 1) }));
  const nodes = [...place(customers, 110), ...place(suppliers, width - 110)];
  const described = nodes.map(({ n }) => `${n.partner} (${n.roles.join(' and ')}): ${edgeState(n)}`).join('; ');
  return html`
    <svg class="graph" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img" aria-labelledby="graph-title graph-desc">
      <title id="graph-title">Network graph</title>
      <desc id="graph-desc">This gateway in the middle${nodes.length ? `; ${described}` : ', no partner gateways'}.</desc>
      ${nodes.map(({ n, x, y }) => html`<line class=${`edge ${edgeState(n)}`} x1=${centre.x} y1=${centre.y} x2=${x} y2=${y} data-partner=${n.partner} />`)}
      <g class="node self"><rect x=${centre.x - 70} y=${centre.y - 20} width="140" height="40" rx="6" /><text x=${centre.x} y=${centre.y + 5}>this gateway</text></g>
      ${nodes.map(
        ({ n, x, y }) => html`<g class=${`node ${edgeState(n)}`} data-partner=${n.partner}>
          <rect x=${x - 90} y=${y - 22} width="180" height="44" rx="6" />
          <text x=${x} y=${y - 4}>${n.partner}</text>
          <text class="small" x=${x} y=${y + 13}>${n.roles.join(', ')}: ${edgeState(n)}</text>
        </g>`,
      )}
      <text class="small side" x="110" y="14">customers</text><text class="small side" x=${width - 110} y="14">suppliers</text>
    </svg>`;
}

/** The neighbours view, live: partners, the directory and each partner's source, witnessed checkpoints, the partners' cosignatures of our log, log evidence, and the network graph. */
export function NetworkScreen() {
  const view = useLoad(() => must(api.GET('/v1/admin/neighbours')), [], 3000);
  const items = view.data?.items ?? [];
  const directory = view.data?.directory;
  const evidence = items.flatMap((n) => n.logEvidence.map((e) => ({ partner: n.partner, ...e })));
  const refusedCosignatures = items.flatMap((n) => n.refusedCosignatures.map((r) => ({ partner: n.partner, ...r })));
  return html`
    <h1>Network</h1>
    <${Alert} message=${view.error} />
    <p class="muted" aria-live="polite">${view.data === undefined ? 'Loading…' : `${count(items.length, 'partner gateway')}, refreshed every 3 s`}</p>
    <${Section} title="Graph" id="graph-section"><${NetworkGraph} neighbours=${items} />
      <p class="legend"><span class="key up">up</span> <span class="key degraded">degraded (failures, half-open circuit or clock skew)</span> <span class="key down">down (unreachable or circuit open)</span> <span class="key paused">paused</span></p>
    </${Section}>
    <${Section} title="Partners" id="neighbours-title">
      <table>
        <thead><tr><th scope="col">Partner</th><th scope="col">Roles</th><th scope="col">Source</th><th scope="col">Reachable</th><th scope="col">Circuit</th><th scope="col">Queued</th><th scope="col">Witnessed checkpoint of its log</th><th scope="col">Our log cosigned by it</th><th scope="col">Log evidence</th></tr></thead>
        <tbody>${items.map(
          (n) => html`<tr>
            <th scope="row">${n.partner}<br /><small>${n.url}</small></th><td>${n.roles.join(', ')}</td><td>${n.source ?? 'local'}</td>
            <td class=${n.reachable ? 'ok' : 'bad'}>${n.reachable ? `yes, ${n.latencyMs} ms` : `no${n.error ? ` (${n.error})` : ''}`}</td>
            <td class=${n.circuit === 'closed' ? '' : 'bad'}>${n.circuit}</td><td>${n.pending}</td>
            <td>${n.witnessed === null ? html`<span class="muted">none yet</span>` : html`${n.witnessed.treeSize} records, root <code>${n.witnessed.rootHash.slice(0, 12)}…</code>, ${time(n.witnessed.at)}`}</td>
            <td>${n.cosigned === null ? html`<span class="muted">not yet</span>` : html`at ${n.cosigned.treeSize} records, ${time(n.cosigned.at)}`}</td>
            <td class=${n.logEvidence.length + n.refusedCosignatures.length > 0 ? 'bad' : ''}>${n.logEvidence.length + n.refusedCosignatures.length === 0
              ? 'none'
              : [n.logEvidence.length > 0 ? count(n.logEvidence.length, 'refused checkpoint') : '', n.refusedCosignatures.length > 0 ? count(n.refusedCosignatures.length, 'refused cosignature') : ''].filter((t) => t !== '').join(', ')}</td>
          </tr>`,
        )}</tbody>
      </table>
    </${Section}>
    <${Section} title="Directory" id="directory-title">
      ${directory === undefined
        ? html`<p>This gateway follows no network directory: every partner comes from its own config.</p>`
        : html`<dl class="details">
            <dt>Network</dt><dd>${directory.network ? `${directory.network.name} (${directory.network.id})` : '–'}</dd>
            <dt>From</dt><dd><code>${directory.url}</code></dd>
            <dt>Version (sequence)</dt><dd>${directory.sequence ?? 'none accepted yet'}</dd>
            <dt>Issued, expires</dt><dd>${time(directory.issuedAt)}, ${time(directory.expiresAt)}${directory.expired ? html` <span class="bad">expired</span>` : ''}</dd>
            <dt>Last refresh</dt><dd>${directory.lastRefresh ? `${directory.lastRefresh.outcome}${directory.lastRefresh.code ? ` (${directory.lastRefresh.code})` : ''} ${time(directory.lastRefresh.at)}` : '–'}</dd>
            <dt>Partners' sources</dt><dd>${directory.partners.map((p) => `${p.id}: ${p.source}`).join(', ') || '–'}</dd>
          </dl>`}
    </${Section}>
    <${Section} title="Log evidence" id="evidence-title">
      ${evidence.length === 0 && refusedCosignatures.length === 0
        ? html`<p>No partner's log was found forked or cut back, and no partner cosigned a tree of our log it never had.</p>`
        : html`<ul class="notes">${evidence.map(
            (e) => html`<li><p><strong>${e.partner}</strong>: ${e.kind} at ${time(e.at)}: ${e.detail}</p><p><small>kept <code>${e.kept.slice(0, 40)}…</code>, offered <code>${e.offered.slice(0, 40)}…</code></small></p></li>`,
          )}${refusedCosignatures.map(
            (r) => html`<li><p><strong>${r.partner}</strong>: cosignature of our log refused at ${time(r.at)}: ${r.detail}</p><p><small>offered <code>${r.cosignature.slice(0, 40)}…</code></small></p></li>`,
          )}</ul>`}
    </${Section}>
  `;
}
