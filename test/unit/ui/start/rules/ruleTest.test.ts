import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../../../src/core/event/events';
import { factsOf, momentOf } from '../../../../../src/core/alerts/moment';
import { giftLabel } from '../../../../../src/core/event/giftLabel';
import { DEFAULT_SCALE } from '../../../../../src/core/event/value';
import type { RuleWhen } from '../../../../../src/core/rules/ruleFormat';
import { matchRule, type RuleFacts } from '../../../../../src/core/rules/rules';
import { ruleTestFrame } from '../../../../../src/ui/start/rules/ruleTest';
import { mapProtocolFrame } from '../../../../../src/wire/protocol';

/** A rule's Test button sends a moment that the rule matches, as the overlays read it. */

const NOW = 1_764_547_200_000;

/** What the matcher reads: the overlay's own moment of the event, and its facts. */
function factsOfEvent(event: CoreEvent): RuleFacts {
  const who = {
    key: `${event.platform}:${event.sender.id}`,
    momentName: 'Rule Test',
    callout: true,
  };
  return factsOf(momentOf(event, who, giftLabel(event), NOW));
}

/** The test frame as an overlay maps it: its first event (a bomb's header), never dropped. */
function sent(when: RuleWhen): CoreEvent {
  const results = mapProtocolFrame(ruleTestFrame(when, NOW), DEFAULT_SCALE, NOW);
  for (const result of results) expect(result.kind).toBe('event');
  const first = results[0];
  if (first?.kind !== 'event') throw new Error('no event');
  return first.event;
}

const RULES: [string, RuleWhen][] = [
  ['any moment', {}],
  ['a Lion by name', { gift: 'Lion' }],
  ['a Lion by id, on TikTok', { platform: 'tiktok', gift: '6369' }],
  ['a gift not in the catalogue', { gift: 'Space Llama' }],
  ['a Rose streak of 10 to 99', { kind: 'streak', gift: 'Rose', count: { min: 10, max: 99 } }],
  ['a gift of 500 coins or more', { kind: 'gift', coins: { min: 500 } }],
  [
    'a gift of 1000 points or more, 3 at once',
    { kind: 'gift', points: { min: 1000 }, count: { min: 3 } },
  ],
  ['a cheer of 1000 bits or more', { kind: 'cheer', count: { min: 1000 } }],
  ['a small cheer', { kind: 'cheer', points: { max: 50 } }],
  ['a Twitch sub', { kind: 'sub' }],
  ['a TikTok LIVE subscription', { kind: 'tiktoksub' }],
  ['a gifted sub', { kind: 'giftsub' }],
  ['a gift bomb of 20 or more', { kind: 'bomb', count: { min: 20 } }],
  ['a follow', { kind: 'follow' }],
  ['a share', { kind: 'share' }],
  ['a like milestone of 1000', { kind: 'likes', count: { min: 1000 } }],
  ['a raid of 50 or more', { kind: 'raid', count: { min: 50 } }],
  ['one of two kinds', { kind: ['follow', 'share'] }],
];

describe('the Test button’s moment', () => {
  it.each(RULES)('matches %s', (_, when) => {
    const rule = { when, then: {} };
    expect(matchRule([rule], factsOfEvent(sent(when)))).toBe(rule);
  });

  it('is a test alert, so it never reaches the board', () => {
    for (const [, when] of RULES) expect(sent(when).test).toBe(true);
  });

  it('sends a bomb as its header and every sub of it', () => {
    const frame = ruleTestFrame({ kind: 'bomb', count: { min: 20 } }, NOW);
    expect(Array.isArray(frame) && frame.length).toBe(21);
  });
});
