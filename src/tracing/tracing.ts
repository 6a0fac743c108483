import { readFileSync } from 'node:fs';
import { noTracing, type Tracing } from '../kernel/tracing.js';

/** What the `OTEL_*` environment asks of tracing, when it switches it on. */
export interface TracingSettings {
  readonly exporter: 'otlp' | 'console';
  /** The OTLP/HTTP traces endpoint (…/v1/traces). */
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly serviceName: string;
  readonly version: string;
  readonly resource: Record<string, string>;
  readonly sampler: string;
  readonly samplerArg: number;
  readonly scheduleDelayMs: number;
}

/**
 * Reads the standard OpenTelemetry environment. Tracing is off unless `OTEL_TRACES_EXPORTER` is
 * `otlp` or `console`, or is unset while an OTLP endpoint is given; `OTEL_SDK_DISABLED=true` and
 * `OTEL_TRACES_EXPORTER=none` keep it off.
 */
export function tracingSettings(env: Readonly<Record<string, string | undefined>>, defaults: { serviceName: string; party: string; version: string }): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || undefined;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  const named = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
  const exporter = named.includes('console') ? 'console' : named.includes('otlp') || (named.length === 0 && (endpoint ?? base) !== undefined) ? 'otlp' : undefined;
  if (exporter === undefined) return undefined;
  const url = endpoint ?? `${(base ?? 'http://localhost:4318').replace(/\/$/, '')}/v1/traces`;
  const headers = pairsOf(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS ?? env.OTEL_EXPORTER_OTLP_HEADERS);
  const arg = Number(env.OTEL_TRACES_SAMPLER_ARG);
  const delay = Number(env.OTEL_BSP_SCHEDULE_DELAY);
  return {
    exporter,
    url,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    serviceName: env.OTEL_SERVICE_NAME?.trim() || defaults.serviceName,
    version: defaults.version,
    resource: { 'usm.party': defaults.party, ...pairsOf(env.OTEL_RESOURCE_ATTRIBUTES) },
    sampler: (env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').trim().toLowerCase(),
    samplerArg: Number.isFinite(arg) && arg >= 0 && arg <= 1 && env.OTEL_TRACES_SAMPLER_ARG !== undefined ? arg : 1,
    scheduleDelayMs: Number.isFinite(delay) && delay >= 0 && env.OTEL_BSP_SCHEDULE_DELAY !== undefined ? delay : 5000,
  };
}

/**
 * The gateway's tracing: the inert `noTracing` when the environment leaves it off (the SDK is then
 * never loaded), else spans exported by the OpenTelemetry SDK (`otel-sdk.ts`, imported here only).
 */
export async function startTracing(env: Readonly<Record<string, string | undefined>>, defaults: { serviceName: string; party: string }): Promise<Tracing> {
  const settings = tracingSettings(env, { ...defaults, version: VERSION });
  if (settings === undefined) return noTracing;
  return (await import('./otel-sdk.js')).createOtelTracing(settings);
}

/** `key=value,key=value` (W3C baggage form, percent-encoded values), as OTEL_RESOURCE_ATTRIBUTES and the headers variables are. */
function pairsOf(value: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of (value ?? '').split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    try {
      pairs[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // a malformed pair is left out
    }
  }
  return pairs;
}

const VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();
