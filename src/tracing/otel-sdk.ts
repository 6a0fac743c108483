import { context, ROOT_CONTEXT, SpanKind as OtelKind, SpanStatusCode, trace, TraceFlags, type Context, type Span } from '@opentelemetry/api';
import { parseTraceparent } from '../kernel/traceparent.js';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { NO_SPAN, type SpanAttributes, type SpanKind, type SpanOptions, type TraceSpan, type Tracing } from '../kernel/tracing.js';
import type { TracingSettings } from './tracing.js';

/**
 * The one module that loads the OpenTelemetry SDK, imported only when tracing is switched on. One
 * tracer provider per gateway (several may run in one process), not registered as the global one;
 * the context manager (AsyncLocalStorage) is set once per process, so a span is current across awaits.
 */
export function createOtelTracing(settings: TracingSettings): Tracing {
  const exporter: SpanExporter = settings.exporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: settings.url, ...(settings.headers ? { headers: settings.headers } : {}) });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName, [ATTR_SERVICE_VERSION]: settings.version, ...settings.resource }),
    sampler: samplerOf(settings.sampler, settings.samplerArg),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: settings.scheduleDelayMs })],
  });
  ensureContextManager(provider);
  const tracer = provider.getTracer('usm-link', settings.version);

  const parentContext = (parent: SpanOptions['parent']): Context => {
    if (parent === undefined) return context.active();
    if (parent === null) return ROOT_CONTEXT;
    if (typeof parent === 'string') return remoteParent(parent);
    return (parent as OtelSpan).context;
  };

  const start = (name: string, options: SpanOptions = {}): TraceSpan => {
    const parent = parentContext(options.parent);
    if (options.withinTrace === true && trace.getSpan(parent) === undefined) return NO_SPAN;
    const span = tracer.startSpan(name, { kind: KINDS[options.kind ?? 'internal'], attributes: clean(options.attributes) }, parent);
    return new OtelSpan(span, trace.setSpan(parent, span));
  };

  return {
    on: true,
    start,
    async span(name, options, work) {
      const span = start(name, options);
      try {
        const result = await span.within(() => work(span));
        span.end();
        return result;
      } catch (error) {
        span.end(error);
        throw error;
      }
    },
    async close() {
      await provider.shutdown();
    },
  };
}

class OtelSpan implements TraceSpan {
  constructor(
    private readonly span: Span,
    readonly context: Context,
  ) {}
  within<T>(work: () => T): T {
    return context.with(this.context, work);
  }
  set(attributes: SpanAttributes): void {
    this.span.setAttributes(clean(attributes));
  }
  traceparent(): string | undefined {
    const { traceId, spanId, traceFlags } = this.span.spanContext();
    return `00-${traceId}-${spanId}-${(traceFlags & TraceFlags.SAMPLED) === 0 ? '00' : '01'}`;
  }
  end(error?: unknown): void {
    if (error !== undefined) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string') this.span.setAttribute('usm.error.code', code);
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      if (error instanceof Error) this.span.recordException(error);
    }
    this.span.end();
  }
}

const KINDS: Record<SpanKind, OtelKind> = { internal: OtelKind.INTERNAL, server: OtelKind.SERVER, client: OtelKind.CLIENT, producer: OtelKind.PRODUCER, consumer: OtelKind.CONSUMER };

/** The context of a W3C traceparent that came with a request (a root context when it is not valid). */
function remoteParent(value: string): Context {
  const valid = parseTraceparent(value);
  if (valid === undefined) return ROOT_CONTEXT;
  const [, traceId, spanId, flags] = valid.split('-') as [string, string, string, string];
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: Number.parseInt(flags, 16) & TraceFlags.SAMPLED, isRemote: true });
}

function clean(attributes: SpanAttributes | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(attributes ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

let contextManagerSet = false;
/** The first provider registers the AsyncLocalStorage context manager (the global tracer provider and propagator are left alone). */
function ensureContextManager(provider: NodeTracerProvider): void {
  if (contextManagerSet) return;
  contextManagerSet = true;
  provider.register({ propagator: null });
}

/** The sampler `OTEL_TRACES_SAMPLER` names (default parentbased_always_on). */
function samplerOf(name: string, arg: number): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(arg);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(arg) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}
