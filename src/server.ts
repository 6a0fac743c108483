import { buildApp, type App } from './app.js';
import { loadConfigFile } from './config/load-config.js';
import type { Environment } from './config/environment.js';
import { BootError } from './kernel/boot-error.js';
import { listenForMetrics, type MetricsListener } from './metrics/metrics-listener.js';

/**
 * Starts a gateway from a config file, listens (and on `metrics.listen`, when set), and closes
 * gracefully on SIGTERM or SIGINT. A gateway that cannot listen is closed again and refused as a
 * BootError USM_BOOT_LISTEN.
 */
export async function startServer(configFile: string, environment: Environment): Promise<App> {
  const config = await loadConfigFile(configFile, environment.overrides);
  const app = await buildApp({ config, env: environment.values });
  try {
    await app.listen({ host: config.listen.host, port: config.listen.port });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw cannotListen(`${config.listen.host}:${config.listen.port}`, error);
  }
  let metrics: MetricsListener | undefined;
  const metricsAt = config.metrics?.listen;
  if (metricsAt !== undefined) {
    try {
      metrics = await listenForMetrics(app.gateway.metrics, metricsAt);
    } catch (error) {
      await app.close().catch(() => undefined);
      throw cannotListen(`${metricsAt.host}:${metricsAt.port} (metrics.listen)`, error);
    }
    app.log.info({ url: metrics.url }, `metrics at ${metrics.url} (no token)`);
  }
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing: finishing in-flight requests');
    Promise.all([metrics?.close(), app.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return app;
}

function cannotListen(address: string, error: unknown): BootError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new BootError('USM_BOOT_LISTEN', `cannot listen on ${address} (${code})`, { cause: error });
}
