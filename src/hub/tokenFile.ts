import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { readSecret, writeSecret } from './secretFile.ts';
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
  const kept = readSecret(path, isToken);
  if (kept !== null) return { token: kept, kept: true };
  const token = makeToken((n) => randomBytes(n));
  try {
    writeSecret(path, token);
    return { token, kept: true };
  } catch {
    return { token, kept: false };
  }
}
