import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A one-line secret kept in a git-ignored file (the hub token, the sign key): read back only when
 * it passes its check, and written readable by its owner only, to a temp file beside it that is
 * then renamed over it, so a crash or a power cut leaves the old secret or the new one, never half.
 */

/** The secret kept in `path`, or null (no file, unreadable, or not a valid secret). */
export function readSecret(path: string, isValid: (text: string) => boolean): string | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return isValid(text) ? text : null;
  } catch {
    return null;
  }
}

/** Writes `secret` atomically with mode 0600; throws what the file system throws. */
export function writeSecret(path: string, secret: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, secret + '\n', { mode: 0o600 });
    // A temp file left by a crash keeps its old mode when written again.
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file cannot be removed either: the error below says why.
    }
    throw error;
  }
}
