/**
 * Generates TypeScript types from the contract (openapi/usm-link.yaml) and the config schema
 * (config/schema.yaml) into src/generated/, those documents and the TMF621 contract parsed
 * (parsed-documents.ts, read by src/kernel/yaml-document.ts), and the config schema compiled
 * (config-validator.ts, read by src/config/config-schema.ts). With --check, fails when the committed
 * files are stale.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import standaloneCode from 'ajv/dist/standalone/index.js';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse as parseYaml } from 'yaml';
import { CONFIG_SCHEMA_REF, configSchemaAjv } from '../src/config/config-schema.js';
import { sha256Of } from '../src/kernel/yaml-document.js';

const root = new URL('../', import.meta.url);
const targets = [
  { source: 'openapi/usm-link.yaml', output: 'src/generated/api.ts' },
  { source: 'config/schema.yaml', output: 'src/generated/config.ts' },
] as const;

/** The YAML documents the gateway reads at start, kept parsed (src/kernel/yaml-document.ts). */
const parsedSources = ['openapi/usm-link.yaml', 'openapi/tmf621.yaml', 'config/schema.yaml'] as const;

async function parsedDocuments(): Promise<string> {
  const entries: string[] = [];
  for (const source of parsedSources) {
    const text = await readFile(new URL(source, root), 'utf8');
    const value = parseYaml(text) as unknown;
    // JSON must hold the document as YAML gave it (no dates, no undefined).
    deepStrictEqual(JSON.parse(JSON.stringify(value)), value, `${source} does not survive JSON`);
    entries.push(`  ${JSON.stringify(source)}: {\n    sha256: ${JSON.stringify(sha256Of(text))},\n    json: ${JSON.stringify(JSON.stringify(value))},\n  },`);
  }
  return [
    `// Generated from ${parsedSources.join(', ')} by scripts/generate-types.ts. Do not edit; run \`npm run generate\`.`,
    '',
    '/** Each document parsed, as JSON text, with the SHA-256 of the YAML it was parsed from. */',
    'export const PARSED_DOCUMENTS: Readonly<Record<string, { readonly sha256: string; readonly json: string }>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

/**
 * The config schema compiled by ajv into standalone code, as a module: the code requires ajv's small
 * runtime helpers as CommonJS (as ajv wrote it), and it is exported typed, with the SHA-256 of the schema's text.
 */
async function configValidator(): Promise<string> {
  const source = 'config/schema.yaml';
  const text = await readFile(new URL(source, root), 'utf8');
  const ajv = configSchemaAjv(parseYaml(text), { code: { source: true, esm: true, lines: true } });
  const validate = ajv.compile({ $ref: CONFIG_SCHEMA_REF });
  const code = standaloneCode.default(ajv, validate);
  const name = validate.source?.validateName;
  if (name === undefined) throw new Error('ajv kept no source of the config validator');
  const header = `"use strict";\nexport const validate = ${String(name)};\nexport default ${String(name)};\n`;
  if (!code.startsWith(header)) throw new Error('ajv\'s standalone code does not start as expected');
  const body = code.slice(header.length);
  return [
    `// Generated from ${source} by scripts/generate-types.ts (ajv standalone code). Do not edit; run \`npm run generate\`.`,
    '// @ts-nocheck',
    "import { createRequire } from 'node:module';",
    "import type { ValidateFunction } from 'ajv';",
    '',
    'const require = createRequire(import.meta.url);',
    '',
    `/** The SHA-256 of the ${source} text this validator was compiled from. */`,
    `export const CONFIG_SCHEMA_SHA256 = '${sha256Of(text)}';`,
    '',
    body.trimEnd(),
    '',
    '/** A config file\'s check against GatewayConfig: true when it passes, with defaults applied; else `errors` says why. */',
    `export const validateGatewayConfig: Pick<ValidateFunction, 'errors'> & ((data: unknown) => boolean) = ${String(name)};`,
    '',
  ].join('\n');
}

const check = process.argv.includes('--check');
let stale = 0;
const outputs: { output: string; text: () => Promise<string> }[] = [
  ...targets.map(({ source, output }) => ({
    output,
    text: async () => `// Generated from ${source} by scripts/generate-types.ts. Do not edit; run \`npm run generate\`.\n\n${astToString(await openapiTS(new URL(source, root), { alphabetize: false }))}`,
  })),
  { output: 'src/generated/parsed-documents.ts', text: parsedDocuments },
  { output: 'src/generated/config-validator.ts', text: configValidator },
];
for (const { output, text: generate } of outputs) {
  const text = await generate();
  const outputUrl = new URL(output, root);
  if (check) {
    const current = await readFile(outputUrl, 'utf8').catch(() => '');
    if (current !== text) {
      stale++;
      console.error(`${output} is stale: run \`npm run generate\` and commit the result`);
    }
  } else {
    await writeFile(outputUrl, text);
    console.log(`wrote ${output}`);
  }
}
if (stale > 0) process.exit(1);
