import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStorageKey, LocalDiskStorage, newStorageKey, StoredFileMissingError } from './document-storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'mawid-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

describe('local disk storage', () => {
  const storage = new LocalDiskStorage(dir);

  it('stores, reads back and removes a file under fan-out folders, readable by its owner only', async () => {
    const key = newStorageKey();
    const data = Buffer.from('sealed bytes');
    await storage.put(key, data);
    expect((await storage.get(key)).equals(data)).toBe(true);
    const path = join(dir, key.slice(0, 2), key.slice(2, 4), key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, key.slice(0, 2))).mode & 0o777).toBe(0o700);
    // No temporary file is left behind.
    expect(filesUnder(dir)).toEqual([path]);
    await storage.remove(key);
    expect(filesUnder(dir)).toEqual([]);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    // Removing twice is harmless (a failed upload's cleanup may race a retry).
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('generates uuid keys and refuses any other key, before touching the disk', async () => {
    expect(isStorageKey(newStorageKey())).toBe(true);
    for (const key of ['../../etc/passwd', 'passport.pdf', '', `${newStorageKey()}/x`, newStorageKey().toUpperCase()]) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/storage key/);
      await expect(storage.get(key)).rejects.toThrow(/storage key/);
      await expect(storage.remove(key)).rejects.toThrow(/storage key/);
    }
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses a folder inside a served folder', () => {
    expect(() => new LocalDiskStorage(join(dir, 'public', 'docs'), { servedDirs: [join(dir, 'public')] })).toThrow(
      /served folder/,
    );
    expect(() => new LocalDiskStorage(join(process.cwd(), 'src', 'uploads'))).toThrow(/served folder/);
    expect(() => new LocalDiskStorage(join(dir, 'private'), { servedDirs: [join(dir, 'public')] })).not.toThrow();
  });
});
