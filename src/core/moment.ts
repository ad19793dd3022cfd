import type { EventKind, Platform } from './events';

/**
 * What the overlay shows for one gift or one combo: the session turns core events into moments.
 * A TikTok streak or a Twitch gift bomb is ONE moment whose `count` and `value` grow with each
 * delivery (same `id`) until `final`. The alert queue and the callouts read only moments.
 */
export interface Moment {
  /** Stable id: the combo key, or the event id of a one-off. Updates of a combo share it. */
  id: string;
  kind: EventKind;
  platform: Platform;
  /** Stable user key of the gifter (platform + user id). */
  userKey: string;
  /** Sanitised display name, ready to show as text (masked when the blocklist matched). */
  name: string;
  /** What was given, as a short label: "Rose", "Bits", "Tier 1 sub", "Gift subs", "Follow". */
  gift: string;
  /** Gift id (TikTok) when known: lets the renderer pick built-in art. */
  giftId?: string;
  /** Gift picture URL as received (untrusted: the renderer allow-lists hosts). */
  image?: string;
  /** How many so far (streak count, bits, subs in a bomb, months for a sub). */
  count: number;
  /** Points so far on the one value scale (0 for follows, raids, likes, shares). */
  value: number;
  /** True once the combo has ended and its value is on the board. */
  final: boolean;
  /** When the first delivery arrived (ms). */
  startedAt: number;
  /** When the latest delivery arrived (ms). */
  updatedAt: number;
  /** False when the blocklist asks to skip the callout (the gift still counts on the board). */
  callout: boolean;
}
