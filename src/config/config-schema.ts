import { PARSED_DOCUMENTS } from '../generated/parsed-documents.js';
import { readPackageYaml } from '../kernel/yaml-document.js';

/** The configuration schema document (config/schema.yaml), read once. */
export const schemaDocument = readPackageYaml('config/schema.yaml', new URL('../../', import.meta.url), PARSED_DOCUMENTS) as Record<string, unknown>;
