import { describe, expect, it } from 'vitest';
import type { RuleThen } from '../../../../src/core/rules/ruleFormat';
import type { Tier } from '../../../../src/core/alerts/tiers';
import { lookEffect } from '../../../../src/ui/alerts/lookEffect';

describe("the stage effect of a rule's look", () => {
  const table: [string, RuleThen, Tier, boolean, Tier | null][] = [
    ['no rule: the tier of the value', {}, 3, false, 3],
    ["effect 'none': no effect", { effect: 'none' }, 4, false, null],
    ['a tier: that tier, whatever the value', { effect: 4 }, 1, false, 4],
    ['media and no effect: the media alone', { media: 'a.webm' }, 2, false, null],
    ['media and a tier: both', { media: 'a.webm', effect: 2 }, 4, false, 2],
    ['media that failed: the tier of the value', { media: 'a.webm' }, 2, true, 2],
    [
      "media that failed, effect 'none': still none",
      { media: 'a.png', effect: 'none' },
      2,
      true,
      null,
    ],
  ];
  it.each(table)('%s', (_, look, tier, failed, effect) => {
    expect(lookEffect(look, tier, failed)).toBe(effect);
  });
});
