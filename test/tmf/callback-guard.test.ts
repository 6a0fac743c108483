import { createServer } from 'node:http';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCallback, guardedDispatcher, hostAllowed } from '../../src/tmf/callback-guard.js';
import { isPublicAddress } from '../../src/kernel/public-address.js';

describe('where a partner\'s TMF621 callbacks may go', () => {
  let port: number;
  const server = createServer((_request, response) => response.end('ok'));
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('tells public addresses from loopback, link-local, private and reserved ones', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('matches hosts exactly or under a *. domain', () => {
    const policy = { hosts: ['listener.example.org', '*.example.com'], allowPrivateAddresses: false };
    expect(hostAllowed(policy, 'listener.example.org')).toBe(true);
    expect(hostAllowed(policy, 'a.b.example.com')).toBe(true);
    expect(hostAllowed(policy, 'example.com')).toBe(false);
    expect(hostAllowed(policy, 'evilexample.com')).toBe(false);
    expect(hostAllowed(policy, 'other.example.org')).toBe(false);
  });

  it('refuses a partner without callback hosts, and checks the resolved addresses', async () => {
    await expect(checkCallback('https://listener.example.org/x', undefined)).rejects.toMatchObject({ code: 'USM_ERR_CALLBACK_REFUSED' });
    const policy = { hosts: ['listener.example.org'], allowPrivateAddresses: false };
    await expect(checkCallback('https://listener.example.org/x', policy, async () => ['93.184.216.34'])).resolves.toBeInstanceOf(URL);
    // One private address among the public ones is enough to refuse.
    await expect(checkCallback('https://listener.example.org/x', policy, async () => ['93.184.216.34', '10.0.0.7'])).rejects.toMatchObject({ code: 'USM_ERR_CALLBACK_REFUSED' });
  });

  it('connects only to addresses checked as the name is resolved for the connection (DNS rebinding)', async () => {
    const policy = { hosts: ['localhost'], allowPrivateAddresses: false };
    // At subscription the name resolved to a public address...
    await expect(checkCallback(`http://localhost:${port}/`, policy, async () => ['93.184.216.34'])).resolves.toBeInstanceOf(URL);
    // ...at delivery it resolves to loopback: the connection is refused.
    const guarded = await guardedDispatcher(policy, 2000);
    await expect(request(`http://localhost:${port}/`, { dispatcher: guarded })).rejects.toMatchObject({ code: 'USM_CALLBACK_ADDRESS_REFUSED' });
    await guarded.close();
    // Where the entry allows private addresses, the same request goes through.
    const open = await guardedDispatcher({ hosts: ['localhost'], allowPrivateAddresses: true }, 2000);
    const answer = await request(`http://localhost:${port}/`, { dispatcher: open });
    expect(await answer.body.text()).toBe('ok');
    await open.close();
  });
});
