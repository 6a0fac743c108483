import { describe, expect, it } from 'vitest';
import { answeredLink, type SupplierLink } from '../../src/ports/supplier-link.js';
import { receiveUpdate } from '../../src/subcalls/link-updates.js';

const AT = '2026-01-01T00:00:00.000Z';
const LATER = '2026-01-01T00:00:01.000Z';

function link(overrides: Partial<SupplierLink> = {}): SupplierLink {
  return {
    id: 'link-1', parentCallId: 'parent', supplier: 'supplier', service: 'hosting', agreement: 'u1', type: 'incident',
    at: { process: 'recover', step: 3 }, status: 'requested', remoteCallId: null, lastSeq: 0, heldBack: [],
    onSupplierResolved: 'resume', relayNotes: false, createdAt: AT, updatedAt: AT, version: 1, ...overrides,
  };
}

describe('the answer to a sub-call submission', () => {
  it("gives a requested link the supplier's call id and starting status", () => {
    expect(answeredLink(link(), { callId: 'remote', status: 'acknowledged' }, LATER)).toMatchObject({ remoteCallId: 'remote', status: 'acknowledged', updatedAt: LATER, version: 2 });
  });

  it('does not undo a status an update already brought, but still fills in the call id', () => {
    const updated = receiveUpdate(link(), { callId: 'remote', externalRef: 'link-1', seq: 1, status: 'inProgress' }, LATER).link;
    expect(answeredLink({ ...updated, remoteCallId: null }, { callId: 'remote', status: 'acknowledged' }, LATER)).toMatchObject({ remoteCallId: 'remote', status: 'inProgress' });
  });

  it('changes nothing when it is a repeat', () => {
    expect(answeredLink(link({ remoteCallId: 'remote', status: 'acknowledged' }), { callId: 'remote', status: 'acknowledged' }, LATER)).toBeUndefined();
  });
});
