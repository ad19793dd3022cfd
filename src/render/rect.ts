/** An axis-aligned rectangle, in the units it is used in (layout units or px). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const emptyRect = (): Rect => ({
  left: Infinity,
  top: Infinity,
  right: -Infinity,
  bottom: -Infinity,
});

export function grow(rect: Rect, other: Rect): void {
  rect.left = Math.min(rect.left, other.left);
  rect.top = Math.min(rect.top, other.top);
  rect.right = Math.max(rect.right, other.right);
  rect.bottom = Math.max(rect.bottom, other.bottom);
}

export const isEmpty = (rect: Rect): boolean => !(rect.right > rect.left && rect.bottom > rect.top);

export const sameRect = (a: Rect | null, b: Rect | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.left === b.left &&
    a.top === b.top &&
    a.right === b.right &&
    a.bottom === b.bottom);
