import { useEffect, useState } from 'preact/hooks';
import { api, must, type Schemas } from './api.js';
import { verifyInclusionProof, type InclusionVerdict } from './log-verify.js';
import { go, href } from './router.js';
import { Alert, count, html, Section, time, useAction, useLoad } from './ui.js';

type By = 'messageId' | 'callId';

function VerdictMark({ verdict }: { verdict: InclusionVerdict | undefined }) {
  if (verdict === undefined) return null;
  return verdict.verified
    ? html`<span class="ok">✔ verified: in the log of ${verdict.treeSize} records (root <code>${verdict.rootHash.slice(0, 10)}…</code>), checked in this browser</span>`
    : html`<span class="bad">✘ not verified: ${verdict.reason}</span>`;
}

/** The message log: searched by message id or call id, paged, each record's inclusion checked in the browser, the whole log checked by the gateway. */
export function EvidenceScreen({ query }: { query: URLSearchParams }) {
  const by: By = query.has('callId') ? 'callId' : 'messageId';
  const value = query.get(by) ?? '';
  const before = query.get('before');
  const log = useLoad(
    () => must(api.GET('/v1/admin/log', { params: { query: { ...(value ? { [by]: value } : {}), ...(before ? { before: Number(before) } : {}), limit: 50 } } })),
    [query.toString()],
  );
  const [draft, setDraft] = useState({ by, value });
  useEffect(() => setDraft({ by, value }), [query.toString()]);
  const [verdicts, setVerdicts] = useState<Record<number, InclusionVerdict>>({});
  const [whole, setWhole] = useState<Schemas['LogVerdict'] | undefined>();
  const action = useAction(() => undefined);
  const search = (event: Event) => {
    event.preventDefault();
    go(['evidence'], { [draft.by]: draft.value.trim() });
  };
  const verifyOne = (index: number) =>
    action.run(async () => {
      const proof = await must(api.GET('/v1/admin/log/proofs/inclusion', { params: { query: { index } } }));
      const verdict = await verifyInclusionProof(proof);
      setVerdicts((v) => ({ ...v, [index]: verdict }));
    });
  const verifyAll = () => action.run(async () => setWhole(await must(api.GET('/v1/admin/log/verify'))));
  const items = log.data?.items ?? [];
  const checkpoint = log.data?.checkpoint;
  return html`
    <h1>Evidence</h1>
    <form class="search" role="search" onSubmit=${search}>
      <label for="log-by">Search the message log by</label>
      <select id="log-by" value=${draft.by} onChange=${(e: Event) => setDraft({ ...draft, by: (e.target as HTMLSelectElement).value as By })}>
        <option value="messageId">message id</option><option value="callId">call id</option>
      </select>
      <label for="log-find" class="sr-only">Id</label>
      <input id="log-find" value=${draft.value} onInput=${(e: Event) => setDraft({ ...draft, value: (e.target as HTMLInputElement).value })} />
      <button type="submit">Search</button>
      <a href=${href(['evidence'])}>All records</a>
    </form>
    <${Alert} message=${log.error ?? action.error} />
    <${Section} title="The whole log" id="whole-title">
      <p>${log.data === undefined ? 'Loading…' : `${count(log.data.size, 'record')}; newest checkpoint: ${checkpoint ? `${checkpoint.treeSize} records, root ${checkpoint.rootHash}, signed ${time(checkpoint.at)}` : 'none yet'}`}</p>
      <button type="button" disabled=${action.busy} onClick=${verifyAll}>Verify the whole log</button>
      ${whole === undefined
        ? null
        : whole.ok
          ? html`<p class="ok" role="status">✔ the whole log verified: ${count(whole.records, 'record')}, every leaf hash from its record, root <code>${whole.rootHash}</code>${whole.checkpoint ? ` agrees with the checkpoint of ${whole.checkpoint.treeSize} records` : ' (no checkpoint yet)'}</p>`
          : html`<p class="bad" role="status">✘ the log does not verify: record ${whole.brokenAt}: ${whole.reason}</p>`}
    </${Section}>
    <${Section} title="Records" id="records-title">
      <table>
        <caption>${value ? `Records of ${by === 'callId' ? 'call' : 'message'} ${value}` : 'Records'}, newest first: ${count(items.length, 'record')}${before ? ` below ${before}` : ''}</caption>
        <thead><tr><th scope="col">Index</th><th scope="col">Direction</th><th scope="col">Message</th><th scope="col">Partner</th><th scope="col">Type</th><th scope="col">At</th><th scope="col">Receipt</th><th scope="col">Inclusion</th></tr></thead>
        <tbody>${items.map(
          (r) => html`<tr>
            <th scope="row">${r.index}</th><td>${r.direction === 'in' ? 'received' : 'sent'}</td><td><code>${r.messageId}</code></td><td>${r.partner}</td><td>${r.type}</td><td>${time(r.at)}</td>
            <td>${r.receipt ? 'kept' : html`<span class="muted">none</span>`}</td>
            <td>${verdicts[r.index] !== undefined
              ? html`<${VerdictMark} verdict=${verdicts[r.index]} />`
              : checkpoint !== undefined && r.index < checkpoint.treeSize
                ? html`<button type="button" disabled=${action.busy} onClick=${() => verifyOne(r.index)}>Verify record ${r.index}</button>`
                : html`<span class="muted">not under a checkpoint yet</span>`}</td>
          </tr>`,
        )}</tbody>
      </table>
      ${log.data?.next !== undefined ? html`<a href=${href(['evidence'], { ...(value ? { [by]: value } : {}), before: String(log.data.next) })}>Older records</a>` : null}
    </${Section}>
  `;
}
