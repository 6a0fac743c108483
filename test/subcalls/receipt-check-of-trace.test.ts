import { describe, expect, it } from 'vitest';
import { generatePrivateJwk, publicJwkOf, signingKeyOf, verificationKeyOf } from '../../src/keys/jwk.js';
import { bodyDigest } from '../../src/messages/batch.js';
import { createReceipt } from '../../src/messages/receipt.js';
import { receiptCheckOf } from '../../src/subcalls/chain-trace.js';

describe("the chain trace's check of a receipt", () => {
  it('says verified for a receipt by the right gateway over the message, and why not otherwise', async () => {
    const supplier = signingKeyOf(await generatePrivateJwk('EdDSA'));
    const other = signingKeyOf(await generatePrivateJwk('EdDSA'));
    const keys = [verificationKeyOf(publicJwkOf(supplier.jwk))];
    const digest = bodyDigest(Buffer.from('{"a":1}'));
    const expected = { messageId: 'm-1', digest, from: 'hospital', gateway: 'exchange' };
    const fields = { messageId: 'm-1', digest, receivedAt: new Date().toISOString(), gateway: 'exchange', from: 'hospital' };
    expect(await receiptCheckOf(createReceipt(fields, supplier), expected, keys)).toEqual({ verified: true });
    expect(await receiptCheckOf(null, expected, keys)).toEqual({ verified: false, reason: 'no receipt' });
    const forged = await receiptCheckOf(createReceipt(fields, other), expected, keys);
    expect(forged.verified).toBe(false);
    expect(forged.reason).toMatch(/not signed with a key/);
    const elsewhere = await receiptCheckOf(createReceipt({ ...fields, gateway: 'hosting' }, supplier), expected, keys);
    expect(elsewhere).toMatchObject({ verified: false, reason: expect.stringMatching(/by "hosting", not exchange/) });
    const otherBody = await receiptCheckOf(createReceipt({ ...fields, digest: bodyDigest(Buffer.from('{}')) }, supplier), expected, keys);
    expect(otherBody).toMatchObject({ verified: false, reason: expect.stringMatching(/another message id or digest/) });
  });
});
