import { useState } from 'preact/hooks';
import type { paths } from '../generated/api.js';
import { api, must, type DeskCall, type Schemas } from './api.js';
import { href } from './router.js';
import { Alert, html, Section, time, useAction, useLoad } from './ui.js';
import { Workflow } from './workflow.js';

type Hop = Schemas['TraceHop'];
type Check = Schemas['ReceiptCheck'] | undefined;

function ReceiptMark({ check }: { check: Check }) {
  if (check === undefined) return html`<span class="muted">no receipt</span>`;
  return check.verified ? html`<span class="ok">✔ receipt verified</span>` : html`<span class="bad">✘ receipt not verified: ${check.reason}</span>`;
}

/** One gateway's part of the chain, and the hops after it. */
function ChainHop({ hop }: { hop: Hop }) {
  return html`<li class="hop">
    <p><strong>${hop.gateway}</strong>: call <code>${hop.callId}</code>, ${hop.status}${hop.from ? `, from ${hop.from}` : ''}</p>
    <p>received ${time(hop.receivedAt)}, updated ${time(hop.updatedAt)}; <${ReceiptMark} check=${hop.messageId === undefined ? undefined : hop.receiptCheck} /></p>
    ${hop.forwarded.length > 0
      ? html`<ol>${hop.forwarded.map(
          (f) => html`<li>
            <p>to <strong>${f.supplier}</strong> (sub-call <code>${f.linkId}</code>, ${f.status}): queued ${time(f.queuedAt)}, delivered ${time(f.deliveredAt)};
              <${ReceiptMark} check=${f.receiptCheck} /></p>
            ${f.next !== undefined && 'gateway' in f.next ? html`<ol><${ChainHop} hop=${f.next} /></ol>` : html`<p class="muted">${f.next !== undefined && 'error' in f.next ? f.next.error : ''}</p>`}
          </li>`,
        )}</ol>`
      : null}
  </li>`;
}

/** One call: where it stands, what can be done, its clocks, notes, history and its chain. */
export function CallScreen({ id }: { id: string }) {
  const path = { params: { path: { callId: id } } };
  const call = useLoad(() => must(api.GET('/v1/desk/calls/{callId}', path)), [id], 5000);
  const notes = useLoad(() => must(api.GET('/v1/desk/calls/{callId}/notes', path)), [id], 5000);
  const history = useLoad(() => must(api.GET('/v1/desk/calls/{callId}/history', path)), [id], 5000);
  const trace = useLoad(() => must(api.GET('/v1/desk/calls/{callId}/trace', path)), [id]);
  const reloadAll = () => {
    void call.reload();
    void notes.reload();
    void history.reload();
    void trace.reload();
  };
  const action = useAction(reloadAll);
  const c = call.data;
  if (c === undefined) return html`<h1>Call</h1><${Alert} message=${call.error} />${call.error ? null : html`<p>Loading…</p>`}`;
  return html`
    <p><a href=${href(['calls'])}>← Calls</a></p>
    <h1>${c.summary}</h1>
    <${Alert} message=${call.error} />
    <${Details} call=${c} />
    <${Section} title="Workflow" id="workflow-title"><${Workflow} call=${c} /></${Section}>
    <${Section} title="Actions" id="actions-title">
      <${Alert} message=${action.error} />
      <${Actions} call=${c} run=${action.run} busy=${action.busy} />
    </${Section}>
    <${Section} title="Service-level clocks" id="sla-title"><${Clocks} call=${c} /></${Section}>
    <${Section} title="Notes" id="notes-title">
      <ul class="notes">${(notes.data?.items ?? []).map(
        (n) => html`<li><p><strong>${n.author.id}</strong> (${n.visibility}${n.kind !== 'comment' ? `, ${n.kind}` : ''}), ${time(n.createdAt)}</p><p>${n.text}</p></li>`,
      )}</ul>
      <${NoteForm} call=${c} run=${action.run} />
    </${Section}>
    <${Section} title="Sub-calls at suppliers" id="forks-title"><${Forks} call=${c} run=${action.run} /></${Section}>
    <${Section} title="History" id="history-title">
      <table>
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Change</th><th scope="col">Comment</th></tr></thead>
        <tbody>${(history.data?.items ?? []).map(
          (e) => html`<tr><td>${time(e.at)}</td><td>${e.actor.id} (${e.actor.kind})</td>
            <td>${e.kind === 'workflow' ? `workflow ${e.workflow ?? ''} ${e.branch ?? ''}` : e.kind === 'confirmed' ? 'confirmed' : `${e.kind}: ${show(e.from)} → ${show(e.to)}`}</td><td>${e.comment ?? ''}</td></tr>`,
        )}</tbody>
      </table>
    </${Section}>
    <${Section} title="Chain" id="chain-title">
      <button type="button" onClick=${() => void trace.reload()}>Refresh chain</button>
      <${Alert} message=${trace.error} />
      ${trace.data !== undefined ? html`<ol class="chain"><${ChainHop} hop=${trace.data} /></ol>` : html`<p>Loading…</p>`}
    </${Section}>
  `;
}

