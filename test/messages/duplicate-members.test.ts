import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateMember } from '../../src/messages/duplicate-members.js';

/**
 * JSON text of `value`, with the first member of the `target`-th object (in document order, among
 * objects with members) written a second time at the end of that object; and the JSON Pointer of it.
 */
function withDuplicate(value: unknown, target: number): { text: string; pointer: string | undefined } {
  let seen = 0;
  let pointer: string | undefined;
  const token = (t: string | number) => String(t).replace(/~/g, '~0').replace(/\//g, '~1');
  const write = (v: unknown, path: string): string => {
    if (Array.isArray(v)) return `[${v.map((e, i) => write(e, `${path}/${i}`)).join(',')}]`;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const entries = Object.entries(v as Record<string, unknown>);
    const members = entries.map(([k, e]) => `${JSON.stringify(k)}:${write(e, `${path}/${token(k)}`)}`);
    if (entries.length > 0 && seen++ === target) {
      const [k, e] = entries[0]!;
      pointer = `${path}/${token(k)}`;
      members.push(`${JSON.stringify(k)}:${JSON.stringify(e)}`);
    }
    return `{${members.join(',')}}`;
  };
  const text = write(value, '');
  return { text, pointer };
}

describe('duplicate members in JSON text', () => {
  it('finds a member twice at any depth and names it by JSON Pointer', () => {
    expect(duplicateMember('{"a":1,"a":2}')).toBe('/a');
    expect(duplicateMember('{"a":1,"b":2,"c":3,"b":4}')).toBe('/b');
    expect(duplicateMember('{"data":{"summary":"x","summary":"y"}}')).toBe('/data/summary');
    expect(duplicateMember('{"list":[{"u":1},{"u":1,"v":2,"u":3}]}')).toBe('/list/1/u');
    expect(duplicateMember('[[],[{"k":[1,{"x":0,"x":0}]}]]')).toBe('/1/0/k/1/x');
    // An escape spells the same member; escaped quotes and backslashes do not end a string early.
    expect(duplicateMember('{"summary":"x","summ\\u0061ry":"y"}')).toBe('/summary');
    expect(duplicateMember('{"a\\"b":"\\\\","a\\"b":1}')).toBe('/a"b');
    expect(duplicateMember('{"s":"a \\"b\\":1, \\"s\\":2","t":"\\\\"}')).toBeUndefined();
    expect(duplicateMember('{"a/b~c":1,"a/b~c":2}')).toBe('/a~1b~0c');
    // Members of different objects, and strings that look like members, are not duplicates.
    expect(duplicateMember('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}')).toBeUndefined();
    expect(duplicateMember('{"a":"{\\"a\\":1,\\"a\\":2}","b":"a"}')).toBeUndefined();
    expect(duplicateMember(' { "a" : 1 , "b" : [ "a" , "a" ] } ')).toBeUndefined();
    for (const scalar of ['1', '"a"', 'null', '[]', '{}', '[1,"a",{}]']) expect(duplicateMember(scalar)).toBeUndefined();
    // Objects with many members (kept in a Set past the first few), with and without escapes.
    const many = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`);
    expect(duplicateMember(`{${many.join(',')}}`)).toBeUndefined();
    expect(duplicateMember(`{"x":{${many.join(',')},"k3":0}}`)).toBe('/x/k3');
    expect(duplicateMember(`{${many.join(',')},"k\\u0033":0}`)).toBe('/k3');
    expect(duplicateMember(`{"k\\u0033":0,${many.join(',')}}`)).toBe('/k3');
    expect(duplicateMember(`{${many.slice(0, 5).join(',')},"\\u006b2":0}`)).toBe('/k2');
  });

  it('sees no duplicate in any JSON that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(duplicateMember(JSON.stringify(value))).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a member written twice into any object of any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(20), (value, n) => {
        const { text, pointer } = withDuplicate(value, n);
        expect(() => JSON.parse(text)).not.toThrow();
        expect(duplicateMember(text)).toBe(pointer);
      }),
      { numRuns: 2000 },
    );
  });
});
