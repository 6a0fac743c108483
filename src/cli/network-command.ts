import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { diffDirectories } from '../directory/directory-diff.js';
import type { Directory } from '../directory/directory-document.js';
import { readDirectoryUnverified, signDirectory, verifyDirectory } from '../directory/directory-signing.js';
import { signingKeyOf } from '../keys/jwk.js';
import { parseJwkJson, readJsonFile } from '../keys/key-files.js';
import { directoryOf, readOperatorSource } from '../network/network-directory.js';
import { checkNetwork, type Finding } from '../network/network-check.js';
import { compareWithDirectory, type GatewaySeen } from '../network/directory-online.js';
import { graphOf, toMermaid, toSvg } from '../network/network-graph.js';
import { loadNetwork, type Network } from '../network/network-model.js';

const USAGE = `usage: usm-link network check DIR [--json] [--online] [--margin MINUTES]
       usm-link network check --online --directory FILE|URL --operator-keys KEYS.jwks [--json]
       usm-link network graph DIR [--out FILE.svg] [--mermaid]
       usm-link network publish DIR --key OPERATOR.jwk --out DIRECTORY.jws [--sequence N] [--valid-hours H]
       usm-link network verify DIRECTORY.jws --operator-keys KEYS.jwks [--after PREVIOUS.jws] [--json]
       usm-link network diff OLD.jws NEW.jws [--json]
`;

/** `usm-link network check|graph|publish|verify|diff ...`: returns the exit code. */
export async function networkCommand(args: string[], out: (text: string) => void, now: () => number = Date.now): Promise<number> {
  const verb = args[0];
  try {
    if (verb === 'publish') return await publish(args.slice(1), out, now);
    if (verb === 'verify') return await verify(args.slice(1), out, now);
    if (verb === 'diff') return await diff(args.slice(1), out);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === undefined) throw error;
    if (code.startsWith('ERR_PARSE_ARGS_')) {
      out(`${message}\n${USAGE}`);
      return 2;
    }
    out(`${code}: ${message}\n`);
    return 1;
  }
  return checkOrGraph(args, out);
}

async function checkOrGraph(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      online: { type: 'boolean', default: false },
      margin: { type: 'string', default: '30' },
      out: { type: 'string' },
      mermaid: { type: 'boolean', default: false },
      directory: { type: 'string' },
      'operator-keys': { type: 'string' },
    },
  });
  const [verb, dir] = positionals;
  if (verb === 'check' && values.directory !== undefined) return checkAgainstDirectory(values.directory, values['operator-keys'], values.online, values.json, out);
  if ((verb !== 'check' && verb !== 'graph') || dir === undefined) {
    out(USAGE);
    return 2;
  }
  const network = await loadNetwork(resolve(dir));
  const marginMinutes = Number(values.margin);
  const findings = checkNetwork(network, { marginMinutes, ...(values.online ? { onlineKeys: await fetchKeys(network) } : {}) });
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (verb === 'graph') {
    const graph = graphOf(network, findings);
    if (values.mermaid) out(toMermaid(graph));
    const problems = findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`);
    const svg = toSvg(graph, `${basename(resolve(dir))}: ${network.parties.size} providers${errors > 0 ? `, ${errors} problem(s) in red` : ''}`, problems);
    const file = values.out ?? `${basename(resolve(dir))}.svg`;
    await writeFile(file, svg);
    if (!values.mermaid) out(`wrote ${file}\n`);
    return 0;
  }
  if (values.json) {
    out(`${JSON.stringify({ ok: errors === 0, parties: [...network.parties.keys()], findings }, null, 2)}\n`);
  } else {
    out(report(network, findings));
  }
  return errors === 0 ? 0 : 1;
}

function report(network: Network, findings: readonly Finding[]): string {
  const lines = [`network ${network.dir}: ${network.parties.size} providers (${[...network.parties.keys()].join(', ')})`];
  for (const f of findings) lines.push(`  ${f.severity === 'error' ? 'ERROR' : 'warn '} ${f.code.padEnd(24)} ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push(errors === 0 ? `ok: no errors${findings.length > 0 ? `, ${findings.length} warning(s)` : ''}` : `${errors} error(s)`);
  return `${lines.join('\n')}\n`;
}

