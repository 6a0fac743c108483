import { describe, expect, it } from 'vitest';
import { createAgreementRegistry } from '../../src/agreements/agreement-registry.js';
import type { AgreementStore, AgreementVersion } from '../../src/ports/agreement-store.js';
import { SERVICE_LEVELS } from '../support/gateway-fixture.js';

const NOW = Date.parse('2026-06-15T12:00:00Z');

function registry(versions: AgreementVersion[]) {
  const store: AgreementStore = {
    agreementVersions: async (id) => versions.filter((v) => v.id === id),
    listAgreementVersions: async () => versions,
    activeAgreementVersions: async (customer) => versions.filter((v) => v.customer === customer && v.status === 'active'),
    wishAgreementVersions: async (callId) => versions.filter((v) => v.forCall === callId),
    commitAgreement: async () => undefined,
  };
  return createAgreementRegistry({
    provider: 'provider',
    services: [{ id: 'hosting', name: 'Hosting' }, { id: 'backup', name: 'Backup' }, { id: 'mail', name: 'Mail' }],
    agreements: [
      { id: 'old', customer: 'c', services: ['backup'], serviceLevels: SERVICE_LEVELS, status: 'active', onUnknownRequester: 'accept', validUntil: '2026-01-01T00:00:00Z' },
      { id: 'next', customer: 'c', services: ['mail'], serviceLevels: SERVICE_LEVELS, status: 'active', onUnknownRequester: 'accept', validFrom: '2027-01-01T00:00:00Z' },
    ],
    underpinning: [],
    store,
    now: () => NOW,
  });
}

const negotiated = (termination?: AgreementVersion['termination']): AgreementVersion => ({
  id: 'n',
  version: 1,
  provider: 'provider',
  customer: 'c',
  status: 'active',
  document: JSON.stringify({ id: 'n', version: 1, provider: 'provider', customer: 'c', services: ['hosting'], serviceLevels: SERVICE_LEVELS }),
  offeredBy: 'c',
  signatures: { customer: 'x', provider: 'y' },
  ...(termination !== undefined ? { termination } : {}),
  createdAt: 'x',
  updatedAt: 'x',
});

const ending = (effectiveAt: string) => ({ by: 'c', effectiveAt, notice: '{}', signature: 's', at: 'x' });

describe('the agreements in force', () => {
  it('refuse a call outside the validity period, and offer none of its services then', async () => {
    const agreements = registry([negotiated()]);
    await expect(agreements.covering('c', 'old', 'backup')).rejects.toMatchObject({ code: 'USM_ERR_AGREEMENT_OUTSIDE_VALIDITY' });
    await expect(agreements.covering('c', 'next', 'mail')).rejects.toMatchObject({ code: 'USM_ERR_AGREEMENT_OUTSIDE_VALIDITY' });
    expect((await agreements.servicesFor('c')).map((s) => s.id)).toEqual(['hosting']);
  });

  it('take calls under a terminated agreement until its effective date, and refuse them from then on', async () => {
    expect(await registry([negotiated(ending('2026-06-16T00:00:00Z'))]).covering('c', 'n', 'hosting')).toMatchObject({ id: 'n', status: 'active', terminatesAt: '2026-06-16T00:00:00Z' });
    const ended = registry([negotiated(ending('2026-06-15T12:00:00Z'))]);
    await expect(ended.covering('c', 'n', 'hosting')).rejects.toMatchObject({ code: 'USM_ERR_AGREEMENT_TERMINATED' });
    expect(await ended.servicesFor('c')).toEqual([]);
    expect(await ended.find('n')).toMatchObject({ status: 'terminated' });
  });
});
