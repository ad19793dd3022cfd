import { KNOWN_GIFTS } from '../../../core/event/knownGifts';
import type { Platform } from '../../../core/event/events';
import type { Range, RuleKind, RuleWhen } from '../../../core/rules/ruleFormat';
import {
  PROTOCOL_VERSION,
  type ProtocolEventInput,
  type ProtocolFrame,
} from '../../../wire/protocol';
import { testBomb } from '../testAlerts';

/**
 * A test moment that a rule's `when` matches, as a protocol v1 frame with `test: true`: a TikTok
 * gift with the rule's gift and a count and price inside its ranges, a cheer of bits in range, a
 * gift bomb of its size… What the Test button beside a rule sends through the hub. Points are met
 * on the default scale (1 point a coin or a bit, 500 a Tier 1 sub). Pure: time comes in as `now`.
 */
export function ruleTestFrame(when: RuleWhen, now: number): ProtocolFrame {
  const kinds = when.kind === undefined ? [] : Array.isArray(when.kind) ? when.kind : [when.kind];
  const kind: RuleKind = kinds[0] ?? 'gift';
  const id = (part: string | number) => `test-rule-${now}-${part}`;
  const platform = platformOf(kind, when.platform);
  const base = {
    v: PROTOCOL_VERSION,
    test: true,
    at: now,
    platform,
    user: { id: 'giftglow-test-rule', login: 'ruletest', name: 'Rule Test' },
  } satisfies Partial<ProtocolEventInput>;
  const count = (fallback: number) => within(when.count, fallback);
  // Points, coins and bits are one scale by default: the least that meets every lower bound.
  const amount = (fallback: number) =>
    within(when.points, within(when.coins, within(when.count, fallback)));
  switch (kind) {
    case 'gift':
    case 'streak': {
      const n = Math.max(count(1), kind === 'streak' ? 2 : 1);
      const gift = giftOf(when);
      const least = Math.max(when.points?.min ?? 0, when.coins?.min ?? 0);
      const coins = Math.max(gift.coins, Math.ceil(least / n));
      const streak = n >= 2 ? { streak: id('streak'), end: true } : {};
      return { ...base, type: 'gift', id: id(0), gift: { ...gift, coins }, count: n, ...streak };
    }
    case 'cheer':
      return { ...base, type: 'cheer', id: id(0), bits: Math.max(1, amount(100)) };
    case 'sub':
    case 'tiktoksub':
      return { ...base, type: 'sub', id: id(0), tier: '1', months: Math.max(1, count(1)) };
    case 'giftsub':
      return { ...base, type: 'giftsub', id: id(0), tier: '1', count: Math.max(1, count(1)) };
    case 'bomb':
      return testBomb(base, Math.max(2, count(5)), id);
    case 'follow':
    case 'share':
      return { ...base, type: kind, id: id(0) };
    case 'likes':
      return { ...base, type: 'like', id: id(0), count: Math.max(1, count(100)) };
    case 'raid':
      return { ...base, type: 'raid', id: id(0), viewers: Math.max(1, count(25)) };
  }
}

/** The rule's platform, else where this kind of moment happens. */
function platformOf(kind: RuleKind, wanted: Platform | undefined): Platform {
  if (wanted) return wanted;
  const twitch: readonly RuleKind[] = ['cheer', 'sub', 'giftsub', 'bomb', 'raid'];
  return twitch.includes(kind) ? 'twitch' : 'tiktok';
}

/** The rule's first gift: from the catalogue by name or id, else a gift of that name at 1 coin. */
function giftOf(when: RuleWhen): { id: string; name: string; coins: number } {
  const wanted = Array.isArray(when.gift) ? when.gift[0] : when.gift;
  if (wanted === undefined) return { id: '5655', name: 'Rose', coins: 1 };
  const key = wanted.trim().toLowerCase();
  for (const gift of KNOWN_GIFTS.values())
    if (gift.id === key || gift.name.toLowerCase() === key)
      return { id: gift.id, name: gift.name, coins: gift.coins };
  return { id: `test-${key.replace(/[^a-z0-9]+/g, '-')}`, name: wanted.trim(), coins: 1 };
}

/** `fallback` moved into the range (its min when below, its max when above). */
function within(range: Range | undefined, fallback: number): number {
  if (range?.min !== undefined && fallback < range.min) return Math.ceil(range.min);
  if (range?.max !== undefined && fallback > range.max) return Math.floor(range.max);
  return fallback;
}
