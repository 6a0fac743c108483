/**
 * The tracing port: what the services below the composition root see of OpenTelemetry. They never
 * import it: `tracing/` implements this port with the SDK when the `OTEL_*` environment switches
 * tracing on, and `noTracing` (no SDK, no allocation per span) is what they get otherwise.
 */

export type SpanAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export interface TraceSpan {
  /** Runs `work` with this span as the current one (spans started inside it are its children). */
  within<T>(work: () => T): T;
  /** Adds attributes (undefined values are left out). */
  set(attributes: SpanAttributes): void;
  /** The W3C traceparent naming this span as the parent, for a request it makes; undefined when not traced. */
  traceparent(): string | undefined;
  /** Ends the span: an error marks it failed (its message is the status description). */
  end(error?: unknown): void;
}

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: SpanAttributes;
  /** The parent: a W3C traceparent that came with a request, or a span; the current span when not given. */
  readonly parent?: string | TraceSpan | null;
  /** Record it only inside a trace (a current span): work outside any request or delivery starts no trace of its own. */
  readonly withinTrace?: boolean;
}

export interface Tracing {
  /** Whether spans are recorded and exported. */
  readonly on: boolean;
  start(name: string, options?: SpanOptions): TraceSpan;
  /** Runs `work` in a new span, ended when it settles (failed when it throws). */
  span<T>(name: string, options: SpanOptions, work: (span: TraceSpan) => Promise<T>): Promise<T>;
  /** Exports what is left and stops. */
  close(): Promise<void>;
}

/** The inert span: what tracing off, or a span not recorded, gives. */
export const NO_SPAN: TraceSpan = {
  within: (work) => work(),
  set: () => undefined,
  traceparent: () => undefined,
  end: () => undefined,
};

/** Tracing off: every span is the same inert object and costs a function call. */
export const noTracing: Tracing = {
  on: false,
  start: () => NO_SPAN,
  span: (_name, _options, work) => work(NO_SPAN),
  close: async () => undefined,
};

/** The attribute names used on every span (OpenTelemetry messaging semantic conventions, then usm-link's own). */
export const ATTR = {
  messagingSystem: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  messageId: 'messaging.message.id',
  destination: 'messaging.destination.name',
  batchCount: 'messaging.batch.message_count',
  serverAddress: 'server.address',
  dbSystem: 'db.system.name',
  callId: 'usm.call.id',
  partner: 'usm.partner',
  messageType: 'usm.message.type',
  outcome: 'usm.outcome',
  errorCode: 'usm.error.code',
  groupSize: 'usm.store.group_size',
  webhookId: 'usm.webhook.id',
  eventType: 'usm.event.type',
} as const;

/** The value of `messaging.system` on usm-link's spans. */
export const MESSAGING_SYSTEM = 'usm-link';
