import { GatewayError } from '../kernel/gateway-error.js';

export interface CursorPosition {
  readonly updatedAt: string;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { updatedAt: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new GatewayError('USM_ERR_INVALID_CURSOR');
}

/** Fetches one page (asking for one item more to know whether another page follows). */
export async function page<T extends CursorPosition>(
  limit: number,
  fetch: (limit: number) => Promise<T[]>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null };
}
