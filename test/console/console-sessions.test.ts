import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { consoleCommand } from '../../src/cli/console-command.js';
import { hashPassword, verifyPassword } from '../../src/keys/console-accounts.js';
import { ADMIN_TOKEN, DESK_TOKEN, incident, makePartner, removeDir, startGateway, type GatewayFixture, type TestPartner } from '../support/gateway-fixture.js';

/** A browser's view of the gateway: the cookie it was given and the CSRF token of its session. */
class Browser {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly base: string) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie !== undefined ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  async signIn(credentials: Record<string, string>) {
    const answer = await this.send('POST', '/v1/console/session', credentials);
    if (answer.status === 201) this.csrf = answer.body.csrfToken;
    return answer;
  }

  write(method: string, path: string, body?: unknown) {
    return this.send(method, path, body, this.csrf !== undefined ? { 'usm-csrf-token': this.csrf } : {});
  }
}

describe('signing in to the console', () => {
  let gateway: GatewayFixture;
  let hospital: TestPartner;
  let clock = Date.now();
  beforeAll(async () => {
    hospital = await makePartner('hospital');
    gateway = await startGateway({
      partners: [hospital],
      now: () => clock,
      config: {
        console: {
          sessionMinutes: 30,
          signInAttemptsPerMinute: 4,
          accounts: [
            { name: 'ana', passwordHash: await hashPassword('correct horse battery'), roles: ['desk'] },
            { name: 'olaf', passwordHash: await hashPassword('operator secret pw'), roles: ['desk', 'admin'] },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await removeDir(gateway.dir);
  });

  it('hashes passwords with scrypt, each with its own salt', async () => {
    const [a, b] = await Promise.all([hashPassword('pw one two'), hashPassword('pw one two')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('pw one two', a)).toBe(true);
    expect(await verifyPassword('pw one too', a)).toBe(false);
  });

  it('prints a password hash for the config from a password on standard input (usm-link console hash-password)', async () => {
    let printed = '';
    expect(await consoleCommand(['hash-password'], Readable.from(['a long passphrase\n']), (t) => (printed += t))).toBe(0);
    expect(await verifyPassword('a long passphrase', printed.trim())).toBe(true);
    await expect(consoleCommand(['hash-password'], Readable.from(['short\n']), () => undefined)).rejects.toThrow(/at least 8/);
  });

  it('signs a person in with name and password: an httpOnly, SameSite=Strict session cookie, a CSRF token, the person in the history', async () => {
    const browser = new Browser(gateway.url);
    const signedIn = await browser.signIn({ name: 'ana', password: 'correct horse battery' });
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toMatchObject({ person: 'ana', roles: ['desk'], via: 'account' });
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^usm_console=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=1800$/);
    expect((await browser.send('GET', '/v1/console/session')).body).toMatchObject({ person: 'ana', csrfToken: signedIn.body.csrfToken });

    const raised = await browser.write('POST', '/v1/desk/calls', { ...incident(), customer: 'hospital', channel: 'phone' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const advanced = await browser.write('POST', `/v1/desk/calls/${raised.body.id}/advance`, {});
    expect(advanced.status).toBe(200);
    const history = await browser.send('GET', `/v1/desk/calls/${raised.body.id}/history`);
    expect(history.body.items.map((e: any) => e.actor)).toContainEqual({ kind: 'desk', id: 'ana' });
    expect(history.body.items.map((e: any) => e.actor.id)).not.toContain('desk');
  });

  it('refuses a write in a session without its CSRF token, and one with another session\'s', async () => {
    const browser = new Browser(gateway.url);
    await browser.signIn({ name: 'ana', password: 'correct horse battery' });
    const other = new Browser(gateway.url);
    await other.signIn({ name: 'olaf', password: 'operator secret pw' });
    const body = { ...incident(), customer: 'hospital', channel: 'phone' };
    const without = await browser.send('POST', '/v1/desk/calls', body);
    expect(without.status).toBe(403);
    expect(without.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(without.body.code).toBe('USM_ERR_CSRF_TOKEN_INVALID');
    const wrong = await browser.send('POST', '/v1/desk/calls', body, { 'usm-csrf-token': other.csrf! });
    expect(wrong.body.code).toBe('USM_ERR_CSRF_TOKEN_INVALID');
    // Reads need no CSRF token.
    expect((await browser.send('GET', '/v1/desk/calls')).status).toBe(200);
  });

  it('gives the operator pages to admins only', async () => {
    const desk = new Browser(gateway.url);
    await desk.signIn({ name: 'ana', password: 'correct horse battery' });
    const refused = await desk.send('GET', '/v1/admin/neighbours');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('USM_ERR_ROLE_REQUIRED');
    const admin = new Browser(gateway.url);
    await admin.signIn({ name: 'olaf', password: 'operator secret pw' });
    expect((await admin.send('GET', '/v1/admin/neighbours')).status).toBe(200);
    expect((await admin.send('GET', '/v1/desk/calls')).status).toBe(200);
  });

  it('signs in with the desk token, recording the person named; with an admin token as an admin', async () => {
    const browser = new Browser(gateway.url);
    const signedIn = await browser.signIn({ token: DESK_TOKEN, name: 'Bo Berg' });
    expect(signedIn.body).toMatchObject({ person: 'Bo Berg', roles: ['desk'], via: 'token desk' });
    const raised = await browser.write('POST', '/v1/desk/calls', { ...incident(), customer: 'hospital', channel: 'email' });
    const history = await browser.send('GET', `/v1/desk/calls/${raised.body.id}/history`);
    expect(history.body.items[0].actor).toEqual({ kind: 'desk', id: 'Bo Berg' });
    const admin = new Browser(gateway.url);
    expect((await admin.signIn({ token: ADMIN_TOKEN })).body).toMatchObject({ person: 'admin', roles: ['admin'] });
  });

  it('refuses a wrong password, an unknown name and a wrong token alike, and limits the failed attempts', async () => {
    const answers = await Promise.all([
      new Browser(gateway.url).signIn({ name: 'ana', password: 'wrong' }),
      new Browser(gateway.url).signIn({ name: 'nobody', password: 'wrong' }),
      new Browser(gateway.url).signIn({ token: 'not-a-token-of-this-gateway' }),
      new Browser(gateway.url).signIn({ name: 'olaf', password: 'wrong' }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body.code).toBe('USM_ERR_SIGN_IN_FAILED');
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    // Four failures a minute from one address: now even the right password waits.
    const limited = await new Browser(gateway.url).signIn({ name: 'ana', password: 'correct horse battery' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('USM_ERR_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock += 60_000;
    expect((await new Browser(gateway.url).signIn({ name: 'ana', password: 'correct horse battery' })).status).toBe(201);
  });

  it('ends a session at sign-out and at its expiry', async () => {
    const browser = new Browser(gateway.url);
    expect((await browser.signIn({ name: 'ana', password: 'correct horse battery' })).status).toBe(201);
    const kept = browser.cookie;
    const out = await browser.write('DELETE', '/v1/console/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^usm_console=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
    expect((await browser.send('GET', '/v1/console/session')).status).toBe(204);
    browser.cookie = kept;
    expect((await browser.send('GET', '/v1/console/session')).status).toBe(204);
    const after = await browser.send('GET', '/v1/desk/calls');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('USM_ERR_SESSION_INVALID');

    const later = new Browser(gateway.url);
    await later.signIn({ name: 'ana', password: 'correct horse battery' });
    expect((await later.send('GET', '/v1/desk/calls')).status).toBe(200);
    clock += 31 * 60_000;
    const expired = await later.send('GET', '/v1/desk/calls');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('USM_ERR_SESSION_INVALID');
  });

  it('judges a request with a bearer token by the token alone, whatever cookie it carries', async () => {
    const answer = await fetch(`${gateway.url}/v1/desk/calls`, { headers: { authorization: `Bearer ${DESK_TOKEN}`, cookie: 'usm_console=stale' } });
    expect(answer.status).toBe(200);
  });
});
