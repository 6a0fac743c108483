import { uuidv7 } from '../../src/kernel/uuid-v7.js';
import type { CallRecord } from '../../src/ports/call.js';
import { startCall } from '../../src/usm/call-lifecycle.js';

/** A new incident as a store keeps it, for tests that write to a store directly. */
export function newCall(customer = 'hospital', updatedAt = new Date().toISOString()): CallRecord {
  return {
    id: uuidv7(),
    customer,
    type: 'incident',
    service: 'workplace',
    agreement: 'a1',
    summary: 'test',
    impact: 'high',
    urgency: 'low',
    priority: 3,
    requester: { name: 'x' },
    attachments: [],
    chainId: uuidv7(),
    lifecycle: startCall('incident').state,
    createdAt: updatedAt,
    updatedAt,
    version: 1,
  };
}
