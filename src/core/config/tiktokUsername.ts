/**
 * TikTok's own username rules: 2 to 24 characters, letters, digits, `_` and `.`, not ending in a
 * period. Usernames are not case-sensitive: kept lower-case, so two spellings share a connection.
 */
const USERNAME = /^[a-z0-9_.]{2,24}$/;

export type UsernameCheck = { ok: true; username: string } | { ok: false; why: string };

/** A username as a streamer types it (`@Name`, `name`, a profile or LIVE URL), checked. */
export function tiktokUsername(input: string): UsernameCheck {
  let text = input.trim();
  const url = /^(?:https?:\/\/)?(?:www\.|m\.)?tiktok\.com\/@([^/?#]+)/i.exec(text);
  if (url?.[1]) text = url[1];
  text = text.replace(/^@/, '').toLowerCase();
  if (text.length === 0) return { ok: false, why: 'a TikTok username is needed' };
  if (text.length < 2 || text.length > 24) {
    return { ok: false, why: 'a TikTok username has 2 to 24 characters' };
  }
  if (!USERNAME.test(text)) {
    return { ok: false, why: 'a TikTok username has only letters, digits, _ and .' };
  }
  if (text.endsWith('.')) return { ok: false, why: 'a TikTok username never ends with a period' };
  return { ok: true, username: text };
}
