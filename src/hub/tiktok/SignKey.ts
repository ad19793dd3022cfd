import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSecret, writeSecret } from '../secretFile.ts';
import { isSignKey, type SignKeySource } from '../../wire/signKey.ts';

/**
 * The optional sign key: `SIGN_API_KEY` wins; else the one kept in a git-ignored file (like the hub
 * token), which the start page may save or forget while `npm start` runs. Each TikTok attempt asks
 * `current()`, so a key saved now is used from the next attempt on. The key itself never leaves
 * this object but to the sign server: routes and logs get `source` only.
 */

export const SIGN_KEY_FILE = '.giftglow-sign-key';

/** Where the key is kept: GIFTGLOW_SIGN_KEY_FILE, else `.giftglow-sign-key` in the project. */
export function signKeyPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.GIFTGLOW_SIGN_KEY_FILE?.trim() || SIGN_KEY_FILE);
}

export type SaveResult = { ok: true; source: SignKeySource } | { ok: false; detail: string };

export class SignKey {
  readonly path: string;
  readonly #fromEnv: string | null;
  #fromFile: string | null;

  /** `fromEnv`: SIGN_API_KEY as the environment has it (blank: none). */
  constructor(path: string, fromEnv: string | undefined) {
    this.path = path;
    this.#fromEnv = fromEnv?.trim() || null;
    this.#fromFile = readSecret(path, isSignKey);
  }

  /** The key to sign with now, or null (anonymous, rate-limited). */
  current(): string | null {
    return this.#fromEnv ?? this.#fromFile;
  }

  get source(): SignKeySource {
    if (this.#fromEnv !== null) return 'env';
    return this.#fromFile === null ? 'none' : 'file';
  }

  /**
   * Keeps `key` (checked with isSignKey by the caller) in the file, readable by its owner only;
   * null forgets it. Written to a temp file beside it, then renamed over it: a crash leaves the old
   * key or the new one, never half of one. The detail of a failure names the file, never the key.
   */
  save(key: string | null): SaveResult {
    try {
      if (key === null) rmSync(this.path, { force: true });
      else writeSecret(this.path, key);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error';
      return {
        ok: false,
        detail: `${this.path} could not be ${key ? 'written' : 'removed'} (${code})`,
      };
    }
    this.#fromFile = key;
    return { ok: true, source: this.source };
  }
}