const show = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? Object.values(v as object).join(' ') : String(v));

function Details({ call }: { call: DeskCall }) {
  return html`<dl class="details">
    <dt>Id</dt><dd><code>${call.id}</code></dd>
    <dt>Customer's reference</dt><dd>${call.externalRef ?? '–'}</dd>
    <dt>Chain id</dt><dd><code>${call.chainId}</code></dd>
    <dt>Customer</dt><dd>${call.customer}</dd>
    <dt>Type and service</dt><dd>${call.type}, ${call.service} (agreement ${call.agreement})</dd>
    <dt>Status</dt><dd>${call.status}</dd>
    <dt>Priority</dt><dd>${call.priority} (impact ${call.impact}, urgency ${call.urgency})</dd>
    <dt>Requester</dt><dd>${call.requester.name}</dd>
  </dl>`;
}

function Clocks({ call }: { call: DeskCall }) {
  const sla = call.sla;
  if (sla === undefined) return html`<p>No service-level targets.</p>`;
  return html`<dl class="details">
    <dt>Clock</dt><dd>${sla.pausedSince ? `paused since ${time(sla.pausedSince)}` : sla.resolvedAt ? 'stopped' : 'running'}${sla.supportHours ? ` (support hours ${sla.supportHours})` : ''}</dd>
    <dt>Response due</dt><dd>${time(sla.responseDueAt)}${sla.respondedAt ? `, responded ${time(sla.respondedAt)}` : ''}</dd>
    <dt>Resolution due</dt><dd>${time(sla.resolutionDueAt)}${sla.resolvedAt ? `, resolved ${time(sla.resolvedAt)}` : ''}</dd>
    <dt>Breaches</dt><dd class=${sla.breaches.length ? 'bad' : ''}>${sla.breaches.length ? sla.breaches.join(', ') : 'none'}</dd>
  </dl>`;
}

type SettableStatus = paths['/v1/desk/calls/{callId}/status']['post']['requestBody']['content']['application/json']['status'];
type Run = (action: () => Promise<unknown>) => Promise<boolean>;

