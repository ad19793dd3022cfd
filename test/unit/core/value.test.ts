import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALE,
  bitPoints,
  fromMilli,
  giftPoints,
  subPoints,
  toMilli,
} from '../../../src/core/event/value';

describe('value scale', () => {
  it.each([
    ['a Rose streak of 30 (1 coin each)', giftPoints(DEFAULT_SCALE, 1, 30), 30],
    ['a Lion (29999 coins)', giftPoints(DEFAULT_SCALE, 29999, 1), 29999],
    ['100 bits', bitPoints(DEFAULT_SCALE, 100), 100],
    ['a Prime sub', subPoints(DEFAULT_SCALE, 'prime'), 500],
    ['a Tier 1 sub', subPoints(DEFAULT_SCALE, '1'), 500],
    ['a Tier 2 sub', subPoints(DEFAULT_SCALE, '2'), 1000],
    ['a Tier 3 sub', subPoints(DEFAULT_SCALE, '3'), 2500],
    ['a bomb of 5 Tier 1 subs', subPoints(DEFAULT_SCALE, '1', 5), 2500],
    [
      'coins at 0.5 (what the creator earns)',
      giftPoints({ ...DEFAULT_SCALE, coin: 0.5 }, 1, 3),
      1.5,
    ],
    [
      'coins at 0.1, 3 of them, without float noise',
      giftPoints({ ...DEFAULT_SCALE, coin: 0.1 }, 1, 3),
      0.3,
    ],
    ['0 bits', bitPoints(DEFAULT_SCALE, 0), 0],
  ])('values %s', (_, points, expected) => {
    expect(points).toBe(expected);
  });

  it('converts to integer milli-points, treating junk as 0', () => {
    expect([
      toMilli(0.3),
      toMilli(29999),
      toMilli(-1),
      toMilli(Number.NaN),
      toMilli(Infinity),
    ]).toEqual([300, 29999000, 0, 0, 0]);
    expect(fromMilli(toMilli(1.5))).toBe(1.5);
  });
});
