import type { Rule, RuleThen } from '../rules/ruleFormat';
import { matchRule } from '../rules/rules';
import { COMPACT_LENGTH, TIER_LENGTH, tierOf, type Tier } from './tiers';
import { factsOf, type Moment } from './moment';
import { momentsValue } from './summary';

/** What the queue needs from its options to shape an alert. */
interface ShapeOptions {
  min: number;
  minAction: 'compact' | 'none';
  durationMs: number;
  tiers: readonly number[];
}

/** An alert's kind and tier before the backlog shortens it, and how long it plays. */
export interface Shape {
  kind: 'full' | 'compact';
  tier: Tier;
  lengthMs: number;
}

const NO_LOOK: RuleThen = Object.freeze({});

/**
 * The first rule matching a group of moments: its first moment's (the queue only groups moments
 * that matched one rule).
 */
export function ruleFor(rules: readonly Rule[], moments: readonly Moment[]): Rule | null {
  const first = moments[0];
  return first && rules.length > 0 ? matchRule(rules, factsOf(first)) : null;
}

/**
 * The look a rule gives an alert: its `then`, with one default filled in. A rule with media and no
 * `effect` plays the media alone (`effect: 'none'`): a streamer who picked a GIF wants the GIF, not
 * the GIF under confetti. No rule: `{}`, the alert looks as it always did.
 */
export function lookOf(rule: Rule | null): RuleThen {
  if (!rule) return NO_LOOK;
  const then = rule.then;
  return then.media !== undefined && then.effect === undefined ? { ...then, effect: 'none' } : then;
}

/** The rule asks for an alert (its `then` says something): even a gift below `min=` gets one. */
export function asksForAlert(rule: Rule | null): boolean {
  return rule !== null && rule.then.alert !== false && hasAny(rule.then);
}

/** The rule gives its own media, sound or text: such a moment is never merged with another. */
export function speaks(rule: Rule | null): boolean {
  const then = rule?.then;
  return then !== undefined && (then.media ?? then.sound ?? then.text) !== undefined;
}

/** The rule says: no alert for this moment (it still counts on the board). */
export function mutes(rule: Rule | null): boolean {
  return rule?.then.alert === false;
}

/** The tier a moment worth no points brings of its own (a raid), the highest of the group. */
export function ownTier(moments: readonly Moment[]): Tier | undefined {
  let tier: Tier | undefined;
  for (const m of moments)
    if (m.tier !== undefined && (tier === undefined || m.tier > tier)) tier = m.tier;
  return tier;
}

/**
 * Below `min=` and nothing asks for it: with `minaction=none` it gets no alert. A moment with a tier
 * of its own (a raid) or one a rule asks for is never below min.
 */
export function belowMin(moments: readonly Moment[], rule: Rule | null, min: number): boolean {
  return momentsValue(moments) < min && !asksForAlert(rule) && ownTier(moments) === undefined;
}

/** Whether a moment skipped before (below `min=`, or a rule's "no alert") would be shown now. */
export function shownNow(moment: Moment, rule: Rule | null, options: ShapeOptions): boolean {
  if (!moment.callout || mutes(rule)) return false;
  return options.minAction !== 'none' || !belowMin([moment], rule, options.min);
}

/**
 * The shape of an alert for these moments under this rule. Without a rule this is the queue's
 * rule of old: below `min=` or worth nothing is a compact callout, else a full alert with the
 * value's tier. A moment with a tier of its own (a raid) and a moment a rule asks for are full
 * alerts; a rule's `effect` tier and `duration` win over the computed ones.
 */
export function shapeOf(
  moments: readonly Moment[],
  rule: Rule | null,
  options: ShapeOptions,
): Shape {
  const value = momentsValue(moments);
  const own = ownTier(moments);
  const full = asksForAlert(rule) || own !== undefined || !(value < options.min || value <= 0);
  const effect = rule?.then.effect;
  let tier: Tier = full ? (own ?? tierOf(value, options.tiers)) : 1;
  if (typeof effect === 'number') tier = effect;
  const seconds = rule?.then.duration;
  const lengthMs =
    seconds !== undefined
      ? seconds * 1000
      : options.durationMs * (full ? TIER_LENGTH[tier] : COMPACT_LENGTH);
  return { kind: full ? 'full' : 'compact', tier, lengthMs };
}

function hasAny(then: RuleThen): boolean {
  for (const value of Object.values(then)) if (value !== undefined) return true;
  return false;
}
