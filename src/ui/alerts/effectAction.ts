import type { CalloutView } from './calloutModel';

/**
 * What the stage and the chimes do for a callout: `play` its effect and its tier's chime, `bump` the
 * effect already playing (a counter ticked), a soft `chime` alone, or nothing.
 */
export type EffectAction = 'play' | 'bump' | 'chime' | 'none';

/**
 * A callout that starts: a full alert plays; a summary only chimes; a compact one, or a calm one (a
 * battle's small gift, thanked by its callout alone), stays quiet.
 */
export function startAction(view: Pick<CalloutView, 'kind' | 'calm'>): EffectAction {
  if (view.kind === 'compact' || view.calm) return 'none';
  // A summary is the calm answer to a gift battle: a soft chime, no fireworks of its own.
  if (view.kind === 'summary') return 'chime';
  return 'play';
}

/**
 * A callout on screen that changed (`before` is what it showed): it plays again when it grew into a
 * full alert or a higher tier, or earned its effect in a battle (a streak that ended long), bumps
 * when only its count changed; a compact or calm one never does either.
 */
export function updateAction(
  before: Pick<CalloutView, 'kind' | 'tier' | 'count' | 'calm'> | undefined,
  view: Pick<CalloutView, 'kind' | 'tier' | 'count' | 'calm'>,
): EffectAction {
  if (view.kind === 'compact' || view.calm || !before) return 'none';
  if (before.kind === 'compact' || before.calm || view.tier > before.tier) return 'play';
  return view.count !== before.count ? 'bump' : 'none';
}
