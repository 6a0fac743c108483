import { api, must } from './api.js';
import { age, Alert, count, html, Section, time, useAction, useLoad } from './ui.js';

/** The operator's view of the links: each partner gateway's queue, circuit and clock; pause and resume; dead letters and their replay. */
export function LinksScreen() {
  const neighbours = useLoad(() => must(api.GET('/v1/admin/neighbours')), [], 5000);
  const dead = useLoad(() => must(api.GET('/v1/admin/dead-letters', { params: { query: { limit: 100 } } })), [], 5000);
  const action = useAction(() => {
    void neighbours.reload();
    void dead.reload();
  });
  const partner = (partnerId: string) => ({ params: { path: { partnerId } } });
  const letters = dead.data?.items ?? [];
  return html`
    <h1>Links</h1>
    <${Alert} message=${neighbours.error ?? action.error} />
    <${Section} title="Partner gateways" id="partners-title">
      <table>
        <thead><tr><th scope="col">Partner</th><th scope="col">Reachable</th><th scope="col">Queued</th><th scope="col">Oldest waiting</th><th scope="col">Dead letters</th>
          <th scope="col">Circuit</th><th scope="col">Last received</th><th scope="col">Last sent</th><th scope="col">Clock offset</th><th scope="col">Delivery</th></tr></thead>
        <tbody>${(neighbours.data?.items ?? []).map(
          (n) => html`<tr>
            <th scope="row">${n.partner}<br /><small>${n.url}</small></th>
            <td class=${n.reachable ? 'ok' : 'bad'}>${n.reachable ? `yes, ${n.latencyMs} ms` : `no${n.error ? ` (${n.error})` : ''}`}</td>
            <td>${n.pending}</td><td>${n.oldestPendingAt ? `${age(n.oldestPendingAt)} (${time(n.oldestPendingAt)})` : '–'}</td><td>${n.deadLetters}</td>
            <td class=${n.circuit === 'closed' ? '' : 'bad'}>${n.circuit}${n.failures > 0 ? `, ${n.failures} failures` : ''}</td>
            <td>${time(n.lastReceivedAt)}</td><td>${time(n.lastSentAt)}</td>
            <td>${n.clockSkew === null ? 'within the window' : `${n.clockSkew.skewSeconds ?? '?'} s (${n.clockSkew.detail})`}</td>
            <td>${n.paused
              ? html`paused ${time(n.pausedAt)} <button type="button" onClick=${() => action.run(() => must(api.POST('/v1/admin/partners/{partnerId}/resume', partner(n.partner))))}>Resume delivery to ${n.partner}</button>`
              : html`<button type="button" onClick=${() => action.run(() => must(api.POST('/v1/admin/partners/{partnerId}/pause', partner(n.partner))))}>Pause delivery to ${n.partner}</button>`}</td>
          </tr>`,
        )}</tbody>
      </table>
    </${Section}>
    <${Section} title="Dead letters" id="dead-title">
      ${letters.length > 0 ? html`<button type="button" onClick=${() => action.run(() => must(api.POST('/v1/admin/dead-letters/replay', { params: { query: { limit: 200 } } })))}>Replay all dead letters</button>` : null}
      <table>
        <caption>${count(letters.length, 'dead letter')}</caption>
        <thead><tr><th scope="col">Message</th><th scope="col">To</th><th scope="col">Type</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Queued</th><th scope="col"><span class="sr-only">Replay</span></th></tr></thead>
        <tbody>${letters.map(
          (m) => html`<tr><td><code>${m.id}</code></td><td>${m.partner}</td><td>${m.type}</td><td>${m.attempts}</td><td>${m.lastError ?? '–'}</td><td>${time(m.createdAt)}</td>
            <td><button type="button" onClick=${() => action.run(() => must(api.POST('/v1/admin/dead-letters/{messageId}/replay', { params: { path: { messageId: m.id } } })))}>Replay ${m.id.slice(-6)}</button></td></tr>`,
        )}</tbody>
      </table>
    </${Section}>
  `;
}
