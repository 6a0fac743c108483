import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Attachment content kept content-addressed in a folder: one file per SHA-256, under a two-letter
 * fan-out (`ab/abcdef…`). A file is written whole to a temporary name, synced, renamed and its
 * folder synced, so that once `put` returns the content survives a crash; a file is never changed
 * afterwards (its name is its hash).
 */
export interface ContentStore {
  /** Keeps the bytes under their SHA-256 (which the caller checked); durable when it returns. */
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The bytes kept under this SHA-256, or undefined. */
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Removes the bytes kept under this SHA-256 (retention); nothing when none are kept. */
  remove(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function createContentStore(folder: string): ContentStore {
  const pathOf = (sha256: string): { dir: string; file: string } => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    const dir = join(folder, sha256.slice(0, 2));
    return { dir, file: join(dir, sha256) };
  };
  return {
    async put(sha256, bytes) {
      const { dir, file } = pathOf(sha256);
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`content does not hash to ${sha256}`);
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.${sha256}.${randomUUID()}.tmp`);
      try {
        const handle = await open(temporary, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      const folderHandle = await open(dir, 'r');
      try {
        await folderHandle.sync();
      } finally {
        await folderHandle.close();
      }
    },
    async get(sha256) {
      try {
        return await readFile(pathOf(sha256).file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(sha256) {
      await rm(pathOf(sha256).file, { force: true });
    },
    async has(sha256) {
      try {
        return (await stat(pathOf(sha256).file)).isFile();
      } catch {
        return false;
      }
    },
  };
}
