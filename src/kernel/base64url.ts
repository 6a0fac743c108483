export function toBase64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Strict decoding: refuses anything that is not base64url (Buffer.from would skip bad characters). */
export function fromBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  return Buffer.from(text, 'base64url');
}
