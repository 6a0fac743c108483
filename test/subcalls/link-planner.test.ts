import { describe, expect, it } from 'vitest';
import type { RouteConfig } from '../../src/config/load-config.js';
import type { PartnerDirectory } from '../../src/partners/partner-directory.js';
import type { CallRecord } from '../../src/ports/call.js';
import { createLinkPlanner } from '../../src/subcalls/link-planner.js';
import { startCall } from '../../src/usm/call-lifecycle.js';
import type { CallType } from '../../src/usm/usm-model.js';

const noPartners = { get: () => undefined } as unknown as PartnerDirectory;

function callOf(type: CallType): CallRecord {
  return { type, service: 'workplace', lifecycle: startCall(type).state } as CallRecord;
}

describe('automatic routes', () => {
  const route = (extra: Partial<RouteConfig>): RouteConfig => ({ service: 'workplace', supplier: 'hosting', supplierService: 'servers', agreement: 'u1', mode: 'auto', onSupplierResolved: 'resume', relayNotes: false, ...extra });

  it('fork a service request at Operate 4 by default', () => {
    const planner = createLinkPlanner({ routes: [route({ callTypes: ['service_request'] })], partners: noPartners });
    expect(planner.autoRoute(callOf('service_request'))?.at).toEqual({ process: 'operate', step: 4 });
  });

  it('for every call type, fork only the calls whose own process has the step, and leave the others to the desk', () => {
    const planner = createLinkPlanner({ routes: [route({ at: { process: 'operate', step: 4 } })], partners: noPartners });
    expect(planner.autoRoute(callOf('service_request'))?.at).toEqual({ process: 'operate', step: 4 });
    // An incident reaches Operate only after the desk's choice at Recover 5, a wish or rfc only after whole processes.
    for (const type of ['incident', 'wish', 'rfc', 'risk'] as const) expect(planner.autoRoute(callOf(type))).toBeUndefined();
  });

  it('fall through to the next route when one cannot fork the call', () => {
    const planner = createLinkPlanner({ routes: [route({ at: { process: 'recover', step: 3 } }), route({ supplier: 'other', callTypes: ['service_request'] })], partners: noPartners });
    expect(planner.autoRoute(callOf('service_request'))?.route.supplier).toBe('other');
    expect(planner.autoRoute(callOf('incident'))?.route.supplier).toBe('hosting');
  });
});
