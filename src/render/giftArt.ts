import type { EventKind } from '../core/event/events';
import { KNOWN_GIFTS } from '../core/event/knownGifts';

/** What to draw as the gift: a picture from the platform, an emoji, or the generic present. */
export type GiftArt =
  { kind: 'image'; url: string } | { kind: 'emoji'; emoji: string } | { kind: 'present' };

/** TikTok's image hosts (gift pictures arrive as e.g. https://p19-webcast.tiktokcdn.com/img/...). */
export const IMAGE_HOSTS: readonly string[] = [
  'tiktokcdn.com',
  'tiktokcdn-us.com',
  'ttwstatic.com',
];

const MAX_URL = 2048;

/** True only for a plain `https:` URL on one of the platform's image hosts (or a subdomain). */
export function isAllowedImage(raw: string | undefined): raw is string {
  if (!raw || raw.length > MAX_URL) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return IMAGE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Art for events that are not TikTok gifts (no gift id): one mark per kind. */
const KIND_EMOJI: Partial<Record<EventKind, string>> = {
  cheer: '💎',
  sub: '⭐',
  giftsub: '🎁',
  follow: '💜',
  raid: '🚀',
  like: '❤️',
  share: '🔁',
};

/** The art for a gift: allow-listed picture first, then built-in art by gift id or kind, else a present. */
export function giftArt(gift: { kind: EventKind; giftId?: string; image?: string }): GiftArt {
  if (isAllowedImage(gift.image)) return { kind: 'image', url: gift.image };
  const known = gift.giftId === undefined ? undefined : KNOWN_GIFTS.get(gift.giftId);
  if (known) return { kind: 'emoji', emoji: known.emoji };
  const mark = gift.kind === 'gift' ? undefined : KIND_EMOJI[gift.kind];
  return mark ? { kind: 'emoji', emoji: mark } : { kind: 'present' };
}

/** The art to fall back on when a picture fails to load. */
export function builtInArt(gift: { kind: EventKind; giftId?: string }): GiftArt {
  return giftArt({ kind: gift.kind, giftId: gift.giftId });
}
