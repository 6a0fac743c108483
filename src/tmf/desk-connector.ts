import { jose } from '../kernel/jose.js';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { lazyDispatcher, undici } from '../kernel/undici.js';
import { addNote, resolveOnBehalf, step, type Draft } from '../calls/call-draft.js';
import type { CallService } from '../calls/call-service.js';
import type { SigningKey } from '../keys/jwk.js';
import type { Actor, CallRecord } from '../ports/call.js';
import type { DeskTicket, DeskTicketStore } from '../ports/desk-ticket-store.js';
import type { LifecycleAction } from '../usm/call-lifecycle.js';
import type { PublicStatus } from '../usm/usm-model.js';
import { ticketCreateOf, type TmfNote } from './ticket-mapping.js';

export interface DeskConnectorConfig {
  readonly baseUrl: string;
  readonly issuer: string;
  readonly audience: string;
  readonly service?: string | undefined;
  readonly agreement?: string | undefined;
  readonly pollMs: number;
  readonly timeoutMs: number;
}

export interface DeskConnector {
  /** One round: open tickets for new calls, then carry changes both ways. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The tool, as the actor of what it does to our calls. */
export const DESK_TOOL: Actor = { kind: 'desk', id: 'tmf621-desk-tool' };

interface RemoteTicket {
  readonly id: string;
  readonly status: PublicStatus;
  readonly note?: readonly TmfNote[];
  readonly externalIdentifier?: readonly { readonly id: string }[];
}

const BATCH = 50;
const FINAL: ReadonlySet<PublicStatus> = new Set(['closed', 'cancelled', 'rejected']);

/**
 * The TMF621 desk connector: the provider's desk tool, when it speaks TMF621, works our calls
 * without code. Every open call without a ticket there is opened as one (the facade's mapping read
 * the other way, `ticketCreateOf`; the call's id as `externalIdentifier`); then, every `pollMs`,
 * each followed ticket is read and what changed on either side since the status both last agreed
 * on is carried over: the tool's status and its notes into the call (as the desk), the customer's
 * public notes, confirmation (`closed`), reopening and cancelling to the tool (as its customer).
 * Each request carries a fresh JWT signed with our key; the create's `jti` is derived from the
 * call, so a create retried after a lost answer is refused as a reused token and the ticket is
 * found by its external identifier instead of opened twice.
 */
export function createDeskConnector(deps: {
  readonly config: DeskConnectorConfig;
  readonly key: SigningKey;
  readonly store: DeskTicketStore;
  readonly calls: CallService;
  /** Our party id: the owner of the external identifier. */
  readonly self: string;
  readonly now: () => number;
  readonly logger: Logger;
  readonly dispatcher?: Dispatcher;
}): DeskConnector {
  const { config, store, calls } = deps;
  const agent = lazyDispatcher(({ Agent }) => new Agent({ connect: { timeout: config.timeoutMs }, headersTimeout: config.timeoutMs, bodyTimeout: config.timeoutMs }));
  let round: Promise<void> | undefined;
  let closed = false;
  let jtis = 0;

  const jwt = async (jti: string): Promise<string> =>
    new (await jose()).SignJWT({})
      .setProtectedHeader({ alg: deps.key.alg, kid: deps.key.kid, typ: 'JWT' })
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setIssuedAt(Math.floor(deps.now() / 1000))
      .setExpirationTime(Math.floor(deps.now() / 1000) + 60)
      .setJti(jti)
      .sign(deps.key.privateKey);

  async function send(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, jti = `${deps.self}-${deps.now()}-${++jtis}-${Math.random().toString(36).slice(2)}`): Promise<{ status: number; body: any }> {
    const { request } = await undici();
    const response = await request(`${config.baseUrl}${path}`, {
      method,
      dispatcher: deps.dispatcher ?? (await agent.get()),
      headers: {
        authorization: `Bearer ${await jwt(jti)}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  /** The tool's ticket for a call opened before whose answer was lost, by its external identifier. */
  async function findByCall(callId: string): Promise<RemoteTicket | undefined> {
    for (let offset = 0; offset <= 1000; offset += 100) {
      const page = await send('GET', `/troubleTicket?offset=${offset}&limit=100`);
      if (page.status !== 200 || !Array.isArray(page.body) || page.body.length === 0) return undefined;
      const found = (page.body as RemoteTicket[]).find((t) => t.externalIdentifier?.some((e) => e.id === callId));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  async function open(call: CallRecord): Promise<void> {
    const ticket = ticketCreateOf(call, { owner: deps.self, service: config.service, agreement: config.agreement });
    const created = await send('POST', '/troubleTicket', ticket, `usm-call-${call.id}`);
    const remote: RemoteTicket | undefined = created.status === 201 ? created.body : created.status === 409 && created.body?.code === 'USM_ERR_TOKEN_REUSED' ? await findByCall(call.id) : undefined;
    if (remote === undefined) {
      deps.logger.warn({ call: call.id, status: created.status, code: created.body?.code, detail: created.body?.message }, 'desk connector: the tool did not open a ticket for the call; retried next round');
      return;
    }
    const at = new Date(deps.now()).toISOString();
    await store.createDeskTicket({ callId: call.id, remoteId: remote.id, status: remote.status, notesTaken: (remote.note ?? []).flatMap((n) => (n.id !== undefined ? [n.id] : [])), notesSent: [], open: true, createdAt: at, updatedAt: at });
  }

  /** Carries the tool's news into the call: its notes, then its status. */
  const fromTool = (remote: RemoteTicket, notes: readonly TmfNote[], moved: boolean) => async (_current: CallRecord, draft: Draft) => {
    const target = remote.status;
    const resolving = moved && target === 'resolved' && draft.call.lifecycle.status !== 'resolved';
    // The tool's resolution summary is its newest note: it becomes the call's resolution.
    const summary = resolving ? notes.at(-1)?.text : undefined;
    for (const note of resolving && summary !== undefined ? notes.slice(0, -1) : notes) addNote(draft, { text: note.text, visibility: 'public', kind: 'comment' }, DESK_TOOL);
    if (moved) followStatus(draft, target, summary);
    return (call: CallRecord) => call;
  };

  function followStatus(draft: Draft, target: PublicStatus, summary: string | undefined): void {
    const now = draft.call.lifecycle.status;
    if (target === now || target === 'acknowledged' || target === 'closed') return;
    if (target === 'resolved') {
      resolveOnBehalf(draft, summary ?? 'resolved at the desk tool', DESK_TOOL, 'resolved at the desk tool');
      return;
    }
    const tryStep = (action: LifecycleAction): boolean => {
      try {
        step(draft, action, DESK_TOOL, 'at the desk tool');
        return true;
      } catch {
        return false;
      }
    };
    if (target === 'inProgress' && now === 'acknowledged') {
      tryStep({ kind: 'advance' });
      return;
    }
    if (tryStep({ kind: 'setStatus', status: target })) return;
    // From acknowledged the desk takes the call up first.
    if (now === 'acknowledged' && tryStep({ kind: 'advance' })) tryStep({ kind: 'setStatus', status: target });
  }

  async function follow(ticket: DeskTicket): Promise<void> {
    const read = await send('GET', `/troubleTicket/${encodeURIComponent(ticket.remoteId)}`);
    if (read.status !== 200) {
      deps.logger.warn({ call: ticket.callId, ticket: ticket.remoteId, status: read.status, code: read.body?.code }, 'desk connector: cannot read the ticket at the tool');
      return;
    }
    let remote = read.body as RemoteTicket;
    const taken = new Set(ticket.notesTaken);
    const news = (remote.note ?? []).filter((n) => n.id !== undefined && !taken.has(n.id));
    for (const n of news) taken.add(n.id!);
    // Our own notes come back with our account as author: they are the call's already.
    const foreign = news.filter((n) => n.author !== config.issuer);
    const moved = remote.status !== ticket.status;
    let call = await calls.get(ticket.callId);
    if (foreign.length > 0 || moved) {
      try {
        call = (await calls.change(ticket.callId, undefined, fromTool(remote, foreign, moved))).call;
      } catch (error) {
        deps.logger.warn({ err: error, call: ticket.callId }, 'desk connector: cannot take the tool\'s change into the call');
        return;
      }
    }
    let agreed: PublicStatus = remote.status;

    // The customer's public notes go to the tool, one a patch (merge patch replaces the array: send the ones it has).
    const sent = new Set(ticket.notesSent);
    for (const note of (await calls.notes(ticket.callId)).filter((n) => n.visibility === 'public' && n.author.kind === 'customer' && !sent.has(n.id))) {
      const patched = await send('PATCH', `/troubleTicket/${encodeURIComponent(ticket.remoteId)}`, { note: [...(remote.note ?? []), { text: note.text }] });
      if (patched.status !== 200) break;
      remote = patched.body as RemoteTicket;
      sent.add(note.id);
      for (const n of remote.note ?? []) if (n.id !== undefined) taken.add(n.id);
      agreed = remote.status;
    }
    // The customer's confirmation, reopening or cancelling, when the tool did not move itself.
    const ours = call.lifecycle.status;
    if (!moved && ours !== ticket.status && ours !== remote.status) {
      const patch =
        ours === 'closed' && remote.status === 'resolved'
          ? { status: 'closed' }
          : ours === 'cancelled'
            ? { status: 'cancelled', statusChangeReason: 'cancelled by the customer' }
            : ours === 'inProgress' && remote.status === 'resolved'
              ? { status: 'inProgress', statusChangeReason: 'the customer does not accept the resolution' }
              : undefined;
      if (patch !== undefined) {
        const patched = await send('PATCH', `/troubleTicket/${encodeURIComponent(ticket.remoteId)}`, patch);
        if (patched.status === 200) {
          remote = patched.body as RemoteTicket;
          agreed = remote.status;
          for (const n of remote.note ?? []) if (n.id !== undefined) taken.add(n.id);
        } else deps.logger.warn({ call: ticket.callId, status: patched.status, code: patched.body?.code }, 'desk connector: the tool refused the customer\'s change');
      }
    }
    const done = FINAL.has(agreed) && FINAL.has(call.lifecycle.status);
    await store.updateDeskTicket({ ...ticket, status: agreed, notesTaken: [...taken], notesSent: [...sent], open: !done, updatedAt: new Date(deps.now()).toISOString() });
  }

  async function roundOnce(): Promise<void> {
    for (const id of await store.callsWithoutDeskTicket(BATCH)) {
      if (closed) return;
      await open(await calls.get(id));
    }
    for (const ticket of await store.openDeskTickets(BATCH * 4)) {
      if (closed) return;
      await follow(ticket);
    }
  }

  function sync(): Promise<void> {
    if (closed) return Promise.resolve();
    round ??= roundOnce()
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'desk connector: round failed; retried'))
      .finally(() => {
        round = undefined;
      });
    return round;
  }

  const timer = setInterval(() => void sync(), config.pollMs);
  timer.unref();
  return {
    sync,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await round;
      await agent.close();
    },
  };
}
