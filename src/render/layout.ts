import type { Tier } from '../core/alerts/tiers';

import type { Position } from '../core/config/choices';

/** Size of one layout unit in px: effects are designed on a 1000-unit short side. */
export function unitOf(width: number, height: number): number {
  return Math.max(0.1, Math.min(width, height) / 1000);
}

/**
 * Where an effect is centred, as fractions of the screen. Small tiers play near the callouts (set by
 * `position=`), nudged towards the middle so they are never cut by an edge; the big ones fill the
 * centre. `jitter` (0..1) spreads effects that play at once.
 */
export function anchorFor(
  position: Position,
  tier: Tier,
  jitter: number,
): { x: number; y: number } {
  if (tier >= 3) return { x: 0.5 + (jitter - 0.5) * 0.2, y: 0.45 };
  const x = position.endsWith('left') ? 0.24 : position.endsWith('right') ? 0.76 : 0.5;
  const y = position.startsWith('top') ? 0.42 : position.startsWith('bottom') ? 0.55 : 0.4;
  return { x: x + (jitter - 0.5) * 0.16, y: y + (jitter - 0.5) * 0.08 };
}
