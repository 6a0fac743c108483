/**
 * BENCH_ONLY=log: the message log at scale (BENCH_LOG_RECORDS, 10,000,000 by default).
 *
 * Appends go through the store's own append path: `commitAgreement` with an inbound message and
 * nothing else, which writes the inbound message and, under the append lock, its log record, the
 * subtrees it completes and the compact range, one transaction per group commit, the WAL fsynced
 * before the promise resolves. The same appends run on an empty log and on the big one, in turn.
 *
 * The big log is built in bulk: the records go through the project's Merkle code (`appendRecord`,
 * the same function the append path calls) and their rows (`logColumns`, `logNodeColumns`,
 * `logHeadColumns`) straight into SQLite in large transactions without fsync; only the inbound
 * messages' rows, which proofs never read, are left out.
 *
 * Then: inclusion proofs from the store (`inclusionProof`, as the proof endpoint answers them),
 * each checked with `verifyInclusion` (what a client's inclusion check runs), and the whole log
 * checked with `verifyLog` (what `usm-link verify-log` runs) over the records streamed from the file,
 * the stored subtrees looked up one by one. `usm-link verify-log` itself reads the whole file into
 * memory first, which at this size is several gigabytes, so it is not run here.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/storage/sqlite-store.js';
import { appendRecord, verifyLog, type LogEntry } from '../src/messages/message-log.js';
import { inclusionProof } from '../src/messages/log-proofs.js';
import { perfectPieces, rangeHash, verifyInclusion, type CompactRange } from '../src/messages/merkle-tree.js';
import { compactRangeOf, logColumns, logHeadColumns, logNodeColumns, logOf, type LogHeadRow, type LogNodeRow, type LogRow } from '../src/storage/rows.js';
import { fromBase64url } from '../src/kernel/base64url.js';
import { uuidv7 } from '../src/kernel/uuid-v7.js';
import { median, percentile, round } from './stats.js';
import type { Store } from '../src/ports/store.js';

export interface LogScaleOptions {
  readonly records: number;
  /** Appends per measurement, in flight at once (group commit), on each log. */
  readonly appends: number;
  readonly concurrency: number;
  readonly rounds: number;
  readonly proofs: number;
  readonly log: (text: string) => void;
}

const SIGNATURE = `eyJhbGciOiJFZERTQSIsImtpZCI6Imdhd2F5LTIwMjYtMDEiLCJiNjQiOmZhbHNlLCJjcml0IjpbImI2NCJdfQ..${'s'.repeat(86)}`;
const RECEIPT = `eyJhbGciOiJFZERTQSIsInR5cCI6InVzbS1yZWNlaXB0K2p3dCJ9.${'r'.repeat(220)}.${'g'.repeat(86)}`;

export async function logScaleRun(root: string, options: LogScaleOptions) {
  const emptyFile = join(root, 'log-empty.db');
  const bigFile = join(root, 'log-big.db');
  // Both files get their schema (the migrations) from the store itself.
  await openSqliteStore(emptyFile).close();
  await openSqliteStore(bigFile).close();
  const buildStarted = performance.now();
  const built = bulkBuild(bigFile, options.records, options.log);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  options.log(`log: built ${built.size} records in ${buildSeconds.toFixed(0)} s (${(statSync(bigFile).size / 2 ** 30).toFixed(1)} GB)`);

  const empty: number[] = [];
  const big: number[] = [];
  let sequence = 0;
  for (let round = 0; round < options.rounds; round++) {
    // A fresh empty log each round, so "empty" stays empty.
    rmSync(emptyFile, { force: true });
    rmSync(`${emptyFile}-wal`, { force: true });
    rmSync(`${emptyFile}-shm`, { force: true });
    empty.push(await appendRate(emptyFile, options, () => sequence++));
    big.push(await appendRate(bigFile, options, () => sequence++));
    options.log(`log: round ${round + 1}/${options.rounds}: ${empty.at(-1)!.toFixed(0)}/s on an empty log, ${big.at(-1)!.toFixed(0)}/s at ${built.size}`);
  }

  const store = openSqliteStore(bigFile);
  const size = await store.logSize();
  const proofMs: number[] = [];
  const verifyUs: number[] = [];
  let proofLength = 0;
  try {
    const root = await rootFor(store, size);
    for (let p = 0; p < options.proofs; p++) {
      const index = Math.floor(Math.random() * size);
      const record = (await store.logRecordAt(index))!;
      const t = performance.now();
      const proof = await inclusionProof(store, index, size);
      proofMs.push(performance.now() - t);
      const hashes = proof.map((h) => fromBase64url(h)!);
      const v = performance.now();
      const ok = verifyInclusion(index, size, fromBase64url(record.leafHash)!, hashes, root);
      verifyUs.push((performance.now() - v) * 1000);
      if (!ok) throw new Error(`the inclusion proof of record ${index} does not verify`);
      proofLength = proof.length;
    }
  } finally {
    await store.close();
  }

  const verifyStarted = performance.now();
  const verdict = verifyWholeLog(bigFile);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  if (!verdict.ok) throw new Error(`the log does not verify: ${verdict.reason}`);
  options.log(`log: verified ${verdict.records} records in ${verifySeconds.toFixed(0)} s`);

  const emptyRate = median(empty);
  const bigRate = median(big);
  return {
    records: size,
    requested_records: options.records,
    built_in_s: round(buildSeconds),
    build: 'bulk: appendRecord (the append path\'s Merkle step) and the store\'s row mappings, inserted straight into SQLite without fsync; inbound messages left out',
    file_gb: round(statSync(bigFile).size / 2 ** 30, 2),
    append_path: 'store.commitAgreement with one inbound message (its log record, subtrees and compact range under the append lock), group commit, WAL fsynced',
    append_per_s_empty: round(emptyRate),
    append_per_s_at_size: round(bigRate),
    append_ratio_at_size_vs_empty: round(bigRate / emptyRate, 3),
    // Each round ran both logs back to back, so the other work on the machine weighs on both alike.
    append_ratio_median_of_rounds: round(median(big.map((rate, i) => rate / empty[i]!)), 3),
    append_runs: { empty: empty.map((r) => round(r)), at_size: big.map((r) => round(r)), appends: options.appends, concurrency: options.concurrency },
    inclusion_proof_p50_ms: round(percentile(proofMs, 50), 3),
    inclusion_proof_p99_ms: round(percentile(proofMs, 99), 3),
    inclusion_proof_hashes: proofLength,
    inclusion_verify_p50_us: round(percentile(verifyUs, 50), 1),
    proofs: options.proofs,
    verify_log_s: round(verifySeconds, 1),
    verify_log_records_per_s: round(verdict.records / verifySeconds),
    verify_log: 'verifyLog (what usm-link verify-log runs) over the records streamed from the file, with every stored subtree checked',
  };
}

