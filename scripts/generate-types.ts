/**
 * Generates TypeScript types from the contract (openapi/usm-link.yaml) and the config schema
 * (config/schema.yaml) into src/generated/. With --check, fails when the committed files are stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const targets = [
  { source: 'openapi/usm-link.yaml', output: 'src/generated/api.ts' },
  { source: 'config/schema.yaml', output: 'src/generated/config.ts' },
] as const;

const check = process.argv.includes('--check');
let stale = 0;
for (const { source, output } of targets) {
  const ast = await openapiTS(new URL(source, root), { alphabetize: false });
  const text = `// Generated from ${source} by scripts/generate-types.ts. Do not edit; run \`npm run generate\`.\n\n${astToString(ast)}`;
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
