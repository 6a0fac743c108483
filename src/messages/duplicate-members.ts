/**
 * Finds a member that appears twice in one JSON object, at any depth. JSON.parse keeps the last
 * value of a duplicate member while other parsers keep the first, so a signed body with one would
 * mean one thing to this gateway and another to an auditor checking the same bytes.
 *
 * Hand-written rather than a library: it runs on every message (the hot path), on text that
 * JSON.parse has just accepted, so it need not validate anything. It is one pass over the text that
 * looks only at structure (string contents are skipped with indexOf). Keys are compared in place,
 * by their offsets in the text, so a typical object allocates nothing per key; an object with many
 * members, or with a key written with an escape (`"\u0061"` and `"a"` are the same member), gets
 * one Set of its decoded keys. Paths are built only when a duplicate is found.
 *
 * Returns the JSON Pointer (RFC 6901) of the second occurrence, or undefined when every object's
 * members are distinct. `text` must be valid JSON.
 */
/** Up to this many members, an object's keys are compared in place; beyond, through a Set. */
const LINEAR_MEMBERS = 16;

export function duplicateMember(text: string): string | undefined {
  // Per open object or array (innermost last): whether it is an object, where its keys start in
  // `starts`/`ends`, its Set once it has one, and the current element index (arrays).
  const isObject: boolean[] = [];
  const base: number[] = [];
  const sets: (Set<string> | undefined)[] = [];
  const index: number[] = [];
  // The offsets of the keys of every open object, innermost object's last.
  const starts: number[] = [];
  const ends: number[] = [];
  let keys = 0;
  let depth = 0;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i + 1;
      let end = text.indexOf('"', start);
      // A quote preceded by an odd number of backslashes is escaped.
      while (text.charCodeAt(end - 1) === 0x5c && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      i = end;
      if (!expectKey) continue;
      expectKey = false;
      const top = depth - 1;
      const from = base[top]!;
      let set = sets[top];
      if (set === undefined && (keys - from >= LINEAR_MEMBERS || hasBackslash(text, start, end))) {
        set = new Set<string>();
        for (let k = from; k < keys; k++) set.add(keyAt(text, starts[k]!, ends[k]!));
        sets[top] = set;
      }
      if (set !== undefined) {
        const key = keyAt(text, start, end);
        if (set.has(key)) return pointer(text, depth, isObject, base, index, starts, ends, key);
        set.add(key);
      } else {
        const size = end - start;
        for (let k = from; k < keys; k++) {
          if (ends[k]! - starts[k]! === size && sameChars(text, starts[k]!, start, size)) {
            return pointer(text, depth, isObject, base, index, starts, ends, text.slice(start, end));
          }
        }
      }
      starts[keys] = start;
      ends[keys] = end;
      keys++;
    } else if (c === 0x7b /* { */) {
      isObject[depth] = true;
      base[depth] = keys;
      sets[depth] = undefined;
      depth++;
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      isObject[depth] = false;
      base[depth] = keys;
      index[depth] = 0;
      depth++;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = depth - 1;
      if (isObject[top]) expectKey = true;
      else index[top]!++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      keys = base[depth]!;
      expectKey = false;
    }
  }
  return undefined;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; text.charCodeAt(j) === 0x5c /* \ */; j--) backslashes++;
  return backslashes % 2 === 1;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) if (text.charCodeAt(j) === 0x5c) return true;
  return false;
}

function sameChars(text: string, a: number, b: number, size: number): boolean {
  for (let j = 0; j < size; j++) if (text.charCodeAt(a + j) !== text.charCodeAt(b + j)) return false;
  return true;
}

/** The decoded key between these offsets (the quotes excluded). */
function keyAt(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.indexOf('\\') === -1 ? raw : (JSON.parse(`"${raw}"`) as string);
}

/**
 * The JSON Pointer of member `key` of the innermost open object. An open object's current member
 * is its last key so far: the key just below where the next frame's keys begin.
 */
function pointer(text: string, depth: number, isObject: readonly boolean[], base: readonly number[], index: readonly number[], starts: readonly number[], ends: readonly number[], key: string): string {
  let path = '';
  for (let d = 0; d < depth - 1; d++) {
    const last = base[d + 1]! - 1;
    path += `/${isObject[d] ? escapeToken(keyAt(text, starts[last]!, ends[last]!)) : index[d]!}`;
  }
  return `${path}/${escapeToken(key)}`;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
