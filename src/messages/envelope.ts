import type { components } from '../generated/api.js';

export type Envelope = components['schemas']['Envelope'];
export type MessageType = components['schemas']['MessageType'];

/** Versions of the message profile this gateway speaks (docs/protocol.md). */
export const PROTOCOL_VERSIONS = ['1'] as const;
