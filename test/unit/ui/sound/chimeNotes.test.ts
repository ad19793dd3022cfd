import { describe, expect, it } from 'vitest';
import { chimeNotes, type Note } from '../../../../src/ui/sound/chimeNotes';

/** The longest note's end: how long one chime holds its nodes. */
const chimeLength = (notes: readonly Note[]) =>
  notes.reduce((end, n) => Math.max(end, n.at + n.length), 0);

describe('chimeNotes', () => {
  it('grows with the tier and stays short', () => {
    const sizes = ([1, 2, 3, 4] as const).map((t) => chimeNotes(t).length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    for (const t of [1, 2, 3, 4] as const)
      expect(chimeLength(chimeNotes(t))).toBeLessThanOrEqual(2);
  });

  it('only plays audible notes at sane gains', () => {
    for (const t of [1, 2, 3, 4] as const) {
      for (const n of chimeNotes(t)) {
        expect(n.freq).toBeGreaterThan(100);
        expect(n.gain).toBeGreaterThan(0);
        expect(n.gain).toBeLessThanOrEqual(1);
      }
    }
  });
});
