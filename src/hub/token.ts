/**
 * The token a sender shows as `Authorization: Bearer <token>`. `npm start` makes it once and keeps it
 * in a git-ignored file (tokenFile.ts); overlays never need it (they only receive).
 */

/** 32 random bytes as base64url: 43 characters, fine in a header and a terminal line. */
export function makeToken(randomBytes: (n: number) => Uint8Array): string {
  return Buffer.from(randomBytes(32)).toString('base64url');
}

export function isToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{32,128}$/.test(text);
}

/** The token a request shows, or null for none or another scheme. */
export function bearerOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/** Compares in time independent of where the strings differ (no hint for guessing it char by char). */
export function sameToken(shown: string | null, token: string): boolean {
  if (shown === null || shown.length !== token.length) return false;
  let difference = 0;
  for (let i = 0; i < token.length; i++) difference |= shown.charCodeAt(i) ^ token.charCodeAt(i);
  return difference === 0;
}
