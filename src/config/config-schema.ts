import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** The configuration schema document (config/schema.yaml), read once. */
export const schemaDocument = parseYaml(readFileSync(new URL('../../config/schema.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
