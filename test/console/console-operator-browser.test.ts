import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, DESK_TOKEN, eventually, SERVICE_LEVELS, type GatewayFixture } from '../support/gateway-fixture.js';
import { startHealthChain, type HealthChain } from '../support/health-chain.js';
import { launchChromium, openPage, screenshot, seriousViolations } from './browser.js';

/**
 * The console's agreement, network and evidence screens in a real browser (Debian's chromium,
 * headless) against the hospital -> exchange -> hosting chain, seen from the exchange in the middle.
 */
describe('the console\'s agreement, network and evidence screens in a browser', () => {
  let browser: Browser;
  let chain: HealthChain;
  let a: GatewayFixture;
  let b: GatewayFixture;

  beforeAll(async () => {
    [browser, chain] = await Promise.all([
      launchChromium(),
      startHealthChain({ exchangeRoute: { callTypes: ['incident'] }, hospitalRoute: { callTypes: ['incident'] } }),
    ]);
    ({ a, b } = chain);
  });
  afterAll(async () => {
    await browser?.close();
    await chain?.close();
  });

  async function signIn(page: Page, url: string, token: string, name?: string): Promise<void> {
    await page.goto(url);
    await page.getByLabel('Token', { exact: true }).fill(token);
    if (name !== undefined) await page.getByLabel('Your name (recorded in the history)').fill(name);
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByText('Signed in as').waitFor();
  }

  it('lists an agreement the hospital proposed, shows its versions and signatures, and accepts the offer by clicks', async () => {
    const proposed = await a.desk('POST', '/v1/desk/agreements', { id: 'records-2027', provider: chain.exchange.id, services: ['records'], serviceLevels: SERVICE_LEVELS });
    expect(proposed.status).toBe(201);
    await eventually(async () => (await b.desk('GET', '/v1/desk/agreements')).body.items.some((x: { id: string }) => x.id === 'records-2027'));

    const { page, errors, close } = await openPage(browser);
    await signIn(page, `${b.url}/console#/agreements`, DESK_TOKEN, 'Erin Exchange');
    await page.getByRole('heading', { name: 'Agreements', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /records-2027/ });
    await expect.poll(async () => row.textContent()).toContain('proposed (awaiting an answer)');
    expect(await row.textContent()).toContain(`${chain.hospital.id} (customer) signed`);
    // The agreements of the exchange's config: with the hospital as provider, with hosting as customer.
    expect(await page.getByRole('row', { name: /^hospital-exchange active/ }).textContent()).toContain(`${chain.hospital.id}${chain.exchange.id}records`);
    expect(await page.getByRole('row', { name: /^exchange-hosting active/ }).textContent()).toContain(`${chain.exchange.id}${chain.hosting.id}hosting`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'agreements');

    await page.getByRole('link', { name: 'records-2027' }).click();
    await page.waitForURL('**/console#/agreements/records-2027');
    await page.getByRole('heading', { name: 'Agreement records-2027' }).waitFor();
    await page.getByRole('button', { name: 'Accept version 1' }).click();
    await page.locator('.details dd', { hasText: /^active$/ }).waitFor();
    const version = page.getByRole('row', { name: /^1 active/ });
    expect(await version.textContent()).toContain(`${chain.exchange.id} (provider) signed`);
    expect(await version.textContent()).toContain(`${chain.hospital.id} (customer) signed`);
    await page.getByRole('button', { name: 'Terminate' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'agreement');
    // The hospital hears of the acceptance: active there too, with both signatures.
    await eventually(async () => {
      const versions = (await a.desk('GET', '/v1/desk/agreements/records-2027')).body.items;
      return versions.at(-1)?.status === 'active' && versions.at(-1).signatures.provider !== null;
    });
    expect(errors).toEqual([]);
    await close();
  });

  it('shows an admin the exchange\'s partners live and the network graph: customers on the left, suppliers on the right', async () => {
    // An offer from the hospital goes into the exchange's log; the hospital and hosting cosign that log in their witness rounds, and the exchange's round fetches and keeps both cosignatures.
    expect((await a.desk('POST', '/v1/desk/agreements', { id: 'records-network', provider: chain.exchange.id, services: ['records'], serviceLevels: SERVICE_LEVELS })).status).toBe(201);
    await eventually(async () => (await b.app.gateway.store.logCheckpoint()) !== undefined);
    for (const gateway of [a, chain.c]) expect((await gateway.app.gateway.witness.runOnce()).find((o) => o.partner === chain.exchange.id)).toMatchObject({ outcome: 'kept' });
    const rounds = await b.app.gateway.witness.runOnce();
    for (const partner of [chain.hospital.id, chain.hosting.id]) expect(rounds.find((o) => o.partner === partner)?.cosignature).toMatchObject({ outcome: 'kept' });
    const cosigned = await b.app.gateway.store.listCosignatures();
    expect(cosigned.map((c) => c.witness).sort()).toEqual([chain.hospital.id, chain.hosting.id].sort());
    const { page, errors, close } = await openPage(browser);
    await signIn(page, `${b.url}/console#/network`, ADMIN_TOKEN);
    await page.getByRole('heading', { name: 'Network', exact: true }).waitFor();
    await page.getByText('2 partner gateways, refreshed every 3 s').waitFor();
    for (const partner of [chain.hospital.id, chain.hosting.id]) {
      await page.getByRole('rowheader', { name: new RegExp(partner) }).waitFor();
      // Our log cosigned by it, at the size it cosigned.
      const { treeSize } = cosigned.find((c) => c.witness === partner)!;
      expect(await page.getByRole('row', { name: new RegExp(`^${partner}`) }).textContent()).toContain(`at ${treeSize} records`);
    }
    const graph = page.getByRole('img', { name: 'Network graph' });
    const customer = graph.locator(`g.node[data-partner="${chain.hospital.id}"]`);
    const supplier = graph.locator(`g.node[data-partner="${chain.hosting.id}"]`);
    await expect.poll(async () => customer.textContent()).toBe(`${chain.hospital.id}customer: up`);
    await expect.poll(async () => supplier.textContent()).toBe(`${chain.hosting.id}supplier: up`);
    const x = async (node: typeof customer) => Number(await node.locator('rect').getAttribute('x'));
    const self = Number(await graph.locator('g.node.self rect').getAttribute('x'));
    expect(await x(customer)).toBeLessThan(self);
    expect(await x(supplier)).toBeGreaterThan(self);
    expect(await graph.locator('line.edge.up').count()).toBe(2);

    // Live: delivery to hosting paused by the API shows in the graph without a reload.
    expect((await b.admin('POST', `/v1/admin/partners/${chain.hosting.id}/pause`)).status).toBe(200);
    await expect.poll(async () => supplier.textContent(), { timeout: 10_000 }).toBe(`${chain.hosting.id}supplier: paused`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'network');
    expect((await b.admin('POST', `/v1/admin/partners/${chain.hosting.id}/resume`)).status).toBe(200);
    expect(errors).toEqual([]);
    await close();
  });
  it('finds a log record by its message id and shows it verified in the browser, and verifies the whole log against the newest checkpoint', async () => {
    // An offer the hospital sends the exchange: a record of the hospital's log, under a checkpoint once delivered.
    expect((await a.desk('POST', '/v1/desk/agreements', { id: 'records-evidence', provider: chain.exchange.id, services: ['records'], serviceLevels: SERVICE_LEVELS })).status).toBe(201);
    const store = a.app.gateway.store;
    const record = await eventually(async () => {
      const checkpoint = await store.logCheckpoint();
      for await (const r of store.readLog()) if (r.direction === 'out' && r.partner === chain.exchange.id && checkpoint !== undefined && r.index < checkpoint.treeSize) return r;
      return undefined;
    });

    const { page, errors, close } = await openPage(browser);
    await signIn(page, `${a.url}/console#/evidence`, ADMIN_TOKEN);
    await page.getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
    await page.getByLabel('Id', { exact: true }).fill(record.messageId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`**/console#/evidence?messageId=${record.messageId}`);
    // The unfiltered list may hold the same record and is replaced once the search answers: wait for the list of one.
    await expect.poll(async () => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
    const row = page.getByRole('row', { name: new RegExp(record.messageId) });
    await row.waitFor();
    await row.getByRole('button', { name: `Verify record ${record.index}` }).click();
    await row.getByText(/✔ verified: in the log of \d+ records/).waitFor();
    expect(await row.textContent()).toContain('checked in this browser');

    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    await page.getByText(/✔ the whole log verified: \d+ records/).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('agrees with the checkpoint of');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'evidence');
    expect(errors).toEqual([]);
    await close();
  });
});
