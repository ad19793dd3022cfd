import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decisionOf,
  matchRule,
  parseRules,
  ruleKindsOf,
  type RuleFacts,
} from '../../../src/core/rules/rules';
import { MAX_RULES, RULE_KINDS, type Rule } from '../../../src/core/rules/ruleFormat';
import { PLATFORMS, type EventKind } from '../../../src/core/event/events';

const ROSE: RuleFacts = {
  platform: 'tiktok',
  kind: 'gift',
  gift: 'Rose',
  giftId: '5655',
  value: 1,
  coins: 1,
  count: 1,
  bomb: false,
};
const facts = (over: Partial<RuleFacts>): RuleFacts => ({ ...ROSE, ...over });
const rule = (when: Rule['when'], then: Rule['then'] = { effect: 2 }, name?: string): Rule =>
  name === undefined ? { when, then } : { name, when, then };

describe('ruleKindsOf', () => {
  it.each<[string, Partial<RuleFacts>, string[]]>([
    ['a lone gift', { count: 1 }, ['gift']],
    ['a streak of 2 or more', { count: 2 }, ['gift', 'streak']],
    ['a single gift sub', { platform: 'twitch', kind: 'giftsub', count: 1 }, ['giftsub']],
    ['a gift bomb', { platform: 'twitch', kind: 'giftsub', bomb: true }, ['giftsub', 'bomb']],
    ['a Twitch sub', { platform: 'twitch', kind: 'sub' }, ['sub']],
    ['a TikTok LIVE sub', { kind: 'sub' }, ['sub', 'tiktoksub']],
    ['a like milestone', { kind: 'like' }, ['likes']],
    ['bits', { platform: 'twitch', kind: 'cheer' }, ['cheer']],
    ['a follow', { kind: 'follow' }, ['follow']],
    ['a share', { kind: 'share' }, ['share']],
    ['a raid', { platform: 'twitch', kind: 'raid' }, ['raid']],
  ])('%s is %j', (_, over, kinds) => {
    expect(ruleKindsOf(facts(over))).toEqual(kinds);
  });
});

describe('matchRule', () => {
  const streak10 = rule({ gift: 'rose', count: { min: 10 } }, { media: 'rose.gif' }, 'big rose');
  const anyGift = rule({ kind: 'gift' }, { effect: 1 }, 'gifts');
  const rules = [streak10, anyGift];

  it.each<[string, Partial<RuleFacts>, string | null]>([
    ['a Rose streak of 10 takes the first rule', { count: 10 }, 'big rose'],
    ['a Rose streak of 9 falls through to the next', { count: 9 }, 'gifts'],
    ['another gift skips the Rose rule', { gift: 'Lion', giftId: '6369', count: 10 }, 'gifts'],
    ['a follow matches neither', { kind: 'follow', count: 1 }, null],
  ])('%s', (_, over, name) => {
    expect(matchRule(rules, facts(over))?.name ?? null).toBe(name);
  });

  it.each<[string, Rule['when'], Partial<RuleFacts>, boolean]>([
    ['platform', { platform: 'twitch' }, {}, false],
    ['platform (same)', { platform: 'tiktok' }, {}, true],
    ['one of several kinds', { kind: ['raid', 'streak'] }, { count: 3 }, true],
    ['points at the min', { points: { min: 100 } }, { value: 100 }, true],
    ['points below the min', { points: { min: 100 } }, { value: 99.5 }, false],
    ['points above the max', { points: { max: 100 } }, { value: 101 }, false],
    ['coins in range', { coins: { min: 10, max: 20 } }, { coins: 20 }, true],
    ['count below range', { count: { min: 5, max: 9 } }, { count: 4 }, false],
    ['a gift by its id', { gift: '5655' }, { gift: 'Rosa' }, true],
    ['one of several gifts', { gift: ['Lion', ' ROSE '] }, {}, true],
    ['an empty when', {}, { kind: 'raid', platform: 'twitch' }, true],
  ])('%s', (_, when, over, matched) => {
    expect(matchRule([rule(when)], facts(over)) !== null).toBe(matched);
  });

  it("decides nothing when no rule matched, and the rule's then when one did", () => {
    expect(decisionOf(null)).toEqual({});
    expect(decisionOf(streak10)).toEqual({ media: 'rose.gif' });
  });
});