/**
 * `network check --online --directory D`: each member's running gateway against the published
 * directory (checked first: signature, expiry), every difference named; exit 1 on any error.
 */
async function checkAgainstDirectory(source: string, operatorKeys: string | undefined, online: boolean, json: boolean, out: (text: string) => void): Promise<number> {
  if (!online || operatorKeys === undefined) {
    out(USAGE);
    return 2;
  }
  const text = /^https?:\/\//.test(source) ? await (await fetch(source, { signal: AbortSignal.timeout(10_000) })).text() : await readFile(source, 'utf8');
  const jwks = (await readJsonFile(operatorKeys)) as { keys?: JWK[] };
  const now = Math.floor(Date.now() / 1000);
  const directory = verifyDirectory(text, { operatorKeys: jwks.keys ?? [], now });
  const seen = new Map<string, GatewaySeen>();
  await Promise.all(
    directory.members.map(async (member) => {
      const base = member.url.replace(/\/$/, '');
      const read = async (path: string): Promise<unknown> => {
        try {
          const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5000) });
          if (!response.ok) return new Error(`${path} answered HTTP ${response.status}`);
          return await response.json();
        } catch (error) {
          return new Error(`${path}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
        }
      };
      const [discovery, keys] = await Promise.all([read('/.well-known/usm-link'), read('/.well-known/jwks.json')]);
      seen.set(member.id, {
        discovery: discovery as GatewaySeen['discovery'],
        keys: keys instanceof Error ? keys : ((keys as { keys?: JWK[] }).keys ?? []),
      });
    }),
  );
  const differences = compareWithDirectory(directory, seen, now);
  const errors = differences.filter((d) => d.severity === 'error').length;
  if (json) {
    out(`${JSON.stringify({ ok: errors === 0, network: directory.network.id, sequence: directory.sequence, members: directory.members.map((m) => m.id), differences }, null, 2)}\n`);
  } else {
    const lines = [`network ${directory.network.id}, directory sequence ${directory.sequence} (signed ${new Date(directory.iat * 1000).toISOString()}): ${directory.members.length} member gateway(s) compared`];
    for (const d of differences) lines.push(`  ${d.severity === 'error' ? 'ERROR' : 'warn '} ${d.kind.padEnd(24)} ${d.message}`);
    lines.push(errors === 0 ? `ok: every gateway matches the directory${differences.length > 0 ? `, ${differences.length} warning(s)` : ''}` : `${errors} difference(s) that partners will refuse`);
    out(`${lines.join('\n')}\n`);
  }
  return errors === 0 ? 0 : 1;
}

/** Every gateway's published keys, from its /.well-known/jwks.json. */
async function fetchKeys(network: Network): Promise<Map<string, readonly JWK[] | Error>> {
  const keys = new Map<string, readonly JWK[] | Error>();
  await Promise.all(
    [...network.parties.values()].map(async (party) => {
      const base = party.config.publicUrl;
      if (base === undefined) return;
      try {
        const response = await fetch(`${base.replace(/\/$/, '')}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5000) });
        keys.set(party.id, ((await response.json()) as { keys: JWK[] }).keys);
      } catch (error) {
        keys.set(party.id, error as Error);
      }
    }),
  );
  return keys;
}

