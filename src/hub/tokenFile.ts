import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isToken, makeToken } from './token.ts';

/** Where the token lives: GIFTGLOW_TOKEN_FILE, else `.giftglow-token` in the project (git-ignored). */
export function tokenPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.GIFTGLOW_TOKEN_FILE ?? '.giftglow-token');
}

/**
 * The token kept in `path`, made (readable by its owner only) on the first run. Where the file
 * cannot be written (a read-only checkout), the token lives as long as the server: `kept` is false.
 */
export function loadOrCreateToken(path: string): { token: string; kept: boolean } {
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (isToken(kept)) return { token: kept, kept: true };
  } catch {
    // No file yet: make one below.
  }
  const token = makeToken((n) => randomBytes(n));
  try {
    writeFileSync(path, token + '\n', { mode: 0o600 });
    chmodSync(path, 0o600);
    return { token, kept: true };
  } catch {
    return { token, kept: false };
  }
}
