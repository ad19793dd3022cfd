import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomicFile.ts';

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
  writeFileAtomic(path, secret + '\n');
}
