import { readPackageYaml } from '../kernel/yaml-document.js';

/** The configuration schema document (config/schema.yaml), read once. */
export const schemaDocument = readPackageYaml('config/schema.yaml', new URL('../../', import.meta.url)) as Record<string, unknown>;
