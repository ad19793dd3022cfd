import { describe, expect, it } from 'vitest';
import type { AlertKind } from '../../../../src/core/alerts/AlertQueue';
import type { Tier } from '../../../../src/core/alerts/tiers';
import { startAction, updateAction } from '../../../../src/ui/alerts/effectAction';

const shown = (kind: AlertKind, tier: Tier, count: number, calm = false) => ({
  kind,
  tier,
  count,
  calm,
});

describe('startAction', () => {
  it.each([
    ['full', 'play'],
    ['summary', 'chime'],
    ['compact', 'none'],
  ] as const)('a %s callout that starts: %s', (kind, action) => {
    expect(startAction({ kind, calm: false })).toBe(action);
  });

  it("a calm callout (a battle's small gift) that starts: none", () => {
    expect(startAction({ kind: 'full', calm: true })).toBe('none');
  });
});

describe('updateAction', () => {
  it.each([
    ['the tier grew', shown('full', 2, 5), shown('full', 3, 6), 'play'],
    ['a compact callout became full', shown('compact', 1, 1), shown('full', 1, 2), 'play'],
    ['only the count changed', shown('full', 2, 5), shown('full', 2, 9), 'bump'],
    ['nothing it shows changed', shown('full', 2, 5), shown('full', 2, 5), 'none'],
    ['the tier fell (never replays)', shown('full', 3, 5), shown('full', 2, 5), 'none'],
    ['the tier fell and the count changed', shown('full', 3, 5), shown('full', 2, 6), 'bump'],
    ['it is still compact', shown('compact', 1, 1), shown('compact', 1, 4), 'none'],
    ['it is compact, though its tier grew', shown('full', 1, 1), shown('compact', 2, 1), 'none'],
    ['it was not on screen', undefined, shown('full', 4, 9), 'none'],
    ['a calm callout climbed', shown('full', 1, 5, true), shown('full', 2, 9, true), 'none'],
    ['a calm streak ended long', shown('full', 1, 5, true), shown('full', 1, 12), 'play'],
  ] as const)('when %s: %s', (_, before, view, action) => {
    expect(updateAction(before, view)).toBe(action);
  });
});
