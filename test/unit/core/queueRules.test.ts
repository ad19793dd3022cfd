import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlertQueue, type Alert } from '../../../src/core/alerts/AlertQueue';
import { backlogFactor, raidTier } from '../../../src/core/alerts/tiers';
import type { Rule } from '../../../src/core/rules/ruleFormat';
import { moment, OPTIONS } from './queueMoments';

const rule = (name: string, when: Rule['when'], then: Rule['then']): Rule => ({ name, when, then });
const BIG_ROSE = rule('big rose', { gift: 'Rose', count: { min: 10 } }, { media: 'rose.gif' });
const QUIET = rule('quiet', { kind: 'follow' }, { alert: false });

/** Runs the queue until nothing plays; every alert that started, in order. */
function drain(q: AlertQueue, from = 0): Alert[] {
  const started: Alert[] = [];
  for (let t = from; t < from + 120_000; t += 100) started.push(...q.advance(t).started);
  return started;
}

describe('AlertQueue with alert rules', () => {
  it("gives an alert the first matching rule's look; media alone plays with no effect", () => {
    const q = new AlertQueue({ ...OPTIONS, rules: [BIG_ROSE] });
    q.push(moment({ id: 's', count: 12, value: 12 }), 0);
    const [alert] = q.advance(0).started;
    expect(alert?.look).toEqual({ media: 'rose.gif', effect: 'none' });
    expect(alert?.kind).toBe('full');
  });

  it('shows a moment no rule matches exactly as without rules', () => {
    const plain = new AlertQueue(OPTIONS);
    const ruled = new AlertQueue({ ...OPTIONS, rules: [BIG_ROSE, QUIET] });
    for (const q of [plain, ruled]) q.push(moment({ id: 'r', count: 3, value: 3 }), 0);
    const [a, b] = [plain.advance(0).started[0], ruled.advance(0).started[0]];
    expect(b).toEqual(a);
    expect(b?.look).toEqual({});
  });

  it.each<[string, Rule['then'], number, number | 'none' | undefined]>([
    ['an effect tier replaces the value tier', { effect: 4 }, 4, 4],
    ['effect none keeps the value tier and plays no effect', { effect: 'none' }, 2, 'none'],
    ['media with an effect keeps both', { media: 'a.webm', effect: 3 }, 3, 3],
  ])('%s', (_, then, tier, effect) => {
    const q = new AlertQueue({ ...OPTIONS, rules: [rule('r', {}, then)] });
    q.push(moment({ id: 'g', value: 500 }), 0);
    const [alert] = q.advance(0).started;
    expect([alert?.tier, alert?.look.effect]).toEqual([tier, effect]);
  });

  it("plays a rule's duration instead of the tier length", () => {
    const q = new AlertQueue({ ...OPTIONS, rules: [rule('long', {}, { duration: 7 })] });
    q.push(moment({ id: 'g', value: 5 }), 0);
    // The queue measures its backlog with the starting alert still in it (one waiting, one slot).
    const length = 7000 * backlogFactor(1, OPTIONS.slots);
    expect(q.advance(0).started[0]?.endsAt).toBe(length);
    expect(q.advance(length - 1).ended).toHaveLength(0);
    expect(q.advance(length).ended).toHaveLength(1);
  });

  it("still shortens a rule's duration under a backlog", () => {
    const q = new AlertQueue({
      ...OPTIONS,
      maxLength: 20,
      rules: [rule('long', {}, { duration: 7 })],
    });
    for (let i = 0; i < 6; i++) q.push(moment({ id: `g${i}`, value: 5 }), 0);
    const [alert] = q.advance(0).started;
    expect(alert!.endsAt).toBeLessThan(7000);
  });

  it('gives no alert when a rule says alert: false, counted as skipped', () => {
    const q = new AlertQueue({ ...OPTIONS, rules: [QUIET] });
    q.push(moment({ id: 'f', kind: 'follow', gift: 'Follow', value: 0 }), 0);
    expect(drain(q)).toEqual([]);
    expect(q.stats.skipped).toBe(1);
  });

  it('makes a gift below min= a full alert when a rule asks for it', () => {
    const options = { ...OPTIONS, min: 100, minAction: 'none' as const };
    const roseRule = rule('every rose', { gift: 'Rose' }, { sound: { file: 'ding.mp3' } });
    const plain = new AlertQueue(options);
    const ruled = new AlertQueue({ ...options, rules: [roseRule] });
    for (const q of [plain, ruled]) q.push(moment({ id: 'r', value: 1 }), 0);
    expect(drain(plain)).toEqual([]);
    const [alert] = drain(ruled);
    expect([alert?.kind, alert?.look.sound?.file]).toEqual(['full', 'ding.mp3']);
  });

  it('lets a climbing streak take over the rule it reaches, as an update', () => {
    const q = new AlertQueue({ ...OPTIONS, rules: [BIG_ROSE] });
    q.push(moment({ id: 's', count: 1, value: 1, final: false }), 0);
    expect(q.advance(0).started[0]?.look).toEqual({});
    q.push(moment({ id: 's', count: 9, value: 9, final: false }), 200);
    expect(q.advance(200).updated[0]?.look).toEqual({});
    q.push(moment({ id: 's', count: 10, value: 10, final: false }), 400);
    const step = q.advance(400);
    expect(step.started).toEqual([]);
    expect(step.updated.map((a) => [a.key, a.look.media])).toEqual([['s', 'rose.gif']]);
  });

  it('shows a streak a rule muted once it grows into a rule that shows it', () => {
    const small = rule('small roses', { gift: 'Rose', count: { max: 9 } }, { alert: false });
    const q = new AlertQueue({ ...OPTIONS, rules: [small, BIG_ROSE] });
    q.push(moment({ id: 's', count: 2, value: 2, final: false }), 0);
    expect(q.advance(0).started).toEqual([]);
    q.push(moment({ id: 's', count: 10, value: 10, final: false }), 300);
    expect(q.advance(300).started.map((a) => a.look.media)).toEqual(['rose.gif']);
  });

  it("coalesces one gifter's waiting gifts only when they match the same rule", () => {
    const lions = rule('lions', { gift: 'Lion' }, { effect: 4 });
    const q = new AlertQueue({ ...OPTIONS, rules: [lions] });
    q.push(moment({ id: 'busy', userKey: 'tiktok:bob' }), 0);
    q.advance(0);
    const ann = { userKey: 'tiktok:ann' };
    q.push(moment({ id: 'r1', ...ann, value: 5 }), 1);
    q.push(moment({ id: 'l1', ...ann, gift: 'Lion', value: 29999 }), 2);
    q.push(moment({ id: 'r2', ...ann, value: 5 }), 3);
    q.push(moment({ id: 'l2', ...ann, gift: 'Lion', value: 29999 }), 4);
    const groups = drain(q, 100).map((a) => a.moments.map((m) => m.id));
    expect(groups).toEqual([
      ['l1', 'l2'],
      ['r1', 'r2'],
    ]);
  });

  it('never merges a moment whose rule brings its own media', () => {
    const q = new AlertQueue({ ...OPTIONS, rules: [BIG_ROSE] });
    q.push(moment({ id: 'busy', userKey: 'tiktok:bob' }), 0);
    q.advance(0);
    for (const id of ['a', 'b'])
      q.push(moment({ id, userKey: 'tiktok:ann', count: 10, value: 10 }), 1);
    expect(drain(q, 100).map((a) => a.moments.length)).toEqual([1, 1]);
  });

  it('applies rules swapped by setRules to alerts that start after the swap', () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'before', value: 5 }), 0);
    q.push(moment({ id: 'after', value: 1 }), 0);
    const first = q.advance(0).started[0];
    q.setRules([rule('all', {}, { text: '{name} rocks' })]);
    const rest = drain(q, 100);
    expect(first?.look).toEqual({});
    expect(rest.map((a) => [a.key, a.look.text])).toEqual([['after', '{name} rocks']]);
  });

  it('keeps the rules a playing streak started under when new rules arrive', () => {
    const q = new AlertQueue({ ...OPTIONS, rules: [BIG_ROSE] });
    q.push(moment({ id: 's', count: 1, value: 1, final: false }), 0);
    q.advance(0);
    q.setRules([rule('other', { gift: 'Rose' }, { text: 'new' })]);
    q.push(moment({ id: 's', count: 10, value: 10, final: false }), 300);
    expect(q.advance(300).updated.map((a) => a.look.media)).toEqual(['rose.gif']);
  });

  it("never merges a raid with the same user's gifts", () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'busy', userKey: 'twitch:bob' }), 0);
    q.advance(0);
    const raider = { userKey: 'twitch:ann', platform: 'twitch' as const };
    q.push(moment({ id: 'c1', ...raider, kind: 'cheer', gift: 'Bits', value: 100 }), 1);
    q.push({ ...moment({ id: 'r', ...raider, kind: 'raid', gift: 'Raid', value: 0 }), tier: 3 }, 2);
    q.push(moment({ id: 'c2', ...raider, kind: 'cheer', gift: 'Bits', value: 100 }), 3);
    const groups = drain(q, 100).map((a) => a.moments.map((m) => m.id));
    expect(groups).toEqual([['c1', 'c2'], ['r']]);
  });

  it.each([
    [1, 2],
    [49, 2],
    [50, 3],
    [499, 3],
    [500, 4],
    [12000, 4],
  ])(
    'shows a raid of %i as a full alert of tier %i, even with min= and minaction=none',
    (viewers, tier) => {
      const q = new AlertQueue({ ...OPTIONS, min: 100, minAction: 'none' });
      const raid = moment({ id: 'raid', kind: 'raid', gift: 'Raid', count: viewers, value: 0 });
      q.push({ ...raid, tier: raidTier(viewers) }, 0);
      const [alert] = drain(q);
      expect([alert?.kind, alert?.tier]).toEqual(['full', tier]);
    },
  );
});

