import { describe, expect, it } from 'vitest';
import { sameRect } from '../../../src/render/rect';

describe('rect', () => {
  it('compares rectangles by value', () => {
    expect(
      sameRect({ left: 0, top: 0, right: 1, bottom: 1 }, { left: 0, top: 0, right: 1, bottom: 1 }),
    ).toBe(true);
    expect(sameRect(null, { left: 0, top: 0, right: 1, bottom: 1 })).toBe(false);
  });
});
