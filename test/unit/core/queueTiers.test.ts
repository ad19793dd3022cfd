import { describe, expect, it } from 'vitest';
import { backlogFactor, DEFAULT_TIERS, tierOf } from '../../../src/core/alerts/tiers';

describe('tierOf', () => {
  it.each([
    ['a Rose', 1, 1],
    ['nothing at all', 0, 1],
    ['a Finger Heart streak of 20', 100, 2],
    ['a Galaxy', 1000, 3],
    ['an Interstellar', 10000, 4],
    ['a Lion', 29999, 4],
    ['a TikTok Universe', 44999, 4],
    ['a broken value', Number.NaN, 1],
  ])('gives %s (%d points) tier %d with the default thresholds', (_, value, tier) => {
    expect(tierOf(value, DEFAULT_TIERS)).toBe(tier);
  });

  it('follows custom thresholds: each of the three starts its tier', () => {
    const tiers = [10, 20, 40];
    expect([5, 10, 19, 20, 39, 40, 50].map((v) => tierOf(v, tiers))).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('backlogFactor', () => {
  it('plays full length with nothing waiting and shrinks, never below the floor, as the queue grows', () => {
    expect(backlogFactor(0, 3)).toBe(1);
    expect(backlogFactor(6, 3)).toBeLessThan(backlogFactor(3, 3));
    expect(backlogFactor(10_000, 3)).toBe(0.35);
  });
});
