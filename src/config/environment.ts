import type { ConfigOverrides } from './load-config.js';

/** The only place the gateway reads its own settings from the environment. */
export interface Environment {
  readonly configFile: string | undefined;
  readonly overrides: ConfigOverrides;
  /** Everything else (secrets named in the config by variable name). */
  readonly values: Readonly<Record<string, string | undefined>>;
}

export function readEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): Environment {
  const port = env.USM_LINK_PORT;
  return {
    configFile: nonEmpty(env.USM_LINK_CONFIG),
    overrides: {
      storage: nonEmpty(env.USM_LINK_STORAGE),
      host: nonEmpty(env.USM_LINK_HOST),
      port: port === undefined || port === '' ? undefined : Number(port),
      publicUrl: nonEmpty(env.USM_LINK_PUBLIC_URL),
      logLevel: nonEmpty(env.USM_LINK_LOG_LEVEL),
    },
    values: env,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
