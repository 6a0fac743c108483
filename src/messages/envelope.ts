import type { components } from '../generated/api.js';

export type Envelope = components['schemas']['Envelope'];
export type MessageType = components['schemas']['MessageType'];
