import type { Flight } from './Particles';

/** An axis-aligned box, in the units it is used in (layout units or px). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const emptyBox = (): Box => ({
  left: Infinity,
  top: Infinity,
  right: -Infinity,
  bottom: -Infinity,
});

export function grow(box: Box, other: Box): void {
  box.left = Math.min(box.left, other.left);
  box.top = Math.min(box.top, other.top);
  box.right = Math.max(box.right, other.right);
  box.bottom = Math.max(box.bottom, other.bottom);
}

export const isEmpty = (box: Box): boolean => !(box.right > box.left && box.bottom > box.top);

/** Points along a flight that are checked: enough that a sprite's half-size covers the gaps. */
const SAMPLES = 16;

/**
 * Everywhere a particle can be drawn during its life (its centre's path, widened by its largest
 * half-diagonal), from the same closed form Particles.update uses. The stage sizes its canvas to
 * the union of these boxes instead of redrawing the whole screen.
 */
export function flightReach(f: Flight): Box {
  const box = emptyBox();
  const k = f.drag ?? 0;
  const g = f.gravity ?? 0;
  const half = (f.size * (1 + (f.grow ?? 0))) / Math.SQRT2;
  for (let i = 0; i <= SAMPLES; i++) {
    const a = (i / SAMPLES) * f.life;
    const d = k > 0 ? (1 - Math.exp(-k * a)) / k : a;
    const x = f.x + f.vx * d;
    const y = f.y + f.vy * d + 0.5 * g * a * a;
    grow(box, { left: x - half, top: y - half, right: x + half, bottom: y + half });
  }
  // A path sampled in 16 steps can miss a little of a fast arc: a margin of one step's travel.
  const step = (Math.hypot(f.vx, f.vy) + g * f.life) * (f.life / SAMPLES);
  box.left -= step;
  box.top -= step;
  box.right += step;
  box.bottom += step;
  return box;
}
