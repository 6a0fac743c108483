import { useState } from 'preact/hooks';
import { api, must, type Schemas } from './api.js';
import { go, href } from './router.js';
import { Alert, count, html, Section, time, useAction, useLoad } from './ui.js';

type Agreement = Schemas['NegotiatedAgreement'];
type Levels = Schemas['ServiceLevels'];

/** An offer still waiting for the other party's answer. */
const isOpen = (a: Agreement): boolean => a.status === 'proposed' || a.status === 'countered';

/** Who signed a version: each party, and whether its signature is on it. */
function Signatures({ agreement }: { agreement: Agreement }) {
  const mark = (party: string, jws: string | null | undefined) =>
    jws ? html`<span class="ok">✔ ${party} signed</span>` : html`<span class="muted">${party} has not signed</span>`;
  return html`${mark(`${agreement.customer} (customer)`, agreement.signatures.customer)}; ${mark(`${agreement.provider} (provider)`, agreement.signatures.provider)}`;
}

const levelsText = (levels: Levels): string =>
  `${levels.supportHours}${levels.availability !== undefined ? `, ${levels.availability} % available` : ''}; ${levels.targets
    .map((t) => `P${t.priority}: respond ${t.responseMinutes} min, resolve ${t.resolutionMinutes} min`)
    .join('; ')}`;

/** The terms a person types: services (comma-separated), support hours and availability. */
function TermsFields({ prefix, terms, onChange }: { prefix: string; terms: TermsDraft; onChange: (t: TermsDraft) => void }) {
  const field = (name: keyof TermsDraft) => (e: Event) => onChange({ ...terms, [name]: (e.target as HTMLInputElement).value });
  return html`
    <label for=${`${prefix}-services`}>Services (comma-separated)</label>
    <input id=${`${prefix}-services`} value=${terms.services} onInput=${field('services')} required />
    <label for=${`${prefix}-hours`}>Support hours</label>
    <input id=${`${prefix}-hours`} value=${terms.supportHours} onInput=${field('supportHours')} required />
    <label for=${`${prefix}-availability`}>Availability (%)</label>
    <input id=${`${prefix}-availability`} type="number" min="0" max="100" step="0.01" value=${terms.availability} onInput=${field('availability')} />`;
}

interface TermsDraft {
  services: string;
  supportHours: string;
  availability: string;
}

const draftOf = (a: Agreement): TermsDraft => ({ services: a.services.join(', '), supportHours: a.serviceLevels.supportHours, availability: a.serviceLevels.availability?.toString() ?? '' });

function termsOf(draft: TermsDraft, targets: Levels['targets']): Schemas['AgreementTerms'] {
  const availability = draft.availability.trim();
  return {
    services: draft.services.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    serviceLevels: { supportHours: draft.supportHours.trim(), targets, ...(availability === '' ? {} : { availability: Number(availability) }) },
  };
}

