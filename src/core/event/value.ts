import type { SubTier } from './events';

/**
 * The one value scale: every money event becomes points. Defaults follow Twitch's own Hype Train
 * weights (1 bit = 1, Tier 1 / Prime = 500, Tier 2 = 1000, Tier 3 = 2500) and count a TikTok coin
 * like a bit: both cost a viewer about a cent (see docs/PERFORMANCE.md for exactness).
 *
 * Exactness: factors are kept to at most 3 decimals (0.5, 0.125) and the board adds integer
 * milli-points, so a total is exact however many gifts are added (up to 9e12 points).
 */
export interface ValueScale {
  /** Points per TikTok coin. */
  coin: number;
  /** Points per Twitch bit. */
  bit: number;
  /** Points per Tier 1 sub; Prime subs are worth the same. */
  tier1: number;
  tier2: number;
  tier3: number;
  /** Points per TikTok LIVE subscription (`tiktoksub=`). */
  tiktokSub: number;
}

export const DEFAULT_SCALE: Readonly<ValueScale> = Object.freeze({
  coin: 1,
  bit: 1,
  tier1: 500,
  tier2: 1000,
  tier3: 2500,
  tiktokSub: 500,
});

const MILLI = 1000;

/** Rounds a factor to the 3 decimals the board can add exactly. */
export function roundFactor(factor: number): number {
  return Math.round(factor * MILLI) / MILLI;
}

/** Points as integer milli-points (what the board adds). Non-finite or negative values are 0. */
export function toMilli(points: number): number {
  return Number.isFinite(points) && points > 0 ? Math.round(points * MILLI) : 0;
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}

/** `factor * quantity` computed through milli-points, so 0.1 * 3 is 0.3, not 0.30000000000000004. */
function times(factor: number, quantity: number): number {
  return fromMilli(Math.round(roundFactor(factor) * MILLI) * Math.max(0, quantity));
}

/** A TikTok gift: `coins` is the price of one gift (the wire's `diamondCount`), `count` how many. */
export function giftPoints(scale: ValueScale, coins: number, count: number): number {
  return times(scale.coin, Math.max(0, coins) * count);
}

export function bitPoints(scale: ValueScale, bits: number): number {
  return times(scale.bit, bits);
}

export function tierPoints(scale: ValueScale, tier: SubTier): number {
  switch (tier) {
    case 'prime':
    case '1':
      return scale.tier1;
    case '2':
      return scale.tier2;
    case '3':
      return scale.tier3;
  }
}

/** `count` subs of one tier (a gift bomb header is `count` x the tier's points). */
export function subPoints(scale: ValueScale, tier: SubTier, count = 1): number {
  return times(tierPoints(scale, tier), count);
}

/** One TikTok LIVE subscription (`tiktoksub=`; TikTok subscriptions have no tiers). */
export function tiktokSubPoints(scale: ValueScale): number {
  return times(scale.tiktokSub, 1);
}

/** A short label for a tier: "Prime", "Tier 1". */
export function tierLabel(tier: SubTier): string {
  return tier === 'prime' ? 'Prime' : `Tier ${tier}`;
}
