/**
 * A small seeded random source (mulberry32): the demo feed replays exactly for the same seed.
 * Returns floats in [0, 1) like Math.random.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random decimal id of `digits` digits, as a string (TikTok ids are 64-bit: never numbers). */
export function randomDigits(random: () => number, digits: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < digits) out += String(Math.floor(random() * 10));
  return out;
}

/** Picks from weighted entries. */
export function pickWeighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted needs at least one item');
  return last[0];
}
