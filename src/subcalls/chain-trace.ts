import type { CallService } from '../calls/call-service.js';
import type { SubcallService } from './subcall-service.js';
import { isPublic } from '../calls/call-attachments.js';
import { createPartnerClient } from '../client/partner-client.js';
import type { OutboxMessage, OutboxStore } from '../ports/outbox-store.js';
import type { LogReader } from '../messages/log-proofs.js';
import type { components } from '../generated/api.js';
import type { SigningKey } from '../keys/jwk.js';
import type { InboundMessageStore } from '../ports/inbound-message.js';
import type { PartnerDirectory } from '../partners/partner-directory.js';
import { createPartnerAgents } from '../partners/partner-tls.js';
import { checkReceipt, type ExpectedReceipt } from '../client/receipt-check.js';
import type { VerificationKey } from '../keys/jwk.js';
import { bodyDigest } from '../messages/batch.js';
import type { Receipt } from '../messages/receipt.js';

type TraceHop = components['schemas']['TraceHop'];
type ReceiptCheck = components['schemas']['ReceiptCheck'];

/** A receipt checked against the keys of the gateway that signed it: verified, or why not. */
export async function receiptCheckOf(receipt: Receipt | null | undefined, expected: ExpectedReceipt, keys: readonly VerificationKey[]): Promise<ReceiptCheck> {
  if (receipt === null || receipt === undefined) return { verified: false, reason: 'no receipt' };
  try {
    await checkReceipt(receipt, expected, { keyFor: async (kid) => keys.find((k) => k.kid === kid) });
    return { verified: true };
  } catch (error) {
    return { verified: false, reason: (error as Error).message };
  }
}

export interface ChainTracer {
  /** The call's trip from this gateway on; `customer` limits it to that customer's calls. */
  trace(callId: string, customer?: string): Promise<TraceHop>;
  close(): Promise<void>;
}

/**
 * Builds a chain trace: this gateway's hop (when and from whom the call came, with our receipt,
 * and the attachments the call holds here, each checked here or not) and, for every sub-call, when
 * it was sent and the supplier's receipt, followed by the supplier's own trace, asked for with a
 * read token as the supplier's customer. Each receipt is checked against the keys of the gateway
 * that signed it (ours, or the supplier's from the partner directory) and the message it answers:
 * `receiptCheck` says verified, or why not.
 */
export function createChainTracer(deps: {
  readonly self: string;
  readonly calls: CallService;
  readonly subcalls: SubcallService;
  readonly store: OutboxStore & InboundMessageStore & Pick<LogReader, 'logIndexOf' | 'logRecordAt'>;
  readonly partners: PartnerDirectory;
  readonly signingKey: SigningKey;
  /** This gateway's published keys, that its own receipts are checked against. */
  readonly ownKeys: () => readonly VerificationKey[];
  readonly timeoutMs: number;
}): ChainTracer {
  /** A sent message's digest: of its body, or once retention purged the body, as the message log keeps it. */
  const sentDigest = async (sent: OutboxMessage): Promise<string> => {
    if (sent.purgedAt === undefined) return bodyDigest(Buffer.from(sent.body));
    const index = await deps.store.logIndexOf('out', sent.partner, sent.id);
    return (index === undefined ? undefined : (await deps.store.logRecordAt(index))?.digest) ?? 'purged';
  };
  const agents = createPartnerAgents({ timeoutMs: deps.timeoutMs });
  return {
    async trace(callId, customer) {
      const call = await deps.calls.get(callId, customer);
      const [inbound, outbox, links] = await Promise.all([deps.store.inboundForCall(call.id), deps.store.outboxForCall(call.id), deps.subcalls.links(call.id)]);
      const arrival = inbound.find((m) => m.type === 'call.submit');
      const arrivalReceipt = (arrival?.response.body as { receipt?: Receipt } | undefined)?.receipt;
      const forwarded = await Promise.all(
        links.map(async (link) => {
          const sent = outbox.find((m) => m.type === 'call.submit' && m.linkId === link.id);
          const receiptCheck =
            sent === undefined
              ? { verified: false, reason: 'not sent' }
              : await receiptCheckOf(sent.receipt, { messageId: sent.id, digest: await sentDigest(sent), from: deps.self, gateway: link.supplier }, deps.partners.get(link.supplier)?.keys ?? []);
          return {
            supplier: link.supplier,
            linkId: link.id,
            status: link.status,
            ...(sent !== undefined ? { messageId: sent.id, queuedAt: sent.createdAt, deliveredAt: sent.deliveredAt, receipt: sent.receipt?.jws ?? null } : {}),
            receiptCheck,
            next: await supplierTrace(link.supplier, link.remoteCallId),
          };
        }),
      );
      return {
        gateway: deps.self,
        callId: call.id,
        status: call.lifecycle.status,
        from: call.customer,
        ...(arrival !== undefined
          ? {
              messageId: arrival.id,
              receivedAt: arrival.receivedAt,
              receipt: arrivalReceipt?.jws ?? null,
              receiptCheck: await receiptCheckOf(arrivalReceipt, { messageId: arrival.id, digest: arrival.digest, from: arrival.from, gateway: deps.self }, deps.ownKeys()),
            }
          : {}),
        createdAt: call.createdAt,
        updatedAt: call.updatedAt,
        attachments: call.attachments
          .filter((a) => customer === undefined || isPublic(a))
          .map((a) => ({ sha256: a.sha256, size: a.size, mediaType: a.mediaType, ...(a.name !== undefined ? { name: a.name } : {}), verified: a.verified === true })),
        forwarded,
      };
    },
    close: () => agents.close(),
  };

  async function supplierTrace(supplierId: string, remoteCallId: string | null): Promise<TraceHop | { error: string }> {
    const supplier = deps.partners.get(supplierId);
    if (remoteCallId === null) return { error: 'the supplier has not answered yet' };
    if (supplier?.url === undefined) return { error: `${supplierId} has no gateway url` };
    const client = createPartnerClient({ baseUrl: supplier.url, from: deps.self, to: supplierId, key: deps.signingKey, dispatcher: await agents.of(supplier) });
    try {
      const answer = await client.get(`/v1/calls/${encodeURIComponent(remoteCallId)}/trace`);
      if (answer.status === 200) return answer.body as TraceHop;
      return { error: `HTTP ${answer.status} ${(answer.body as { code?: string } | undefined)?.code ?? ''}`.trim() };
    } catch (error) {
      return { error: (error as { code?: string }).code ?? (error as Error).message };
    }
  }
}
