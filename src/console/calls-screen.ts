import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../generated/api.js';
import { api, must, type DeskCall, type Schemas } from './api.js';
import { go, href } from './router.js';
import { Alert, count, html, time, useLoad } from './ui.js';

type ListQuery = NonNullable<paths['/v1/desk/calls']['get']['parameters']['query']>;

export const STATUSES = ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'cancelled', 'rejected'] as const satisfies readonly Schemas['PublicStatus'][];
export const TYPES = ['incident', 'service_request', 'rfc', 'wish', 'risk'] as const satisfies readonly Schemas['CallType'][];
const FILTERS = ['status', 'type', 'service', 'customer', 'supplier', 'priority', 'sla'] as const;

/** The SLA state of a call in one word, for the queue. */
export function slaState(call: DeskCall): string {
  const sla = call.sla;
  if (sla === undefined) return '–';
  if (sla.breaches.length > 0) return `breached (${sla.breaches.join(', ')})`;
  if (sla.pausedSince !== undefined) return 'paused';
  if (sla.resolvedAt !== undefined) return 'met';
  return `due ${time(sla.respondedAt === undefined ? sla.responseDueAt : sla.resolutionDueAt)}`;
}

/** The desk's queue: filters in the URL (so a filtered queue can be shared), a search by any id, refreshed every 5 s. */
export function CallsScreen({ query }: { query: URLSearchParams }) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const listQuery: ListQuery = {
    ...(filters.status ? { status: filters.status as ListQuery['status'] } : {}),
    ...(filters.type ? { type: filters.type as ListQuery['type'] } : {}),
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.customer ? { customer: filters.customer } : {}),
    ...(filters.supplier ? { supplier: filters.supplier } : {}),
    ...(filters.priority ? { priority: Number(filters.priority) } : {}),
    ...(filters.sla ? { sla: filters.sla as ListQuery['sla'] } : {}),
    limit: 100,
  };
  const calls = useLoad(() => must(api.GET('/v1/desk/calls', { params: { query: listQuery } })), [query.toString()], 5000);
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [query.toString()]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ matchedBy: string; call: DeskCall }[] | undefined>();
  const [searchError, setSearchError] = useState<string | undefined>();

  const applyFilters = (event: Event) => {
    event.preventDefault();
    go(['calls'], draft);
  };
  const find = async (event: Event) => {
    event.preventDefault();
    setSearchError(undefined);
    try {
      const { items } = await must(api.GET('/v1/desk/calls/find', { params: { query: { id: search.trim() } } }));
      if (items.length === 1) go(['calls', items[0]!.call.id]);
      else setFound(items);
    } catch (e) {
      setSearchError((e as Error).message);
    }
  };
  const field = (name: (typeof FILTERS)[number]) => (e: Event) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value });
  const options = (values: readonly (string | number)[]) => values.map((v) => html`<option value=${String(v)}>${String(v)}</option>`);
  const rows = calls.data?.items ?? [];

  return html`
    <h1>Calls</h1>
    <form class="search" role="search" onSubmit=${find}>
      <label for="find">Find a call by any id (ours, the customer's reference, a supplier's call id, the chain id)</label>
      <input id="find" name="find" required value=${search} onInput=${(e: Event) => setSearch((e.target as HTMLInputElement).value)} />
      <button type="submit">Find</button>
    </form>
    <${Alert} message=${searchError} />
    ${found !== undefined
      ? html`<section aria-labelledby="found-title"><h2 id="found-title">Found ${found.length === 0 ? 'nothing' : count(found.length, 'call')}</h2>
          <ul>${found.map((f) => html`<li><a href=${href(['calls', f.call.id])}>${f.call.summary}</a> (by ${f.matchedBy})</li>`)}</ul></section>`
      : null}
    <form class="filters" onSubmit=${applyFilters} aria-label="Filters">
      <label>Status <select name="status" value=${draft.status} onChange=${field('status')}><option value="">any</option>${options(STATUSES)}</select></label>
      <label>Type <select name="type" value=${draft.type} onChange=${field('type')}><option value="">any</option>${options(TYPES)}</select></label>
      <label>Service <input name="service" value=${draft.service} onInput=${field('service')} /></label>
      <label>Customer <input name="customer" value=${draft.customer} onInput=${field('customer')} /></label>
      <label>Supplier <input name="supplier" value=${draft.supplier} onInput=${field('supplier')} /></label>
      <label>Priority <select name="priority" value=${draft.priority} onChange=${field('priority')}><option value="">any</option>${options([1, 2, 3, 4, 5])}</select></label>
      <label>SLA <select name="sla" value=${draft.sla} onChange=${field('sla')}><option value="">any</option><option value="breached">breached</option><option value="dueSoon">due within the hour</option></select></label>
      <button type="submit">Filter</button>
      <a href=${href(['calls'])}>Clear</a>
    </form>
    <${Alert} message=${calls.error} />
    <table class="queue">
      <caption>${calls.loading && calls.data === undefined ? 'Loading…' : `${count(rows.length, 'call')}, oldest update first`}</caption>
      <thead><tr><th scope="col">Summary</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Step</th><th scope="col">Priority</th><th scope="col">Customer</th><th scope="col">SLA</th><th scope="col">Updated</th></tr></thead>
      <tbody>
        ${rows.map(
          (call) => html`<tr>
            <td><a href=${href(['calls', call.id])}>${call.summary}</a></td>
            <td>${call.type}</td><td>${call.status}</td><td>${call.process} ${call.step}: ${call.stepName}</td>
            <td>${call.priority}</td><td>${call.customer}</td><td class=${call.sla?.breaches.length ? 'bad' : ''}>${slaState(call)}</td><td>${time(call.updatedAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  `;
}
