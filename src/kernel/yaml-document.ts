import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * A YAML document of the package (the contracts under openapi/, config/schema.yaml), read by its path
 * from the package root. Parsing YAML of that size took a good part of a gateway's start-up, so
 * `npm run generate` keeps each one parsed, as JSON, in generated/parsed-documents.ts (`kept`, passed
 * by the caller) with the SHA-256 of the text it came from: the file is read and its hash compared, and only a file changed since
 * (not generated again yet) is parsed as YAML. Either way the value is the file's as it is now; the
 * YAML library (some seventy modules) is loaded only then.
 */
export function readPackageYaml(path: string, root: URL, kept: Readonly<Record<string, { readonly sha256: string; readonly json: string }>>): unknown {
  const text = readFileSync(new URL(path, root), 'utf8');
  const parsed = kept[path];
  if (parsed !== undefined && parsed.sha256 === sha256Of(text)) return JSON.parse(parsed.json);
  return (createRequire(import.meta.url)('yaml') as typeof Yaml).parse(text);
}

/** The SHA-256 of a document's text, hex, as generated/parsed-documents.ts records it. */
export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
