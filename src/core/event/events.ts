/**
 * The one event model. Every feed adapter (TikTok, Twitch, Giftglow's own protocol, the demo)
 * maps its wire payload to a `CoreEvent`; everything after the adapter reads only these fields.
 *
 * Shared logic never branches on `platform`: the platform rules (TikTok streaks, Twitch gift
 * bombs) are expressed by each adapter through the structural fields `value`, `combo` and `final`.
 */

/** Where an event came from. Used for display (a platform mark) and for user keys, never for rules. */
export const PLATFORMS = ['tiktok', 'twitch', 'custom'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Twitch subscription tiers. Prime is worth Tier 1 by default. */
export const SUB_TIERS = ['prime', '1', '2', '3'] as const;
export type SubTier = (typeof SUB_TIERS)[number];

export interface Sender {
  /** Stable user key: `${platform}:${id}`. Never built from the display name. */
  key: string;
  /**
   * The platform's user id as received (a string: TikTok's are 64-bit), 'anonymous' for an
   * anonymous gifter. The session finds a sender by platform + id: a string read straight from the
   * wire hashes at once, where the joined `key` must first be copied into one piece.
   */
  id: string;
  /** Login / handle (TikTok uniqueId, Twitch login). May be empty. */
  login: string;
  /** Display name exactly as received: untrusted, sanitised only when shown. */
  name: string;
  /** Avatar URL as received (untrusted). */
  avatar?: string;
  /** An anonymous gifter: never thanked by the placeholder account's name. */
  anonymous: boolean;
}

/**
 * How a delivery belongs to a combo.
 * - `total`: the delivery carries the combo's cumulative value so far (a TikTok streak step, whose
 *   `repeatCount` is cumulative; a Twitch gift-bomb header announcing all N subs). Never summed.
 * - `part`: the delivery is one distinct piece of the combo (one sub of a gift bomb). The combo is
 *   worth the larger of its best `total` and the sum of its distinct parts.
 */
export interface Combo {
  key: string;
  role: 'total' | 'part';
}

interface EventBase {
  /** Source event id (TikTok msgId, Twitch message id, ...). Always a string: ids are 64-bit. */
  id: string;
  platform: Platform;
  /** When the platform created the event, in ms since the epoch (falls back to receive time). */
  at: number;
  sender: Sender;
  /**
   * Points of this delivery on the one value scale (see value.ts). For a `total` combo delivery it
   * is the cumulative value so far. 0 for events that are not money.
   */
  value: number;
  /** The combo this delivery belongs to, or null for a one-off event. */
  combo: Combo | null;
  /** True when this delivery ends its combo (or is a one-off that counts at once). */
  final: boolean;
  /**
   * A test alert (the start page's "Test" buttons, a sender rehearsing): shown and thanked like
   * any event, but kept off the board unless the overlay counts tests (`counttests=on`).
   */
  test?: boolean;
}

export interface GiftEvent extends EventBase {
  kind: 'gift';
  gift: {
    id: string;
    name: string;
    /** Gift picture URL as received (untrusted; the renderer allow-lists hosts). */
    image?: string;
    /** Coin price of one gift. */
    coins: number;
  };
  /** How many gifts so far (cumulative within a streak). */
  count: number;
}

export interface CheerEvent extends EventBase {
  kind: 'cheer';
  bits: number;
}

export interface SubEvent extends EventBase {
  kind: 'sub';
  /** A Twitch tier; '1' for a subscription with no tiers (TikTok LIVE's), named by `label`. */
  tier: SubTier;
  /** Cumulative months (1 for a new sub). */
  months: number;
  /**
   * What the callout calls a subscription that is not a Twitch tier ("TikTok sub"); unset: the
   * tier's name. Its worth is in `value`, set by the adapter (`tiktoksub=` for TikTok).
   */
  label?: string;
}

export interface GiftSubEvent extends EventBase {
  kind: 'giftsub';
  tier: SubTier;
  /** Subs in this delivery: N for a bomb header, 1 for a single gift or a bomb's part. */
  count: number;
  /** Part of (or the header of) a community gift bomb. */
  bomb: boolean;
  /** Recipient display name for a single gift (untrusted). */
  recipient?: string;
}

export interface FollowEvent extends EventBase {
  kind: 'follow';
}

export interface RaidEvent extends EventBase {
  kind: 'raid';
  viewers: number;
}

export interface LikeEvent extends EventBase {
  kind: 'like';
  /** Likes in this event. */
  count: number;
  /** The room's total likes after this event, when the platform says (TikTok's totalLikeCount). */
  total?: number;
}

export interface ShareEvent extends EventBase {
  kind: 'share';
}

export type CoreEvent =
  | GiftEvent
  | CheerEvent
  | SubEvent
  | GiftSubEvent
  | FollowEvent
  | RaidEvent
  | LikeEvent
  | ShareEvent;

export type EventKind = CoreEvent['kind'];

/** Money events rank on the board; the others may be shown but never ranked. */
export const RANKED_KINDS: ReadonlySet<EventKind> = new Set(['gift', 'cheer', 'sub', 'giftsub']);

export function isRanked(event: CoreEvent): boolean {
  return RANKED_KINDS.has(event.kind);
}

/** A feed's connection state, as data. The page shows the worst of all its feeds. */
export type FeedStatus = 'connecting' | 'live' | 'retrying' | 'offline';

/** Compile-time proof that a switch over a union is exhaustive. */
export function exhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
