import { SignKey, signKeyPath } from './SignKey.ts';

/**
 * How the hub reaches TikTok, from the environment `npm start` runs in:
 * - `SIGN_API_URL`: the sign server (as tiktok-live-connector documents it; Euler Stream's by default);
 * - `SIGN_API_KEY`, else the git-ignored file `.giftglow-sign-key` (another path with
 *   `GIFTGLOW_SIGN_KEY_FILE`), which the start page may save: an optional key for it (SignKey.ts),
 *   never logged, never sent to a page, never in any route's answer;
 * - `GIFTGLOW_TIKTOK_LOOKUP=sign-server`: look rooms up at the sign server only, never on
 *   tiktok.com (for a network that gets captchas there; each look-up is then a sign request).
 */

export type Lookup = 'tiktok' | 'sign-server';

export interface TikTokSettings {
  signUrl: string;
  /** Asked at each attempt: a key saved from the start page counts from the next one. */
  signKey: SignKey;
  lookup: Lookup;
}

/** The library's own default (its SignConfig). */
export const EULER_SIGN_URL = 'https://api.eulerstream.com';

export function tiktokSettings(root: string, env: NodeJS.ProcessEnv = process.env): TikTokSettings {
  const lookup = env.GIFTGLOW_TIKTOK_LOOKUP === 'sign-server' ? 'sign-server' : 'tiktok';
  const signUrl = env.SIGN_API_URL?.trim() || EULER_SIGN_URL;
  return { signUrl, signKey: new SignKey(signKeyPath(root, env), env.SIGN_API_KEY), lookup };
}
