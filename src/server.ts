import { buildApp, type App } from './app.js';
import { loadConfigFile } from './config/load-config.js';
import type { Environment } from './config/environment.js';
import { BootError } from './kernel/boot-error.js';
import { listenForMetrics, type MetricsListener } from './metrics/metrics-listener.js';
import { createLogger, prettyWanted, withoutPassword } from './kernel/logger.js';

/**
 * Starts a gateway from a config file, listens (and on `metrics.listen`, when set), says where its
 * API, docs, data and tokens are, reloads its config on SIGHUP and closes gracefully on SIGTERM or SIGINT. Logs are readable lines
 * on a terminal (or with `log.pretty: true`), JSON lines otherwise. A gateway that cannot listen is
 * closed again and refused as a BootError USM_BOOT_LISTEN.
 */
export async function startServer(configFile: string, environment: Environment): Promise<App> {
  const config = await loadConfigFile(configFile, environment.overrides);
  const logger = createLogger(config.log.level, undefined, { pretty: prettyWanted(config.log.pretty, process.stdout.isTTY) });
  const app = await buildApp({ config, env: environment.values, logger, configFile, overrides: environment.overrides });
  try {
    await app.listen({ host: config.listen.host, port: config.listen.port, listenTextResolver: (address) => `API at ${address}, console at ${address}/console, docs at ${address}/docs` });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw cannotListen(`${config.listen.host}:${config.listen.port}`, error);
  }
  logWhereThingsAre(app, config);
  let metrics: MetricsListener | undefined;
  const metricsAt = config.metrics?.listen;
  if (metricsAt !== undefined) {
    try {
      metrics = await listenForMetrics(app.gateway.metrics, metricsAt);
    } catch (error) {
      await app.close().catch(() => undefined);
      throw cannotListen(`${metricsAt.host}:${metricsAt.port} (metrics.listen)`, error);
    }
    app.log.info({ start: { metrics: metrics.url } }, `metrics at ${metrics.url} (no token)`);
  }
  // SIGHUP reads the config file again (as POST /v1/admin/reload does); a refused file is logged and the config of now kept.
  const reload = (): void => {
    app.log.info({ signal: 'SIGHUP' }, `reloading the config from ${configFile}`);
    app.gateway.reload().catch(() => undefined);
  };
  process.on('SIGHUP', reload);
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.off('SIGHUP', reload);
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

/**
 * The lines after the API's: the public URL, the data, and where the tokens come from (never a token
 * or a password). Their fields are under `start`, which readable lines leave out (the message says it).
 */
function logWhereThingsAre(app: App, config: App['gateway']['config']): void {
  if (config.publicUrl !== undefined) app.log.info({ start: { publicUrl: config.publicUrl } }, `partners reach this gateway at ${config.publicUrl}`);
  const storage = withoutPassword(config.storage);
  app.log.info({ start: { storage } }, `data in ${storage}`);
  const followed = app.gateway.directory?.status();
  if (followed !== undefined) {
    const held = followed.sequence === null ? 'none accepted yet' : `${followed.network?.id} sequence ${followed.sequence}, expires ${followed.expiresAt}`;
    app.log.info({ start: { directory: { url: followed.url, sequence: followed.sequence } } }, `partners from the network directory at ${followed.url} (${held}), refreshed every ${config.network?.refreshSeconds ?? 300} s`);
  }
  for (const [kind, sources, refused] of [
    ['desk', app.gateway.tokenSources.desk, 'the desk API refuses every request'],
    ['admin', app.gateway.tokenSources.admin, 'the admin API and /metrics refuse every request'],
  ] as const) {
    const from = sources.map((s) => `${s.name} from ${s.from}`).join(', ');
    app.log.info({ start: { [`${kind}Tokens`]: sources } }, sources.length === 0 ? `${kind} tokens: none configured (${refused})` : `${kind} tokens: ${from}`);
  }
}
