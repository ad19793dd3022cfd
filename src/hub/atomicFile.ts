import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `data` to a temp file beside `path` (readable by its owner only unless `mode` says more),
 * then renames it over `path`: a crash or a power cut leaves the old file or the new one, never
 * half of one. Throws what the file system throws, after removing the temp file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, data, { mode });
    // A temp file left by a crash keeps its old mode when written again.
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file cannot be removed either: the error thrown says why.
    }
    throw error;
  }
}
