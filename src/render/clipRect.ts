import { grow, emptyRect, isEmpty, type Rect } from './rect';

/** Room left around what plays (px), and the grid the clip snaps to (fewer style changes). */
const PAD = 8;
const SNAP = 64;

/**
 * The part of the screen the stage shows of its canvas while effects play: the union of their
 * rectangles, padded, snapped to a 64 px grid and clipped to the screen. A tier-1 pop then fills and
 * composites a tenth of a 1080p screen; a screen-wide celebration still gets the whole of it. Null
 * when nothing plays (the stage then shows none of its canvas).
 */
export function clipRect(
  rects: Iterable<Rect>,
  screen: { width: number; height: number },
): Rect | null {
  const all = emptyRect();
  for (const rect of rects) grow(all, rect);
  if (isEmpty(all)) return null;
  const left = Math.max(0, Math.floor((all.left - PAD) / SNAP) * SNAP);
  const top = Math.max(0, Math.floor((all.top - PAD) / SNAP) * SNAP);
  const right = Math.min(screen.width, Math.ceil((all.right + PAD) / SNAP) * SNAP);
  const bottom = Math.min(screen.height, Math.ceil((all.bottom + PAD) / SNAP) * SNAP);
  if (right <= left || bottom <= top) return null;
  return { left, top, right, bottom };
}