/** Every agreement negotiated across the link (the newest version of each), and a form to propose one. */
export function AgreementsScreen() {
  const list = useLoad(() => must(api.GET('/v1/desk/agreements')), [], 5000);
  const configured = useLoad(() => must(api.GET('/v1/desk/configured-agreements')), []);
  const [to, setTo] = useState({ role: 'provider' as 'provider' | 'customer', party: '', id: '' });
  const [terms, setTerms] = useState<TermsDraft>({ services: '', supportHours: '24x7', availability: '' });
  const [response, setResponse] = useState({ minutes: '30', resolution: '480' });
  const action = useAction(() => void list.reload());
  const propose = (event: Event) => {
    event.preventDefault();
    const targets = [{ priority: 2, responseMinutes: Number(response.minutes), resolutionMinutes: Number(response.resolution) }];
    void action.run(async () => {
      const proposed = await must(
        api.POST('/v1/desk/agreements', { body: { ...(to.id.trim() ? { id: to.id.trim() } : {}), [to.role]: to.party.trim(), ...termsOf(terms, targets) } }),
      );
      go(['agreements', proposed.id]);
    });
  };
  const items = list.data?.items ?? [];
  return html`
    <h1>Agreements</h1>
    <${Alert} message=${list.error} />
    <${Section} title="Negotiated across the link" id="negotiated-title">
    <table>
      <caption>${list.loading && list.data === undefined ? 'Loading…' : `${count(items.length, 'agreement')} negotiated across the link (newest version of each)`}</caption>
      <thead><tr><th scope="col">Agreement</th><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Customer</th><th scope="col">Provider</th><th scope="col">Services</th><th scope="col">Offered by</th><th scope="col">Signed</th><th scope="col">Updated</th></tr></thead>
      <tbody>${items.map(
        (a) => html`<tr>
          <th scope="row"><a href=${href(['agreements', a.id])}>${a.id}</a></th><td>${a.version}</td>
          <td class=${isOpen(a) ? 'open' : a.status === 'active' ? 'ok' : ''}>${a.status}${isOpen(a) ? ' (awaiting an answer)' : ''}</td>
          <td>${a.customer}</td><td>${a.provider}</td><td>${a.services.join(', ')}</td><td>${a.offeredBy}</td><td><${Signatures} agreement=${a} /></td><td>${time(a.updatedAt)}</td>
        </tr>`,
      )}</tbody>
    </table>
    </${Section}>
    <${Section} title="In the config" id="configured-title">
      <${Alert} message=${configured.error} />
      <table>
        <caption>${count(configured.data?.items.length ?? 0, 'agreement')} written in this gateway's config (not negotiated: no versions or signatures)</caption>
        <thead><tr><th scope="col">Agreement</th><th scope="col">Status</th><th scope="col">Customer</th><th scope="col">Provider</th><th scope="col">Services</th><th scope="col">Service levels</th><th scope="col">Valid</th></tr></thead>
        <tbody>${(configured.data?.items ?? []).map(
          (a) => html`<tr>
            <th scope="row">${a.id}</th><td>${a.status}${a.terminatesAt ? ` from ${time(a.terminatesAt)}` : ''}</td><td>${a.customer}</td><td>${a.provider}</td><td>${a.services.join(', ')}</td>
            <td>${levelsText(a.serviceLevels)}</td><td>${a.validFrom || a.validUntil ? `${time(a.validFrom)} to ${time(a.validUntil)}` : 'open'}</td>
          </tr>`,
        )}</tbody>
      </table>
    </${Section}>
    <${Section} title="Propose an agreement" id="propose-title">
      <${Alert} message=${action.error} />
      <form onSubmit=${propose} class="terms">
        <label for="propose-role">This gateway is</label>
        <select id="propose-role" value=${to.role} onChange=${(e: Event) => setTo({ ...to, role: (e.target as HTMLSelectElement).value as 'provider' | 'customer' })}>
          <option value="provider">the customer: propose to a supplier</option>
          <option value="customer">the provider: propose to a customer</option>
        </select>
        <label for="propose-party">The other party (its party id)</label>
        <input id="propose-party" required value=${to.party} onInput=${(e: Event) => setTo({ ...to, party: (e.target as HTMLInputElement).value })} />
        <label for="propose-id">Agreement id (optional)</label>
        <input id="propose-id" value=${to.id} onInput=${(e: Event) => setTo({ ...to, id: (e.target as HTMLInputElement).value })} />
        <${TermsFields} prefix="propose" terms=${terms} onChange=${setTerms} />
        <label for="propose-response">Priority 2: respond within (minutes)</label>
        <input id="propose-response" type="number" min="1" required value=${response.minutes} onInput=${(e: Event) => setResponse({ ...response, minutes: (e.target as HTMLInputElement).value })} />
        <label for="propose-resolution">Priority 2: resolve within (minutes)</label>
        <input id="propose-resolution" type="number" min="1" required value=${response.resolution} onInput=${(e: Event) => setResponse({ ...response, resolution: (e.target as HTMLInputElement).value })} />
        <button type="submit" disabled=${action.busy}>Propose</button>
      </form>
    </${Section}>
  `;
}

