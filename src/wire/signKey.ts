import { z } from 'zod/mini';

/**
 * The optional key for TikTok's sign server (Euler Stream), as the start page sends it to the hub
 * and the hub keeps it. Euler's keys are opaque: the library's client sends one as an `x-api-key`
 * header and an `apiKey` query parameter and says nothing of its form (those seen are `euler_`
 * and some 70 base64 characters), so any one header-safe word of a sane length is a key.
 */

/** Where the hub's key comes from: `SIGN_API_KEY` (it wins), the file the start page saved, none. */
export const SIGN_KEY_SOURCES = ['env', 'file', 'none'] as const;
export type SignKeySource = (typeof SIGN_KEY_SOURCES)[number];

export const SIGN_KEY_RULE = 'a sign key is one word of 8 to 256 printable ASCII characters';

export function isSignKey(text: string): boolean {
  return /^[\x21-\x7e]{8,256}$/.test(text);
}

/** `POST /hub/tiktok/key`'s body: the key to keep, or null to forget the one kept. */
export const signKeyRequest = z.object({ key: z.nullable(z.string()) });
export type SignKeyRequest = z.output<typeof signKeyRequest>;

/** That body at most: a key of 256 characters, each escaped, with its braces and name. */
export const SIGN_KEY_BODY_BYTES = 600;
