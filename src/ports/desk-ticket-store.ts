import type { PublicStatus } from '../usm/usm-model.js';

/**
 * A call's ticket at the provider's TMF621 desk tool (the desk connector, docs/tmf621.md): where it
 * is there, the status both sides last agreed on, and which notes have crossed already.
 */
export interface DeskTicket {
  readonly callId: string;
  /** The ticket's id at the tool. */
  readonly remoteId: string;
  /** The status the call and the ticket last agreed on: a change on either side since is to be carried over. */
  readonly status: PublicStatus;
  /** Ids of the tool's notes taken into the call (and of the tool's copies of ours). */
  readonly notesTaken: readonly string[];
  /** Ids of the call's notes sent to the tool. */
  readonly notesSent: readonly string[];
  /** False once the call is closed or cancelled and the tool knows it: no longer followed. */
  readonly open: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DeskTicketStore {
  /** Ids of open calls (not resolved, closed, cancelled or rejected) without a ticket at the tool, the oldest first. */
  callsWithoutDeskTicket(limit: number): Promise<string[]>;
  /** Keeps a new ticket; false when the call has one already. */
  createDeskTicket(ticket: DeskTicket): Promise<boolean>;
  updateDeskTicket(ticket: DeskTicket): Promise<void>;
  getDeskTicket(callId: string): Promise<DeskTicket | undefined>;
  /** The tickets still followed, the least recently updated first. */
  openDeskTickets(limit: number): Promise<DeskTicket[]>;
}