/** Appends `records` minus what the file holds, in bulk, through the Merkle code; returns the compact range. */
function bulkBuild(file: string, records: number, log: (text: string) => void): CompactRange {
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  let range = compactRangeOf(db.prepare<[], LogHeadRow>('SELECT size, hashes FROM log_head WHERE id = 1').get());
  const insertLog = db.prepare(
    'INSERT INTO message_log (seq, direction, message_id, partner, type, digest, signature, receipt, at, leaf_hash) VALUES (@seq, @direction, @message_id, @partner, @type, @digest, @signature, @receipt, @at, @leaf_hash)',
  );
  const insertNode = db.prepare('INSERT INTO log_nodes (level, idx, hash) VALUES (@level, @idx, @hash)');
  const saveHead = db.prepare('UPDATE log_head SET size = @size, hashes = @hashes WHERE id = 1');
  const base = Date.UTC(2025, 0, 1);
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      const appended = appendRecord(range, entryAt(range.size, base));
      insertLog.run(logColumns(appended.record));
      for (const node of appended.completed) insertNode.run(logNodeColumns(node));
      range = appended.range;
    }
    saveHead.run(logHeadColumns(range));
  });
  const started = performance.now();
  let reported = performance.now();
  while (range.size < records) {
    batch(Math.min(100_000, records - range.size));
    if (performance.now() - reported > 30_000) {
      reported = performance.now();
      log(`log: ${range.size} records (${(range.size / ((reported - started) / 1000)).toFixed(0)}/s)`);
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return range;
}

/** A record as the append path writes one for an inbound message: about 600 bytes. */
function entryAt(index: number, base: number): LogEntry {
  const at = base + index * 10;
  const receipt = index % 2 === 0 ? RECEIPT : null;
  return {
    direction: index % 2 === 0 ? 'in' : 'out',
    messageId: uuidv7(at),
    partner: `partner-${index % 100}`,
    type: 'call.submit',
    digest: `sha-256=${index.toString(36).padStart(35, '0')}`,
    signature: SIGNATURE,
    receipt,
    at: new Date(at).toISOString(),
  };
}

/** Appends through the store on one file: records a second, `concurrency` in flight at a time. */
async function appendRate(file: string, options: LogScaleOptions, next: () => number): Promise<number> {
  const store = openSqliteStore(file);
  try {
    await appendMany(store, Math.min(200, options.appends), options.concurrency, next);
    const started = performance.now();
    await appendMany(store, options.appends, options.concurrency, next);
    return options.appends / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
  }
}

async function appendMany(store: Store, count: number, concurrency: number, next: () => number): Promise<void> {
  let left = count;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left--;
      const n = next();
      const at = new Date().toISOString();
      await store.commitAgreement({
        versions: [],
        outbox: [],
        inbound: {
          id: uuidv7(),
          from: `partner-${n % 100}`,
          type: 'call.submit',
          digest: `sha-256=${n.toString(36).padStart(35, '0')}`,
          signature: SIGNATURE,
          body: '{"bench":true}',
          receivedAt: at,
          callId: null,
          response: { status: 201, body: { receipt: { jws: RECEIPT } } },
        },
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function rootFor(store: Store, size: number): Promise<Buffer> {
  // The root of the tree of `size` records, from the subtrees the store keeps.
  const nodes = await store.logNodes(perfectPieces({ start: 0, end: size }));
  return rangeHash({ start: 0, end: size }, (node) => fromBase64url(nodes.get(`${node.level}/${node.index}`)!)!);
}

function verifyWholeLog(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const node = db.prepare<[number, number], Pick<LogNodeRow, 'hash'>>('SELECT hash FROM log_nodes WHERE level = ? AND idx = ?');
    const rows = db.prepare<[], LogRow>('SELECT * FROM message_log ORDER BY seq').iterate();
    const records = (function* () {
      for (const row of rows) yield logOf(row);
    })();
    return verifyLog(records, { node: (id) => node.get(id.level, id.index)?.hash });
  } finally {
    db.close();
  }
}