/** `network publish`: check the network, refuse it on any error, else sign its directory with the operator's key. */
async function publish(args: string[], out: (text: string) => void, now: () => number): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, out: { type: 'string' }, sequence: { type: 'string' }, 'valid-hours': { type: 'string', default: '168' }, margin: { type: 'string', default: '30' } },
  });
  const [dir] = positionals;
  const sequence = values.sequence === undefined ? undefined : Number(values.sequence);
  const hours = Number(values['valid-hours']);
  if (dir === undefined || values.key === undefined || values.out === undefined || (sequence !== undefined && !(Number.isInteger(sequence) && sequence >= 1)) || !(hours * 3600 >= 60)) {
    out(USAGE);
    return 2;
  }
  const network = await loadNetwork(resolve(dir));
  const findings = checkNetwork(network, { marginMinutes: Number(values.margin) });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    out(`refused: network check found ${errors.length} error(s); nothing published\n${errors.map((f) => `  ERROR ${f.code.padEnd(24)} ${f.message}\n`).join('')}`);
    return 1;
  }
  const key = signingKeyOf(parseJwkJson(await readFile(values.key, 'utf8'), values.key));
  const next = sequence ?? (await previousSequence(values.out)) + 1;
  const directory = directoryOf(network, await readOperatorSource(resolve(dir)), { sequence: next, issuedAt: Math.floor(now() / 1000), validSeconds: Math.round(hours * 3600) });
  // Written beside and renamed over: a web server (or a gateway's network.serveFile) never serves half a file.
  const temporary = `${values.out}.${process.pid}.tmp`;
  await writeFile(temporary, `${signDirectory(directory, key)}\n`);
  await rename(temporary, values.out);
  const warnings = findings.filter((f) => f.severity === 'warning');
  out(
    `wrote ${values.out}: network ${directory.network.id}, sequence ${directory.sequence}, ${directory.members.length} members, ${directory.links.length} links, signed with ${key.kid}, expires ${new Date(directory.exp * 1000).toISOString()}\n` +
      warnings.map((f) => `  warn  ${f.code.padEnd(24)} ${f.message}\n`).join(''),
  );
  return 0;
}

/** The sequence of the directory already at `file`, or 0 when there is none. */
async function previousSequence(file: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 0;
  }
  return readDirectoryUnverified(text).sequence;
}

async function verify(args: string[], out: (text: string) => void, now: () => number): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'operator-keys': { type: 'string' }, after: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (file === undefined || values['operator-keys'] === undefined) {
    out(USAGE);
    return 2;
  }
  const jwks = (await readJsonFile(values['operator-keys'])) as { keys?: JWK[] };
  const after = values.after === undefined ? undefined : readDirectoryUnverified(await readFile(values.after, 'utf8'));
  const directory = verifyDirectory(await readFile(file, 'utf8'), { operatorKeys: jwks.keys ?? [], now: Math.floor(now() / 1000), after });
  if (values.json) out(`${JSON.stringify({ ok: true, directory }, null, 2)}\n`);
  else out(`ok: network ${directory.network.id} (operator ${directory.operator.id}), sequence ${directory.sequence}${after === undefined ? '' : ` (after ${after.sequence})`}, ${directory.members.length} members, ${directory.links.length} links, expires ${new Date(directory.exp * 1000).toISOString()}\n`);
  return 0;
}

async function diff(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [oldFile, newFile] = positionals;
  if (oldFile === undefined || newFile === undefined) {
    out(USAGE);
    return 2;
  }
  const read = async (f: string): Promise<Directory> => readDirectoryUnverified(await readFile(f, 'utf8'));
  const [before, after] = [await read(oldFile), await read(newFile)];
  const changes = diffDirectories(before, after);
  if (values.json) {
    out(`${JSON.stringify({ from: before.sequence, to: after.sequence, changes }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${before.network.id}: sequence ${before.sequence} -> ${after.sequence}, ${changes.length} change(s)`];
  for (const c of changes) lines.push(`  ${c.kind.padEnd(22)} ${c.message}${c.concerns.length > 0 ? `  [${c.concerns.join(', ')}]` : ''}`);
  return (out(`${lines.join('\n')}\n`), 0);
}
