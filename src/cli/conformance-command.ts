import { parseArgs } from 'node:util';
import { runConformance } from '../conformance/run-suite.js';
import { exitCodeOf, resultLine, summaryLine } from '../conformance/report.js';
import { SUITE } from '../conformance/suite.js';
import { signingKeyOf } from '../keys/jwk.js';
import { readOrCreatePrivateJwk } from '../keys/key-files.js';
import { UsageError } from './usage-error.js';

const USAGE = 'usage: usm-link conformance --target URL --as PARTY --key FILE [--json] [--only ID,...] [--listen [HOST:]PORT] [--wait SECONDS] [--timeout SECONDS]';

/** `usm-link conformance`: the numbered conformance suite against a gateway, as one of its partners. */
export async function conformanceCommand(args: string[], write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: 'string' },
      as: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      listen: { type: 'string' },
      wait: { type: 'string', default: '20' },
      timeout: { type: 'string', default: '10' },
    },
  });
  if (values.target === undefined || values.as === undefined || values.key === undefined) throw new UsageError(USAGE);
  if (!/^https?:\/\/[^/]/.test(values.target)) throw new UsageError(`--target must be an http(s) URL, not ${values.target}`);
  const only = values.only?.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const unknown = only?.filter((id) => !SUITE.some((c) => c.id === id)) ?? [];
  if (unknown.length > 0) throw new UsageError(`no case ${unknown.join(', ')} (the cases are ${SUITE[0]!.id} ... ${SUITE.at(-1)!.id}, listed in docs/conformance.md)`);
  const { jwk } = await readOrCreatePrivateJwk(values.key, false);
  const report = await runConformance({
    target: values.target,
    party: values.as,
    key: signingKeyOf(jwk),
    ...(only !== undefined ? { only } : {}),
    ...(values.listen !== undefined ? { listen: listenAddress(values.listen) } : {}),
    waitMs: seconds(values.wait, '--wait') * 1000,
    timeoutMs: seconds(values.timeout, '--timeout') * 1000,
    ...(values.json ? {} : { onResult: (result) => write(`${resultLine(result)}\n`) }),
  });
  write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${summaryLine(report.results)}\n`);
  return exitCodeOf(report.results);
}

/** `8090`, `127.0.0.1:8090` or `[::1]:8090`; the host defaults to 127.0.0.1. */
function listenAddress(text: string): { host: string; port: number } {
  const match = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(text);
  const port = Number(match?.[2]);
  if (match === null || !(port >= 0 && port <= 65535)) throw new UsageError(`--listen takes [HOST:]PORT, not ${text}`);
  return { host: match[1]?.replace(/^\[|\]$/g, '') ?? '127.0.0.1', port };
}

function seconds(text: string, option: string): number {
  const value = Number(text);
  if (!(value > 0 && value <= 600)) throw new UsageError(`${option} takes seconds from 0 to 600, not ${text}`);
  return value;
}
