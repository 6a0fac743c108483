import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PARSED_DOCUMENTS } from '../../src/generated/parsed-documents.js';
import { readPackageYaml, sha256Of } from '../../src/kernel/yaml-document.js';

const root = new URL('../../', import.meta.url);

describe('package YAML documents', () => {
  it('are kept parsed for the text each file has now, equal to parsing it', async () => {
    for (const path of ['openapi/usm-link.yaml', 'openapi/tmf621.yaml', 'config/schema.yaml']) {
      const text = await readFile(new URL(path, root), 'utf8');
      expect(PARSED_DOCUMENTS[path]?.sha256, path).toBe(sha256Of(text));
      expect(readPackageYaml(path, root, PARSED_DOCUMENTS)).toEqual(parseYaml(text));
    }
  });

  it('are parsed as YAML again once a file no longer has the text they were kept for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usm-yaml-'));
    await mkdir(join(dir, 'openapi'));
    const changed = `${await readFile(new URL('openapi/tmf621.yaml', root), 'utf8')}\nx-changed: after generation\n`;
    await writeFile(join(dir, 'openapi', 'tmf621.yaml'), changed);
    const value = readPackageYaml('openapi/tmf621.yaml', pathToFileURL(`${dir}/`), PARSED_DOCUMENTS) as Record<string, unknown>;
    expect(value['x-changed']).toBe('after generation');
    expect(value).toEqual(parseYaml(changed));
  });
});