/** One agreement: every version with its status and signatures, and the answers its newest version allows. */
export function AgreementScreen({ id }: { id: string }) {
  const path = { params: { path: { agreementId: id } } };
  const versions = useLoad(() => must(api.GET('/v1/desk/agreements/{agreementId}', path)), [id], 5000);
  const action = useAction(() => void versions.reload());
  const [reason, setReason] = useState('');
  const [counter, setCounter] = useState<TermsDraft | undefined>();
  const [effectiveAt, setEffectiveAt] = useState('');
  const items = versions.data?.items ?? [];
  const newest = items.at(-1);
  if (newest === undefined) return html`<p><a href=${href(['agreements'])}>← Agreements</a></p><h1>Agreement ${id}</h1><${Alert} message=${versions.error} />${versions.error ? null : html`<p>Loading…</p>`}`;
  const withReason = reason.trim() === '' ? {} : { reason: reason.trim() };
  const active = items.find((v) => v.status === 'active' || v.status === 'terminated');
  return html`
    <p><a href=${href(['agreements'])}>← Agreements</a></p>
    <h1>Agreement ${id}</h1>
    <${Alert} message=${versions.error} />
    <dl class="details">
      <dt>Status</dt><dd>${newest.status}</dd>
      <dt>Customer</dt><dd>${newest.customer}</dd><dt>Provider</dt><dd>${newest.provider}</dd>
      <dt>Newest version</dt><dd>${newest.version}, offered by ${newest.offeredBy}</dd>
      ${active?.termination ? html`<dt>Terminated</dt><dd>from ${time(active.termination.effectiveAt)}${active.termination.reason ? `: ${active.termination.reason}` : ''}</dd>` : null}
    </dl>
    <${Section} title="Answer" id="answer-title">
      <${Alert} message=${action.error} />
      ${isOpen(newest)
        ? html`<p>Version ${newest.version} is an offer by <strong>${newest.offeredBy}</strong>, awaiting the other party's answer.</p>
          <button type="button" disabled=${action.busy} onClick=${() => action.run(() => must(api.POST('/v1/desk/agreements/{agreementId}/accept', path)))}>Accept version ${newest.version}</button>
          <label for="reject-reason">Reason (for a rejection or termination)</label>
          <input id="reject-reason" value=${reason} onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)} />
          <button type="button" class="danger" disabled=${action.busy} onClick=${() => action.run(() => must(api.POST('/v1/desk/agreements/{agreementId}/reject', { ...path, body: withReason })))}>Reject version ${newest.version}</button>
          ${counter === undefined
            ? html`<button type="button" onClick=${() => setCounter(draftOf(newest))}>Counter with other terms</button>`
            : html`<form class="terms" onSubmit=${(e: Event) => {
                e.preventDefault();
                void action.run(async () => {
                  await must(api.POST('/v1/desk/agreements/{agreementId}/counter', { ...path, body: termsOf(counter, newest.serviceLevels.targets) }));
                  setCounter(undefined);
                });
              }}>
                <${TermsFields} prefix="counter" terms=${counter} onChange=${setCounter} />
                <button type="submit" disabled=${action.busy}>Send the counter-offer</button>
              </form>`}`
        : null}
      ${newest.status === 'active' && newest.termination === undefined
        ? html`<form class="terms" onSubmit=${(e: Event) => {
            e.preventDefault();
            void action.run(() => must(api.POST('/v1/desk/agreements/{agreementId}/terminate', { ...path, body: { effectiveAt: new Date(effectiveAt).toISOString(), ...withReason } })));
          }}>
            <label for="terminate-at">Terminate from</label>
            <input id="terminate-at" type="datetime-local" required value=${effectiveAt} onInput=${(e: Event) => setEffectiveAt((e.target as HTMLInputElement).value)} />
            <label for="terminate-reason">Reason</label>
            <input id="terminate-reason" value=${reason} onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)} />
            <button type="submit" class="danger" disabled=${action.busy}>Terminate</button>
          </form>`
        : null}
      ${!isOpen(newest) && newest.status !== 'active' ? html`<p class="muted">Nothing to answer: the newest version is ${newest.status}.</p>` : null}
    </${Section}>
    <${Section} title="Versions" id="versions-title">
      <table>
        <caption>${count(items.length, 'version')}, oldest first</caption>
        <thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Offered by</th><th scope="col">Signed</th><th scope="col">Services</th><th scope="col">Service levels</th><th scope="col">Valid</th><th scope="col">Reason</th><th scope="col">Updated</th></tr></thead>
        <tbody>${items.map(
          (v) => html`<tr>
            <th scope="row">${v.version}</th><td>${v.status}</td><td>${v.offeredBy}</td><td><${Signatures} agreement=${v} /></td><td>${v.services.join(', ')}</td>
            <td>${levelsText(v.serviceLevels)}</td><td>${v.validFrom || v.validUntil ? `${time(v.validFrom)} to ${time(v.validUntil)}` : 'open'}</td><td>${v.reason ?? '–'}</td><td>${time(v.updatedAt)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </${Section}>
  `;
}
