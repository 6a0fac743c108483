import { describe, expect, it } from 'vitest';
import { receiptBarrier } from '../../src/messages/receipt-barrier.js';
import type { Receipt } from '../../src/messages/receipt.js';

const AT = '2026-01-01T00:00:00.000Z';
const messages = ['a', 'b', 'c', 'd'].map((id) => ({ messageId: id, digest: `sha-256=${id}` }));

/** A signer that records what it was asked to sign and names the statement by its messages. */
function recordingSigner() {
  const statements: string[][] = [];
  const sign = (listed: readonly { messageId: string; digest: string }[]): Receipt[] => {
    statements.push(listed.map((m) => m.messageId));
    const jws = listed.map((m) => m.messageId).join('+');
    return listed.map((m) => ({ ...m, receivedAt: AT, gateway: 'g', jws }));
  };
  return { statements, sign };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the receipt barrier of a batch', () => {
  it('signs once, when every message arrived or left, for the arrived ones in their order', async () => {
    const { statements, sign } = recordingSigner();
    const slots = receiptBarrier(messages, AT, sign);
    let got: Receipt[] | undefined;
    // Arrivals out of order; the barrier waits for the message that has not decided yet.
    void Promise.all([slots[3]!.arrive(), slots[0]!.arrive()]).then((r) => (got = r));
    slots[1]!.leave();
    await settle();
    expect(got).toBeUndefined();
    expect(statements).toEqual([]);
    slots[2]!.leave();
    await settle();
    expect(statements).toEqual([['a', 'd']]);
    expect(got!.map((r) => [r.messageId, r.jws])).toEqual([
      ['d', 'a+d'],
      ['a', 'a+d'],
    ]);
    expect(slots.every((s) => s.receivedAt === AT)).toBe(true);
  });

  it('gives a retried arrival the same receipt, and ignores a leave after an arrival', async () => {
    const { statements, sign } = recordingSigner();
    const slots = receiptBarrier(messages.slice(0, 2), AT, sign);
    const first = slots[0]!.arrive();
    const second = slots[1]!.arrive();
    slots[0]!.leave();
    expect(await slots[0]!.arrive()).toBe(await first);
    expect((await second).jws).toBe('a+b');
    expect(statements).toHaveLength(1);
  });

  it('signs nothing when every message left, and refuses an arrival after a leave', async () => {
    const { statements, sign } = recordingSigner();
    const slots = receiptBarrier(messages.slice(0, 2), AT, sign);
    slots[0]!.leave();
    slots[1]!.leave();
    slots[1]!.leave();
    await settle();
    expect(statements).toEqual([]);
    await expect(slots[0]!.arrive()).rejects.toThrow(TypeError);
  });

  it('passes a signing failure to every arrived message', async () => {
    const slots = receiptBarrier(messages.slice(0, 2), AT, () => {
      throw new Error('no key');
    });
    const arrived = slots[0]!.arrive();
    slots[1]!.leave();
    await expect(arrived).rejects.toThrow('no key');
  });
});
