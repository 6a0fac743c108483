import { useState } from 'preact/hooks';
import { api, must, type Session } from './api.js';
import { Alert, html } from './ui.js';

/** Sign in by name and password, or with a token (a desk or admin token asks for the person's name too). */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string | undefined>();
  const submit = (body: { name?: string; password?: string; token?: string }) => async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      onSignedIn(await must(api.POST('/v1/console/session', { body })));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [tokenName, setTokenName] = useState('');
  const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return html`
    <main id="main" class="sign-in">
      <h1>Sign in to the usm-link console</h1>
      <${Alert} message=${error} />
      <form onSubmit=${submit({ name, password })} aria-labelledby="with-password">
        <h2 id="with-password">With your name and password</h2>
        <label for="name">Name</label>
        <input id="name" name="name" autocomplete="username" required value=${name} onInput=${value(setName)} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value=${password} onInput=${value(setPassword)} />
        <button type="submit">Sign in</button>
      </form>
      <form onSubmit=${submit({ token, ...(tokenName ? { name: tokenName } : {}) })} aria-labelledby="with-token">
        <h2 id="with-token">With a token</h2>
        <label for="token">Token</label>
        <input id="token" name="token" type="password" autocomplete="off" required value=${token} onInput=${value(setToken)} />
        <label for="token-name">Your name (recorded in the history)</label>
        <input id="token-name" name="token-name" autocomplete="name" value=${tokenName} onInput=${value(setTokenName)} />
        <button type="submit">Sign in with token</button>
      </form>
    </main>
  `;
}
