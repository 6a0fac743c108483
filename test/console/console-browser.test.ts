import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import { hashPassword } from '../../src/keys/console-accounts.js';
import { ADMIN_TOKEN, DESK_TOKEN, eventually, incident, type GatewayFixture } from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';
import { newCall } from '../support/records.js';
import { launchChromium, openPage, screenshot, seriousViolations } from './browser.js';

/**
 * The console in a real browser (Debian's chromium, headless) against the hospital -> exchange ->
 * hosting chain: everything done by clicks and typing, as a person would.
 */
describe('the console in a browser', () => {
  let browser: Browser;
  let chain: HealthChain;
  let a: GatewayFixture;
  /** The ward's call the hospital forked to the exchange (and the exchange on to hosting). */
  let forkedId: string;
  let supplierCallId: string;

  beforeAll(async () => {
    [browser, chain] = await Promise.all([
      launchChromium(),
      hashPassword('ward seven desk').then((passwordHash) =>
        startHealthChain({
          exchangeRoute: { callTypes: ['incident'], mode: 'auto', onSupplierResolved: 'resolve', relayNotes: true },
          hospitalRoute: { callTypes: ['incident'] },
          config: { hospital: { console: { accounts: [{ name: 'dana', passwordHash, roles: ['desk'] }] } } },
        }),
      ),
    ]);
    a = chain.a;
    // Set up by the API: a call forked down the whole chain.
    const client = a.client(chain.ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'Patient records do not load' })));
    forkedId = (submitted.body as any).call.id;
    await a.desk('POST', `/v1/desk/calls/${forkedId}/advance`, {});
    await a.desk('POST', `/v1/desk/calls/${forkedId}/advance`, {});
    expect((await a.desk('POST', `/v1/desk/calls/${forkedId}/forks`, { supplier: chain.exchange.id })).status).toBe(201);
    supplierCallId = await eventually(async () => (await a.desk('GET', `/v1/desk/calls/${forkedId}/forks`)).body.items[0]?.remoteCallId ?? undefined);
    await eventually(async () => (await chain.c.desk('GET', '/v1/desk/calls')).body.items.length === 1);
  });
  afterAll(async () => {
    await browser?.close();
    await chain?.close();
  });

  async function signIn(page: Page, token: string, name?: string): Promise<void> {
    await page.getByLabel('Token', { exact: true }).fill(token);
    if (name !== undefined) await page.getByLabel('Your name (recorded in the history)').fill(name);
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByText('Signed in as').waitFor();
  }

  it('signs in by name and password, finds a call by its supplier\'s call id and shows the chain with every receipt verified; strict CSP, accessible, no console errors', async () => {
    const { page, errors, close } = await openPage(browser);
    const response = await page.goto(`${a.url}/console`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('heading', { name: 'Sign in to the usm-link console' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');

    await page.getByLabel('Name', { exact: true }).fill('dana');
    await page.getByLabel('Password', { exact: true }).fill('ward seven desk');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as dana').waitFor();
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Patient records do not load' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'calls');

    await page.getByLabel(/Find a call by any id/).fill(supplierCallId);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(`**/console#/calls/${forkedId}`);
    await page.getByRole('heading', { name: 'Patient records do not load' }).waitFor();
    // Three gateways, five receipts: each arrival and each hand-over to the next supplier.
    await expect.poll(async () => page.locator('.chain').getByText('✔ receipt verified').count(), { timeout: 30_000 }).toBe(5);
    expect(await page.locator('.chain').getByText('not verified').count()).toBe(0);
    for (const gateway of ['hospital', 'exchange', 'hosting']) await page.locator('.chain strong', { hasText: gateway }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'call');
    expect(errors).toEqual([]);
    await close();
  });

  it('signs in with the desk token and a name, and takes an incident through workflow 4 to resolved with clicks only, the history naming the person', async () => {
    const client = a.client(chain.ward);
    const submitted = await client.send('/v1/calls', client.envelope('call.submit', incident({ agreement: 'ward-agreement', summary: 'Label printer offline' })));
    const id = (submitted.body as any).call.id as string;
    const { page, errors, close } = await openPage(browser);
    await page.goto(`${a.url}/console#/calls/${id}`);
    await signIn(page, DESK_TOKEN, 'Dana Desk');
    await page.getByRole('heading', { name: 'Label printer offline' }).waitFor();

    const now = page.locator('[aria-current="step"]');
    for (let guard = 0; ; guard++) {
      expect(guard).toBeLessThan(20);
      if (await page.getByRole('button', { name: 'Resolve' }).isVisible()) break;
      const before = await now.textContent();
      const branch = page.getByRole('button', { name: 'Advance: operate' });
      await ((await branch.isVisible()) ? branch : page.getByRole('button', { name: 'Advance', exact: true })).click();
      await expect.poll(() => now.textContent(), { timeout: 20_000 }).not.toBe(before);
    }
    expect(await page.locator('.workflow').textContent()).toContain('fork: change → workflow 3, operate → workflow 4');
    await page.getByLabel('Resolution').fill('Printer driver reinstalled');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.locator('.details dd', { hasText: /^resolved$/ }).waitFor();
    expect(await page.getByText('Workflow 4:').count()).toBe(1);
    const history = (await a.desk('GET', `/v1/desk/calls/${id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ actor: { kind: 'desk', id: 'Dana Desk' }, kind: 'status', to: 'resolved' });
    expect(errors).toEqual([]);
    await close();
  });

  it('shows an admin the links, pauses a partner and replays a dead letter into its paused queue', async () => {
    // A message the exchange refuses (not an envelope) becomes a dead letter at the hospital.
    const store = a.app.gateway.store;
    const call = newCall('ward');
    await store.commitCall({ call, expectedVersion: null, history: [], notes: [], events: [], outbox: [{ id: uuidv7(), partner: chain.exchange.id, type: 'call.update', path: '/v1/messages', linkId: null, callId: call.id, body: '{}', trace: null, createdAt: new Date().toISOString() }] });
    a.app.gateway.outboxWorker.wake([chain.exchange.id]);
    await eventually(async () => (await store.listOutbox({ status: 'dead', limit: 10 })).length === 1);

    const { page, errors, close } = await openPage(browser);
    await page.goto(`${a.url}/console#/links`);
    await signIn(page, ADMIN_TOKEN);
    await page.getByRole('heading', { name: 'Links' }).waitFor();
    await page.getByRole('rowheader', { name: /exchange/ }).waitFor();
    await page.getByText('1 dead letter', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Pause delivery to exchange' }).click();
    await page.getByRole('button', { name: 'Resume delivery to exchange' }).waitFor();
    await page.getByRole('button', { name: /^Replay [0-9a-f]{6}$/ }).click();
    await page.getByText('0 dead letters').waitFor();
    const row = page.getByRole('row', { name: /exchange/ });
    await expect.poll(async () => (await row.locator('td').nth(1).textContent())?.trim(), { timeout: 20_000 }).toBe('1');
    await screenshot(page, 'links');
    expect((await store.pausedPartners()).map((p) => p.partner)).toEqual([chain.exchange.id]);

    await page.getByRole('button', { name: 'Resume delivery to exchange' }).click();
    await page.getByRole('button', { name: 'Pause delivery to exchange' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
