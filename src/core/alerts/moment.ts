import { countOf } from '../event/giftLabel';
import { isRanked, type CoreEvent, type EventKind, type Platform } from '../event/events';
import type { RuleFacts } from '../rules/rules';
import { raidTier, type Tier } from './tiers';

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
  /** TikTok coins so far (price x count of a gift or streak); 0 for anything else. */
  coins: number;
  /** Part of a community gift bomb (Twitch): what a `bomb` rule matches. */
  bomb: boolean;
  /**
   * The effect tier of a moment worth no points that still gets a full alert: a raid, by its size
   * (tiers.ts raidTier). Unset for everything else (the value decides).
   */
  tier?: Tier;
  /** True once the combo has ended and its value is on the board. */
  final: boolean;
  /** When the first delivery arrived (ms). */
  startedAt: number;
  /** When the latest delivery arrived (ms). */
  updatedAt: number;
  /** False when the blocklist asks to skip the callout (the gift still counts on the board). */
  callout: boolean;
}

/** Who a moment thanks: the sender as shown (see identities.ts). */
interface Thanked {
  key: string;
  momentName: string;
  callout: boolean;
}

/**
 * The moment one delivery shows on its own. A combo's steps share one id (the combo key), so they
 * update one alert; the combo itself sets the count and value so far (combos.ts).
 */
export function momentOf(event: CoreEvent, who: Thanked, label: string, now: number): Moment {
  const ranked = isRanked(event);
  const gift = event.kind === 'gift' ? event.gift : undefined;
  return {
    id: event.combo && ranked ? event.combo.key : event.id,
    kind: event.kind,
    platform: event.platform,
    userKey: who.key,
    name: who.momentName,
    gift: label,
    giftId: gift?.id,
    image: gift?.image,
    count: countOf(event),
    value: ranked ? event.value : 0,
    coins: event.kind === 'gift' ? event.gift.coins * event.count : 0,
    bomb: event.kind === 'giftsub' && event.bomb,
    ...(event.kind === 'raid' ? { tier: raidTier(event.viewers) } : {}),
    final: true,
    startedAt: now,
    updatedAt: now,
    callout: who.callout,
  };
}

/** What alert rules match a moment on (core/rules): its own fields, nothing else. */
export function factsOf(moment: Moment): RuleFacts {
  return {
    platform: moment.platform,
    kind: moment.kind,
    gift: moment.gift,
    ...(moment.giftId !== undefined ? { giftId: moment.giftId } : {}),
    value: moment.value,
    coins: moment.coins,
    count: moment.count,
    bomb: moment.bomb,
  };
}
