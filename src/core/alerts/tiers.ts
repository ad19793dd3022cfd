/**
 * Effect tiers: how big an alert feels. Three point thresholds `[t2, t3, t4]` (the `tiers=` URL
 * parameter: where tiers 2, 3 and 4 begin) split the value scale into a small pop (tier 1) up to a
 * screen-filling celebration (tier 4). Below `t2` is tier 1: `min=` alone decides the compact callout.
 */
export type Tier = 1 | 2 | 3 | 4;

/** Rose (1) pops, Finger Heart x20 bursts, Galaxy (1000) rains, Lion (29999) and Universe fill the screen. */
export const DEFAULT_TIERS: readonly number[] = [100, 1000, 10000];

export function tierOf(value: number, tiers: readonly number[]): Tier {
  const v = Number.isFinite(value) ? value : 0;
  let tier: Tier = 1;
  if (v >= (tiers[0] ?? Infinity)) tier = 2;
  if (v >= (tiers[1] ?? Infinity)) tier = 3;
  if (v >= (tiers[2] ?? Infinity)) tier = 4;
  return tier;
}

/** How long each tier plays, relative to the base `duration=`: bigger gifts stay a little longer. */
export const TIER_LENGTH: Readonly<Record<Tier, number>> = { 1: 0.8, 2: 1, 3: 1.25, 4: 1.6 };

/** A compact callout (below `min=`) and a "+N more" summary play for this share of the base length. */
export const COMPACT_LENGTH = 0.5;
export const SUMMARY_LENGTH = 1;

/**
 * Shorter alerts when a backlog builds: with nothing waiting an alert plays its full length; the
 * length shrinks smoothly as the queue grows, never below `floor` of it.
 */
export function backlogFactor(waiting: number, slots: number, floor = 0.35): number {
  const pressure = Math.max(0, waiting) / Math.max(1, slots * 2);
  return Math.max(floor, 1 / (1 + pressure));
}

/**
 * A raid is worth no points but is a full alert: its tier comes from its size. Tier 2 below 50
 * raiders, tier 3 below 500, tier 4 from 500 (a raid of 1 still gets tier 2: someone brought
 * their whole room).
 */
export function raidTier(viewers: number): Tier {
  if (!(viewers >= 50)) return 2;
  return viewers < 500 ? 3 : 4;
}