describe('AlertQueue with rules that match nothing', () => {
  const op = fc.oneof(
    fc.record({
      type: fc.constant('push' as const),
      id: fc.integer({ min: 0, max: 20 }),
      user: fc.integer({ min: 0, max: 4 }),
      value: fc.integer({ min: 0, max: 20_000 }),
      final: fc.boolean(),
    }),
    fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  );

  it('behaves exactly as a queue without rules', () => {
    // Every moment here is a TikTok one: a rule for the custom platform never matches.
    const never = [rule('custom', { platform: 'custom' }, { effect: 4, media: 'x.gif' })];
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const plain = new AlertQueue(OPTIONS);
        const ruled = new AlertQueue({ ...OPTIONS, rules: never });
        let now = 0;
        for (const o of ops) {
          if (o.type === 'wait') now += o.ms;
          for (const q of [plain, ruled]) {
            if (o.type === 'push') {
              const m = moment({ id: `m${o.id}`, userKey: `tiktok:${o.user}`, value: o.value });
              q.push({ ...m, final: o.final }, now);
            }
          }
          expect(ruled.advance(now)).toEqual(plain.advance(now));
        }
        expect(ruled.stats).toEqual(plain.stats);
      }),
    );
  });
});

describe('AlertQueue with any rules', () => {
  const someRule = fc.oneof(
    fc.nat(30).map((n) => rule('streak', { count: { min: n } }, { media: 'a.gif' })),
    fc.nat(3000).map((n) => rule('small', { points: { max: n } }, { alert: false })),
    fc.constant(rule('gifts', { kind: 'gift' }, { effect: 3, duration: 2 })),
    fc.constant(rule('all', {}, { text: '{name}!' })),
  );
  const op = fc.oneof(
    fc.record({
      type: fc.constant('push' as const),
      id: fc.nat(15),
      user: fc.nat(3),
      count: fc.integer({ min: 1, max: 40 }),
      final: fc.boolean(),
    }),
    fc.record({ type: fc.constant('wait' as const), ms: fc.nat(4000) }),
    fc.record({ type: fc.constant('swap' as const), rules: fc.array(someRule, { maxLength: 3 }) }),
  );

  it('never shows two alerts for one moment id, whatever the rules and their swaps', () => {
    fc.assert(
      fc.property(
        fc.array(someRule, { maxLength: 4 }),
        fc.array(op, { maxLength: 100 }),
        (rules, ops) => {
          const q = new AlertQueue({ ...OPTIONS, slots: 2, min: 10, rules });
          const started = new Map<string, number>();
          let now = 0;
          for (const o of ops) {
            if (o.type === 'wait') now += o.ms;
            else if (o.type === 'swap') q.setRules(o.rules);
            else {
              const m = moment({ id: `m${o.id}`, userKey: `tiktok:${o.user}`, count: o.count });
              q.push({ ...m, value: o.count * 25, final: o.final }, now);
            }
            for (const a of q.advance(now).started)
              for (const m of a.moments) started.set(m.id, (started.get(m.id) ?? 0) + 1);
          }
          for (const [id, n] of started) expect(n, id).toBe(1);
        },
      ),
    );
  });

  it('shows nothing at all when a rule mutes everything', () => {
    const mute = [rule('mute', {}, { alert: false })];
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const q = new AlertQueue({ ...OPTIONS, rules: mute });
        let now = 0;
        for (const o of ops) {
          if (o.type === 'wait') now += o.ms;
          else if (o.type === 'push')
            q.push(moment({ id: `m${o.id}`, count: o.count, value: o.count, final: o.final }), now);
          expect(q.advance(now).started).toEqual([]);
        }
      }),
    );
  });
});
