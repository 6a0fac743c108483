import { describe, expect, it } from 'vitest';
import { codeOf } from '../../src/kernel/gateway-error.js';
import { patchRequestOf, submissionOf, type TicketCreate } from '../../src/tmf/ticket-mapping.js';

const partner = { id: 'hospital', name: 'Hospital', roles: ['customer'] as const, keys: [] };
const agreement = (id: string, services: string[], status = 'active') => ({ id, customer: 'hospital', services, status }) as never;
const ticket = (extra: Partial<TicketCreate> = {}): TicketCreate => ({ ticketType: 'incident', severity: 'minor', description: 'Printer jammed\nsince Monday', ...extra });

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return codeOf(error);
  }
  return undefined;
}

describe('the TMF621 ticket mapping', () => {
  it('maps severity to impact and priority to urgency, TMF-style and MEF 124 values alike', () => {
    const impacts = ['critical', 'extensive', 'major', 'significant', 'moderate', 'minor'].map((severity) => submissionOf(ticket({ severity }), partner, [agreement('a', ['workplace'])]).impact);
    expect(impacts).toEqual(['high', 'high', 'medium', 'medium', 'medium', 'low']);
    expect(submissionOf(ticket({ priority: 'low' }), partner, [agreement('a', ['workplace'])]).urgency).toBe('low');
    expect(submissionOf(ticket(), partner, [agreement('a', ['workplace'])]).urgency).toBe('medium');
  });

  it('takes the summary from the first line of the description when the ticket has no name, and the partner as requester', () => {
    expect(submissionOf(ticket(), partner, [agreement('a', ['workplace'])])).toEqual({
      type: 'incident',
      service: 'workplace',
      agreement: 'a',
      summary: 'Printer jammed',
      description: 'Printer jammed\nsince Monday',
      impact: 'low',
      urgency: 'medium',
      requester: { name: 'Hospital' },
    });
  });

  it('needs the service named when the partner has several, and picks the agreement covering it', () => {
    const agreements = [agreement('old', ['hosting'], 'terminated'), agreement('a', ['workplace']), agreement('b', ['hosting'])];
    expect(refusal(() => submissionOf(ticket(), partner, agreements))).toBe('USM_ERR_TICKET_UNMAPPABLE');
    const named = submissionOf(ticket({ relatedEntity: [{ role: 'affectedService', entity: { id: 'hosting' } }] }), partner, agreements);
    expect([named.service, named.agreement]).toEqual(['hosting', 'b']);
  });

  it('refuses what it cannot map', () => {
    const one = [agreement('a', ['workplace'])];
    for (const extra of [{ severity: 'apocalyptic' }, { priority: 'urgent' }, { attachment: [] }, { channel: { id: 'web' } }, { note: [] }, { status: 'resolved' }, { externalIdentifier: [{ id: 'a' }, { id: 'b' }] }]) {
      expect(refusal(() => submissionOf(ticket(extra as Partial<TicketCreate>), partner, one)), JSON.stringify(extra)).toBe('USM_ERR_TICKET_UNMAPPABLE');
    }
  });

  it('reads a merge patch against the ticket as it is', () => {
    const current = { id: 'c', href: 'h', '@type': 'TroubleTicket' as const, status: 'resolved' as const, note: [{ id: 'n1', text: 'fixed' }], severity: 'minor' };
    expect(patchRequestOf({ status: 'closed' }, current)).toEqual({ action: { kind: 'confirm' } });
    expect(patchRequestOf({ status: 'inProgress', statusChangeReason: 'not fixed' }, current)).toEqual({ action: { kind: 'reopen' }, note: { text: 'not fixed', visibility: 'public', kind: 'comment' }, comment: 'not fixed' });
    expect(patchRequestOf({ note: [{ id: 'n1', text: 'fixed' }, { text: 'thanks' }] }, current)).toEqual({ note: { text: 'thanks', visibility: 'public', kind: 'comment' } });
    expect(patchRequestOf({ status: 'resolved', severity: 'minor' }, current)).toEqual({});
    for (const patch of [{ severity: 'major' }, { status: 'held' as const }, { note: [{ text: 'a' }, { text: 'b' }] }, { statusChangeReason: 'why' }, { status: 'inProgress' as const }]) {
      expect(refusal(() => patchRequestOf(patch, current)), JSON.stringify(patch)).toBe('USM_ERR_TICKET_UNMAPPABLE');
    }
  });
});
