import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * How the hub reaches TikTok, from the environment `npm start` runs in:
 * - `SIGN_API_URL`: the sign server (as tiktok-live-connector documents it; Euler Stream's by default);
 * - `SIGN_API_KEY`, else the git-ignored file `.giftglow-sign-key`: an optional key for it, never
 *   logged, never sent to a page, never in any route's answer;
 * - `GIFTGLOW_TIKTOK_LOOKUP=sign-server`: look rooms up at the sign server only, never on
 *   tiktok.com (for a network that gets captchas there; each look-up is then a sign request).
 */

export type Lookup = 'tiktok' | 'sign-server';

export interface TikTokSettings {
  signUrl: string;
  signKey: string | null;
  /** Where the key came from, for the log (never the key itself). */
  keyFrom: 'SIGN_API_KEY' | typeof SIGN_KEY_FILE | null;
  lookup: Lookup;
}

/** The library's own default (its SignConfig). */
export const EULER_SIGN_URL = 'https://api.eulerstream.com';
export const SIGN_KEY_FILE = '.giftglow-sign-key';

export function tiktokSettings(root: string, env: NodeJS.ProcessEnv = process.env): TikTokSettings {
  const lookup = env.GIFTGLOW_TIKTOK_LOOKUP === 'sign-server' ? 'sign-server' : 'tiktok';
  const signUrl = env.SIGN_API_URL?.trim() || EULER_SIGN_URL;
  const fromEnv = env.SIGN_API_KEY?.trim();
  if (fromEnv) return { signUrl, signKey: fromEnv, keyFrom: 'SIGN_API_KEY', lookup };
  const fromFile = readSignKey(resolve(root, SIGN_KEY_FILE));
  return { signUrl, signKey: fromFile, keyFrom: fromFile ? SIGN_KEY_FILE : null, lookup };
}

/** The key kept in `path`, or null (no file, or not a key: one printable word). */
export function readSignKey(path: string): string | null {
  try {
    const key = readFileSync(path, 'utf8').trim();
    return /^[\x21-\x7e]{8,512}$/.test(key) ? key : null;
  } catch {
    return null;
  }
}
