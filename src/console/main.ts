import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, useCsrfToken, type Session } from './api.js';
import { currentRoute, go, href, useRoute } from './router.js';
import { html } from './ui.js';
import { SignIn } from './sign-in.js';
import { CallsScreen } from './calls-screen.js';
import { CallScreen } from './call-screen.js';
import { LinksScreen } from './links-screen.js';
import { AgreementScreen, AgreementsScreen } from './agreements-screen.js';
import { NetworkScreen } from './network-screen.js';
import { EvidenceScreen } from './evidence-screen.js';
import './console.css';

function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useRoute();
  useEffect(() => {
    void api.GET('/v1/console/session').then(({ data }) => {
      useCsrfToken(data?.csrfToken);
      setSession(data ?? null);
    });
  }, []);
  const signedIn = (s: Session) => {
    useCsrfToken(s.csrfToken);
    setSession(s);
    if (currentRoute().path.length === 0) go(s.roles.includes('desk') ? ['calls'] : ['links']);
  };
  const signOut = async () => {
    await api.DELETE('/v1/console/session');
    useCsrfToken(undefined);
    setSession(null);
  };
  if (session === undefined) return html`<main id="main"><p>Loading…</p></main>`;
  if (session === null) return html`<${SignIn} onSignedIn=${signedIn} />`;

  const isDesk = session.roles.includes('desk');
  const isAdmin = session.roles.includes('admin');
  const [screen, id] = route.path;
  const current = screen ?? (isDesk ? 'calls' : 'links');
  let page;
  if (current === 'calls' && isDesk) page = id === undefined ? html`<${CallsScreen} query=${route.query} />` : html`<${CallScreen} id=${id} />`;
  else if (current === 'agreements' && isDesk) page = id === undefined ? html`<${AgreementsScreen} />` : html`<${AgreementScreen} id=${id} />`;
  else if (current === 'links' && isAdmin) page = html`<${LinksScreen} />`;
  else if (current === 'network' && isAdmin) page = html`<${NetworkScreen} />`;
  else if (current === 'evidence' && isAdmin) page = html`<${EvidenceScreen} query=${route.query} />`;
  else page = html`<h1>Not here</h1><p>There is no such page for ${session.person}.</p>`;

  const link = (name: string, label: string) =>
    html`<li><a href=${href([name])} aria-current=${current === name ? 'page' : undefined}>${label}</a></li>`;
  return html`
    <a class="skip" href="#main" onClick=${(e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
    <header>
      <p class="brand">usm-link console</p>
      <nav aria-label="Screens">
        <ul>
          ${isDesk ? link('calls', 'Calls') : null}
          ${isDesk ? link('agreements', 'Agreements') : null}
          ${isAdmin ? link('links', 'Links') : null}
          ${isAdmin ? link('network', 'Network') : null}
          ${isAdmin ? link('evidence', 'Evidence') : null}
        </ul>
      </nav>
      <p class="who">Signed in as <strong>${session.person}</strong> (${session.roles.join(', ')})
        <button type="button" onClick=${signOut}>Sign out</button></p>
    </header>
    <main id="main" tabindex="-1">${page}</main>
  `;
}

render(html`<${App} />`, document.getElementById('app')!);
