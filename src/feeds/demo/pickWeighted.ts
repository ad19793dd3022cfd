/** Picks from weighted entries: each is as likely as its weight's share of the total. */
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