describe('parseRules', () => {
  it('keeps good rules in order and names each bad one by position and name', () => {
    const { rules, problems } = parseRules({
      v: 1,
      rules: [
        { name: 'ok', when: { kind: 'gift' }, then: { effect: 3 } },
        { name: 'bad kind', when: { kind: 'tip' }, then: {} },
        { name: 'empty range', when: { count: { min: 10, max: 2 } }, then: {} },
        { name: 'off', on: false, when: {}, then: {} },
        { name: 'bad media', when: {}, then: { media: '../secret.gif' } },
        'not a rule',
        { name: 'also ok', when: { kind: 'raid' }, then: { duration: 5 } },
      ],
    });
    expect(rules.map((r) => r.name)).toEqual(['ok', 'also ok']);
    expect(problems.map((p) => [p.at, p.name])).toEqual([
      [2, 'bad kind'],
      [3, 'empty range'],
      [5, 'bad media'],
      [6, ''],
    ]);
    expect(problems[1]?.message).toBe('when.count: min is above max');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', []],
    ['another version', { v: 2, rules: [] }],
    ['rules that are not a list', { v: 1, rules: {} }],
  ])('reads %s as no rules and one problem with the file', (_, json) => {
    const { rules, problems } = parseRules(json);
    expect(rules).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.at).toBe('file');
  });

  it(`reads only the first ${MAX_RULES} rules and says so once`, () => {
    const many = Array.from({ length: MAX_RULES + 5 }, () => ({ when: {}, then: {} }));
    const { rules, problems } = parseRules({ v: 1, rules: many });
    expect(rules).toHaveLength(MAX_RULES);
    expect(problems.map((p) => p.at)).toEqual([MAX_RULES + 1]);
  });
});

const kinds: EventKind[] = ['gift', 'cheer', 'sub', 'giftsub', 'follow', 'raid', 'like', 'share'];
const factsArb: fc.Arbitrary<RuleFacts> = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  kind: fc.constantFrom(...kinds),
  gift: fc.constantFrom('Rose', 'Lion', 'Bits', 'Follow'),
  giftId: fc.constantFrom('5655', '6369'),
  value: fc.integer({ min: 0, max: 50_000 }),
  coins: fc.integer({ min: 0, max: 50_000 }),
  count: fc.integer({ min: 0, max: 500 }),
  bomb: fc.boolean(),
});
const rangeArb = fc.option(
  fc.record({ min: fc.integer({ min: 0, max: 1000 }), max: fc.integer({ min: 0, max: 1000 }) }),
  { nil: undefined },
);
const ruleArb: fc.Arbitrary<Rule> = fc.record({
  name: fc.string({ maxLength: 10 }),
  when: fc.record(
    {
      platform: fc.constantFrom(...PLATFORMS),
      kind: fc.constantFrom(...RULE_KINDS),
      gift: fc.constantFrom('Rose', 'lion'),
      points: rangeArb,
      coins: rangeArb,
      count: rangeArb,
    },
    { requiredKeys: [] },
  ),
  then: fc.constant({}),
});
const inRange = (r: { min?: number; max?: number } | undefined, n: number) =>
  !r || ((r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max));

describe('rules properties', () => {
  it('the first matching rule wins: no rule before it matches', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 8 }), factsArb, (rules, f) => {
        const found = matchRule(rules, f);
        const at = found === null ? rules.length : rules.indexOf(found);
        for (const earlier of rules.slice(0, at)) expect(matchRule([earlier], f)).toBeNull();
        if (found) expect(matchRule([found], f)).toBe(found);
      }),
    );
  });

  it('a rule never matches facts outside its ranges', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (r, f) => {
        if (matchRule([r], f) === null) return;
        expect(inRange(r.when.points, f.value)).toBe(true);
        expect(inRange(r.when.coins, f.coins)).toBe(true);
        expect(inRange(r.when.count, f.count)).toBe(true);
        if (r.when.platform) expect(r.when.platform).toBe(f.platform);
      }),
    );
  });

  it('never throws on any JSON, and every skipped rule is named once', () => {
    const anyRule = fc.oneof(fc.jsonValue(), ruleArb);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ v: fc.constant(1), rules: fc.array(anyRule, { maxLength: 12 }) }),
        ),
        (json) => {
          const { rules, problems } = parseRules(json);
          if (problems.some((p) => p.at === 'file')) {
            expect(rules).toEqual([]);
            return;
          }
          // A rules file: every entry is in play, switched off, or named as a problem, once.
          const list = (json as { rules: unknown[] }).rules;
          const off = list.filter((r) => (r as Rule | null)?.on === false).length;
          expect(rules.length + problems.length).toBeLessThanOrEqual(list.length);
          expect(rules.length + problems.length + off).toBeGreaterThanOrEqual(list.length);
          expect(new Set(problems.map((p) => p.at)).size).toBe(problems.length);
        },
      ),
    );
  });
});
