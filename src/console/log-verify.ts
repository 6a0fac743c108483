import type { components } from '../generated/api.js';

type Schemas = components['schemas'];

/**
 * The browser's own check of a log record's inclusion proof, with WebCrypto's SHA-256, by the
 * algorithm of docs/protocol.md ("The message log", RFC 9162): the leaf is the UTF-8 JSON array
 * `[direction, messageId, partner, type, digest, signature, receipt, at]`, its hash
 * SHA-256(0x00 || leaf), an interior node SHA-256(0x01 || left || right); the audit path is
 * followed as RFC 9162 section 2.1.3.2 says, and must end at the checkpoint's root.
 */
export type InclusionVerdict = { readonly verified: true; readonly treeSize: number; readonly rootHash: string } | { readonly verified: false; readonly reason: string };

const sha256 = async (...parts: Uint8Array[]): Promise<Uint8Array> => {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
};

export function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function toBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function leafHashOf(record: Schemas['LogRecord']): Promise<string> {
  const leaf = new TextEncoder().encode(JSON.stringify([record.direction, record.messageId, record.partner, record.type, record.digest, record.signature, record.receipt, record.at]));
  return toBase64url(await sha256(Uint8Array.of(0), leaf));
}

export async function verifyInclusionProof(proof: Schemas['InclusionProof']): Promise<InclusionVerdict> {
  const { record, index, treeSize } = proof;
  const checkpoint = proof.checkpoint;
  if (checkpoint === undefined) return { verified: false, reason: 'no checkpoint of this tree size' };
  if (checkpoint.treeSize !== treeSize) return { verified: false, reason: `the checkpoint is of ${checkpoint.treeSize} records, the proof of ${treeSize}` };
  if (record.index !== index || index < 0 || index >= treeSize) return { verified: false, reason: `record ${record.index} is not leaf ${index} of ${treeSize}` };
  const leaf = await leafHashOf(record);
  if (leaf !== record.leafHash) return { verified: false, reason: 'the leaf hash does not follow from the record' };
  const node = Uint8Array.of(1);
  let fn = index;
  let sn = treeSize - 1;
  let r = fromBase64url(leaf)!;
  for (const hash of proof.proof) {
    const p = fromBase64url(hash);
    if (p === undefined || p.length !== 32) return { verified: false, reason: 'a hash of the audit path is not base64url SHA-256' };
    if (sn === 0) return { verified: false, reason: 'the audit path is longer than the tree is deep' };
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(node, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await sha256(node, r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return { verified: false, reason: 'the audit path is shorter than the tree is deep' };
  if (toBase64url(r) !== checkpoint.rootHash) return { verified: false, reason: "the audit path does not lead to the checkpoint's root" };
  return { verified: true, treeSize, rootHash: checkpoint.rootHash };
}
