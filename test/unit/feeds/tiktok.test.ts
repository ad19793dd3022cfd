import { describe, expect, it } from 'vitest';
import type { CoreEvent, GiftEvent } from '../../../src/core/events';
import { mapTikTok } from '../../../src/feeds/tiktok';
import type { MapResult } from '../../../src/feeds/wire';
import {
  FLAT_FOLLOW,
  FLAT_LIKE,
  FLAT_LION,
  FLAT_STREAK_STEP,
  NESTED_20_STEP,
  NESTED_23_END,
  roseStreak,
} from '../../fixtures/feeds/tiktok';
import { SCALE } from './scale';

const NOW = 1_700_000_000_000;

function eventOf(result: MapResult): CoreEvent {
  if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

function giftOf(data: unknown): GiftEvent {
  const event = eventOf(mapTikTok('gift', data, SCALE, NOW));
  if (event.kind !== 'gift') throw new Error(`expected a gift, got ${event.kind}`);
  return event;
}

describe('TikTok gifts in all three connector shapes', () => {
  const doll = {
    platform: 'tiktok',
    sender: {
      key: 'tiktok:6813181309701719620',
      id: '6813181309701719620',
      login: 'zerodytester',
      name: 'Zerody Tester',
      avatar: 'https://p16-sign-va.tiktokcdn.com/avatar.webp',
      anonymous: false,
    },
    gift: {
      id: '5953',
      name: 'Nevalyashka doll',
      coins: 25,
      image: 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/doll.png',
    },
    combo: { key: 'tiktok:6813181309701719620:5953:1661887131074', role: 'total' },
  };

  it.each([
    ['flat v1 (TikFinity)', FLAT_STREAK_STEP, { id: '7137749190944230150', count: 1, final: true }],
    ['connector 2.0-2.2', NESTED_20_STEP, { id: '7137749190944230150', count: 4, final: false }],
    ['connector 2.3+', NESTED_23_END, { id: '7137749190944230151', count: 4, final: true }],
  ])('maps the %s shape to one streak step', (_shape, payload, expected) => {
    const gift = giftOf(payload);
    expect(gift).toMatchObject({ ...doll, ...expected, kind: 'gift' });
    expect(gift.value).toBe(25 * expected.count);
  });

  it('keeps 64-bit ids as the exact strings sent', () => {
    const gift = giftOf(FLAT_STREAK_STEP);
    expect(gift.id).toBe('7137749190944230150');
    expect(gift.sender.key).toBe('tiktok:6813181309701719620');
    expect(gift.at).toBe(1661887134397);
  });

  it('marks each Rose streak step as the cumulative total of one combo, final only at the end', () => {
    const steps = roseStreak().map(giftOf);
    expect(steps.map((s) => [s.count, s.value, s.final])).toEqual([
      [1, 1, false],
      [2, 2, false],
      [3, 3, false],
      [3, 3, true],
    ]);
    expect(new Set(steps.map((s) => s.combo?.key))).toEqual(
      new Set(['tiktok:6813181309701719620:5655:1700000000001']),
    );
    expect(steps.every((s) => s.combo?.role === 'total')).toBe(true);
  });

  it('counts a non-streak Lion at once although its repeatEnd is false', () => {
    const lion = giftOf(FLAT_LION);
    expect(lion).toMatchObject({ combo: null, final: true, count: 1, value: 29999 });
  });

  it('keys a streak without groupId by sender and gift', () => {
    const { groupId: _dropped, ...noGroup } = FLAT_STREAK_STEP;
    expect(giftOf(noGroup).combo).toEqual({
      key: 'tiktok:6813181309701719620:5953',
      role: 'total',
    });
  });

  it('applies the coin factor of the value scale', () => {
    const event = eventOf(mapTikTok('gift', FLAT_LION, { ...SCALE, coin: 0.5 }, NOW));
    expect(event.value).toBe(14999.5);
  });

  it('uses the receive time when createTime is missing', () => {
    const { createTime: _t, ...noTime } = FLAT_STREAK_STEP;
    expect(giftOf(noTime).at).toBe(NOW);
  });
});

describe('TikTok follows, likes and shares', () => {
  it('maps a follow, a share and a like to events worth nothing', () => {
    const follow = eventOf(mapTikTok('follow', FLAT_FOLLOW, SCALE, NOW));
    const share = eventOf(mapTikTok('share', { ...FLAT_FOLLOW, msgId: '9' }, SCALE, NOW));
    const like = eventOf(mapTikTok('like', FLAT_LIKE, SCALE, NOW));
    expect([follow.kind, share.kind, like.kind]).toEqual(['follow', 'share', 'like']);
    expect([follow.value, share.value, like.value]).toEqual([0, 0, 0]);
    expect(like).toMatchObject({ count: 15, sender: { key: 'tiktok:6813181309701719620' } });
  });

  it('reads a v1 social event as a follow by its displayType', () => {
    expect(eventOf(mapTikTok('social', FLAT_FOLLOW, SCALE, NOW)).kind).toBe('follow');
  });

  it('ignores chat and other events that are not gifts or social', () => {
    expect(mapTikTok('chat', { comment: 'hi' }, SCALE, NOW)).toEqual({ kind: 'ignore' });
    expect(mapTikTok('roomUser', {}, SCALE, NOW)).toEqual({ kind: 'ignore' });
  });
});

describe('TikTok payloads that are refused', () => {
  it.each([
    ['a negative coin price', { ...FLAT_LION, diamondCount: -5 }],
    ['an absurd coin price', { ...FLAT_LION, diamondCount: 1e12 }],
    ['a NaN count as a string', { ...FLAT_LION, repeatCount: 'NaN' }],
    ['a fractional count', { ...FLAT_LION, repeatCount: 1.5 }],
    ['a user id beyond 2^53 as a number', { ...FLAT_LION, userId: 6813181309701719620 }],
    ['no user id', { ...FLAT_LION, userId: undefined }],
    ['no gift id', { ...FLAT_LION, giftId: undefined }],
    ['a string instead of an object', 'gift!'],
    ['null', null],
  ])('drops %s as a bad shape', (_what, payload) => {
    const result = mapTikTok('gift', payload, SCALE, NOW);
    expect(result).toMatchObject({ kind: 'drop', reason: 'bad-shape' });
  });

  it('drops a gift whose coins x count is beyond any real gift', () => {
    const result = mapTikTok('gift', { ...FLAT_LION, repeatCount: 1_000_000 }, SCALE, NOW);
    expect(result).toMatchObject({ kind: 'drop', reason: 'bad-number' });
  });

  it('drops a gift without msgId: it could never be deduplicated', () => {
    const { msgId: _id, ...noId } = FLAT_LION;
    expect(mapTikTok('gift', noId, SCALE, NOW)).toMatchObject({
      kind: 'drop',
      reason: 'missing-id',
    });
  });
});
