import { PARSED_DOCUMENTS } from '../generated/parsed-documents.js';
import { readPackageYaml } from '../kernel/yaml-document.js';

/** Where the TMF621 facade is served. */
export const TMF621_BASE_PATH = '/tmf-api/troubleTicket/v5';

/** The facade's own OpenAPI document (openapi/tmf621.yaml): its routes, request schemas and answers. */
export const tmf621Document = readPackageYaml('openapi/tmf621.yaml', new URL('../../', import.meta.url), PARSED_DOCUMENTS) as {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
};
