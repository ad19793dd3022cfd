import type { Tier } from '../../core/alerts/tiers';
import type { RuleThen } from '../../core/rules/ruleFormat';

/**
 * The stage effect a rule's look asks for: `effect: 'none'` none, a number that tier's effect,
 * unset the alert's own tier (the queue sets 'none' for a rule with media and no effect: the media
 * alone). When the media file fails to load (`failed`), an alert that would show nothing but its
 * callout gets its own tier's effect instead: a broken file never leaves a big gift bare.
 */
export function lookEffect(look: RuleThen, tier: Tier, failed = false): Tier | null {
  if (typeof look.effect === 'number') return look.effect;
  if (look.effect === 'none' && !(failed && look.media !== undefined)) return null;
  return tier;
}