function Actions({ call, run, busy }: { call: DeskCall; run: Run; busy: boolean }) {
  const path = { params: { path: { callId: call.id } } };
  const [summary, setSummary] = useState('');
  const [question, setQuestion] = useState('');
  const kinds = new Map(call.allowedActions.map((a) => [a.kind, a]));
  const advance = kinds.get('advance');
  const statuses = (kinds.get('setStatus')?.statuses ?? []) as SettableStatus[];
  const setStatus = (status: SettableStatus) => run(() => must(api.POST('/v1/desk/calls/{callId}/status', { ...path, body: { status } })));
  if (call.allowedActions.length === 0) return html`<p>No actions are open to the desk now.</p>`;
  return html`
    <div class="actions">
      ${advance !== undefined && advance.branches === undefined
        ? html`<button type="button" disabled=${busy} onClick=${() => run(() => must(api.POST('/v1/desk/calls/{callId}/advance', { ...path, body: {} })))}>Advance</button>`
        : null}
      ${(advance?.branches ?? []).map(
        (branch) => html`<button type="button" disabled=${busy} onClick=${() => run(() => must(api.POST('/v1/desk/calls/{callId}/advance', { ...path, body: { branch } })))}>Advance: ${branch}</button>`,
      )}
      ${statuses.filter((s) => s !== 'cancelled').map((status) => html`<button type="button" disabled=${busy} onClick=${() => setStatus(status)}>Set status: ${status}</button>`)}
      ${statuses.includes('cancelled') ? html`<button type="button" class="danger" disabled=${busy} onClick=${() => confirm('Cancel this call?') && setStatus('cancelled')}>Cancel call</button>` : null}
    </div>
    ${kinds.has('resolve')
      ? html`<form onSubmit=${async (e: Event) => {
          e.preventDefault();
          if (await run(() => must(api.POST('/v1/desk/calls/{callId}/resolve', { ...path, body: { summary } })))) setSummary('');
        }}>
          <label for="resolution">Resolution</label>
          <input id="resolution" required value=${summary} onInput=${(e: Event) => setSummary((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled=${busy}>Resolve</button>
        </form>`
      : null}
    ${statuses.includes('pending')
      ? html`<form onSubmit=${async (e: Event) => {
          e.preventDefault();
          const asked = await run(async () => {
            await must(api.POST('/v1/desk/calls/{callId}/notes', { ...path, body: { text: question, visibility: 'public', kind: 'request' } }));
            await must(api.POST('/v1/desk/calls/{callId}/status', { ...path, body: { status: 'pending', reason: 'waiting for the requester' } }));
          });
          if (asked) setQuestion('');
        }}>
          <label for="question">Ask the requester for information</label>
          <input id="question" required value=${question} onInput=${(e: Event) => setQuestion((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled=${busy}>Ask the requester</button>
        </form>`
      : null}
  `;
}

function NoteForm({ call, run }: { call: DeskCall; run: Run }) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('internal');
  return html`<form onSubmit=${async (e: Event) => {
    e.preventDefault();
    if (await run(() => must(api.POST('/v1/desk/calls/{callId}/notes', { params: { path: { callId: call.id } }, body: { text, visibility, kind: 'comment' } })))) setText('');
  }}>
    <label for="note">Note</label>
    <textarea id="note" required value=${text} onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}></textarea>
    <label for="visibility">Visible to</label>
    <select id="visibility" value=${visibility} onChange=${(e: Event) => setVisibility((e.target as HTMLSelectElement).value as 'public' | 'internal')}>
      <option value="internal">the desk only (internal)</option>
      <option value="public">the customer too (public)</option>
    </select>
    <button type="submit">Add note</button>
  </form>`;
}

function Forks({ call, run }: { call: DeskCall; run: Run }) {
  const [supplier, setSupplier] = useState('');
  const links = call.links ?? [];
  return html`
    ${links.length === 0 ? html`<p>None.</p>` : html`<ul>${links.map(
      (l) => html`<li><strong>${l.supplier}</strong> (${l.service}): ${l.status}, their call id <code>${l.remoteCallId ?? '–'}</code>, since ${time(l.createdAt)}
        ${['resolved', 'closed', 'cancelled', 'rejected'].includes(l.status) ? null : html` <button type="button" onClick=${() => run(() => must(api.POST('/v1/desk/calls/{callId}/forks/{linkId}/cancel', { params: { path: { callId: call.id, linkId: l.id } }, body: {} })))}>Cancel sub-call at ${l.supplier}</button>`}</li>`,
    )}</ul>`}
    <form onSubmit=${async (e: Event) => {
      e.preventDefault();
      if (await run(() => must(api.POST('/v1/desk/calls/{callId}/forks', { params: { path: { callId: call.id } }, body: { supplier } })))) setSupplier('');
    }}>
      <label for="supplier">Fork to supplier (party id)</label>
      <input id="supplier" required value=${supplier} onInput=${(e: Event) => setSupplier((e.target as HTMLInputElement).value)} />
      <button type="submit">Fork</button>
    </form>
  `;
}
