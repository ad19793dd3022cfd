import { describe, expect, it } from 'vitest';
import type { RuleThen } from '../../../../src/core/rules/ruleFormat';
import type { Tier } from '../../../../src/core/alerts/tiers';
import { lookEffect } from '../../../../src/ui/alerts/lookEffect';

describe("the stage effect of a rule's look", () => {
  const table: [string, RuleThen, Tier, boolean, Tier | null][] = [
    ['no rule: the tier of the value', {}, 3, false, 3],
    ["effect 'none': no effect", { effect: 'none' }, 4, false, null],
    ['a tier: that tier, whatever the value', { effect: 4 }, 1, false, 4],
    [
      'media alone (the queue says none): no effect',
      { media: 'a.webm', effect: 'none' },
      2,
      false,
      null,
    ],
    ['media and a tier: both', { media: 'a.webm', effect: 2 }, 4, false, 2],
    [
      'media alone that failed: the tier of the value',
      { media: 'a.webm', effect: 'none' },
      2,
      true,
      2,
    ],
    ['media and a tier that failed: still that tier', { media: 'a.png', effect: 1 }, 3, true, 1],
    ["no media, 'none', failed (cannot be): none", { effect: 'none' }, 2, true, null],
  ];
  it.each(table)('%s', (_, look, tier, failed, effect) => {
    expect(lookEffect(look, tier, failed)).toBe(effect);
  });
});
