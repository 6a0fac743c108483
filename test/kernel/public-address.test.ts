import { describe, expect, it } from 'vitest';
import { hostMatches, isPublicAddress } from '../../src/kernel/public-address.js';

describe('public addresses and allowed hosts', () => {
  it('judges loopback, link-local, private, shared, documentation and reserved addresses not public, in IPv4 and IPv6', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '192.0.2.7', '2001:db8::1', '64:ff9b::a00:1', 'not an address']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('allows exact host names and subdomains of a wildcard, nothing else', () => {
    const allowed = ['files.example.org', '*.cdn.example.net'];
    expect(hostMatches('files.example.org', allowed)).toBe(true);
    expect(hostMatches('FILES.example.org.', allowed)).toBe(true);
    expect(hostMatches('a.cdn.example.net', allowed)).toBe(true);
    expect(hostMatches('cdn.example.net', allowed)).toBe(false);
    expect(hostMatches('evilcdn.example.net', allowed)).toBe(false);
    expect(hostMatches('files.example.org.evil.com', allowed)).toBe(false);
    expect(hostMatches('127.0.0.1', allowed)).toBe(false);
    expect(hostMatches('[::1]', ['::1'])).toBe(true);
  });
});
