import type { Tier } from '../../core/alerts/tiers';
import type { RuleThen } from '../../core/rules/ruleFormat';

/**
 * The stage effect a rule's look asks for: `effect: 'none'` none, a number that tier's effect;
 * unset, the alert's own tier, or none when the rule shows a media file instead. A media file that
 * fails to load falls back to the alert's own tier (`fallback`), unless the rule said 'none'.
 */
export function lookEffect(look: RuleThen, tier: Tier, fallback = false): Tier | null {
  if (look.effect === 'none') return null;
  if (look.effect !== undefined) return look.effect;
  return look.media !== undefined && !fallback ? null : tier;
}
