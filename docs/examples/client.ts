/**
 * A usm-link partner in TypeScript, with the package's typed client (`usm-link/client`).
 *
 * It submits an incident, shows that the receipt was checked against the gateway's published keys,
 * sends the very same message again (the gateway answers an identical resend with its first
 * answer, so a send lost in the network is simply sent again), adds a note, and reads the call, its
 * notes and the customer's calls back with read tokens. It prints one JSON document and exits 0;
 * a refusal exits 1 with the gateway's code, a missing input 2.
 *
 *   npm run build && node --import tsx docs/examples/client.ts
 *
 * Environment:
 *   GATEWAY_URL      e.g. http://127.0.0.1:8080
 *   GATEWAY_ID       the gateway's party id (the envelope's `to`, the token's `aud`)
 *   PARTNER_ID       this partner's party id (`from`, `iss`)
 *   PARTNER_KEY      a file with this partner's private JWK (`usm-link keys generate` writes one)
 *   SERVICE          the service, e.g. workplace
 *   AGREEMENT        the agreement that covers it
 */
import { readFile } from 'node:fs/promises';
import { createGatewayClient, GatewayClientError, signingKeyOf, type CallSubmission } from 'usm-link/client';

const NEEDED = ['GATEWAY_URL', 'GATEWAY_ID', 'PARTNER_ID', 'PARTNER_KEY', 'SERVICE', 'AGREEMENT'] as const;
const env = Object.fromEntries(NEEDED.map((name) => [name, process.env[name] ?? ''])) as Record<(typeof NEEDED)[number], string>;
const missing = NEEDED.filter((name) => env[name] === '');
if (missing.length > 0) {
  console.error(`client example: set ${missing.join(', ')} (see the head of this file)`);
  process.exit(2);
}

const client = createGatewayClient({
  baseUrl: env.GATEWAY_URL,
  from: env.PARTNER_ID,
  to: env.GATEWAY_ID,
  key: signingKeyOf(JSON.parse(await readFile(env.PARTNER_KEY, 'utf8'))),
  retry: { attempts: 5, baseMs: 200, maxMs: 5000 },
});

try {
  const incident: CallSubmission = {
    type: 'incident',
    service: env.SERVICE,
    agreement: env.AGREEMENT,
    summary: 'The printers on floor 2 say "offline"',
    impact: 'medium',
    urgency: 'high',
    requester: { name: 'R. de Vries', email: 'r.devries@example.org' },
  };
  // Every accepted message comes back with its receipt already checked: signed by a key in the
  // gateway's /.well-known/jwks.json, covering our message id and the digest of the bytes we sent.
  const submitted = await client.submitCall(incident);
  const call = submitted.body.call;

  // The same envelope again: the gateway recognises the identical message and answers as before.
  const again = await client.send<typeof submitted.body>('/v1/calls', submitted.envelope);

  const noted = await client.addNote(call, { text: 'It is all four printers, since this morning.' });
  const read = await client.getCall(call.id);
  const notes = await client.listCallNotes(call.id);
  const page = await client.listCalls({ status: read.status, limit: 10 });

  console.log(
    JSON.stringify(
      {
        call: { id: call.id, status: read.status, priority: read.priority },
        receipt: { messageId: submitted.body.receipt.messageId, digest: submitted.body.receipt.digest, gateway: submitted.receipt.gateway },
        resend: { replayed: again.replayed, sameCall: again.body.call.id === call.id },
        note: { status: noted.status, notes: notes.items.length },
        listed: page.items.some((c) => c.id === call.id),
      },
      null,
      2,
    ),
  );
} catch (error) {
  if (!(error instanceof GatewayClientError)) throw error;
  console.error(`client example: ${error.code}${error.status !== undefined ? ` (HTTP ${error.status})` : ''}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.close();
}
