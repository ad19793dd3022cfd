import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, GiftEvent } from '../../../src/core/event/events';
import { sanitizeName } from '../../../src/core/text/names';
import { mapTikTok } from '../../../src/feeds/tiktok/mapTikTok';
import type { MapResult } from '../../../src/wire/mapResult';
import {
  FLAT_FOLLOW,
  FLAT_LIKE,
  FLAT_LION,
  NESTED_20_STEP,
  NESTED_23_END,
  USER_NESTED_FLAT_GIFT,
  roseStreak,
} from '../../fixtures/feeds/tiktok';
import { DOLL, giftFrame, LION } from '../../fixtures/feeds/tiktok/connector';
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

const notesOf = (result: MapResult) =>
  result.kind === 'event' ? result.notes.map((n) => n.reason) : [];

describe('TikTok gifts as the real connector v1 makes them (TikFinity)', () => {
  it('reads a real frame, compatibility object `gift` and gift list entry included', () => {
    const data = giftFrame({ msgId: '7137749190944230150', gift: DOLL, repeatCount: 4 }).data;
    expect(data.gift).toEqual({ gift_id: 5953, repeat_count: 4, repeat_end: 0, gift_type: 1 });
    expect(data.extendedGiftInfo).toMatchObject({ id: 5953, diamond_count: 25 });
    const result = mapTikTok('gift', data, SCALE, NOW);
    expect(eventOf(result)).toMatchObject({
      kind: 'gift',
      id: '7137749190944230150',
      platform: 'tiktok',
      at: 1661887134397,
      sender: {
        key: 'tiktok:6813181309701719620',
        id: '6813181309701719620',
        login: 'zerodytester',
        name: 'Zerody Tester',
        avatar: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7d3b~c5_100x100.webp',
      },
      gift: { id: '5953', name: 'Nevalyashka doll', coins: 25, image: DOLL.image },
      count: 4,
      value: 100,
      combo: { key: 'tiktok:6813181309701719620:5953:1661887131074', role: 'total' },
      final: false,
    });
    expect(notesOf(result)).toEqual([]);
  });

  it('marks each Rose streak step as the cumulative total of one combo, final only at the end', () => {
    const steps = roseStreak().map(giftOf);
    expect(steps.map((s) => [s.count, s.value, s.final])).toEqual([
      [1, 1, false],
      [2, 2, false],
      [3, 3, false],
      [3, 3, true],
    ]);
    expect(new Set(steps.map((s) => s.combo?.key)).size).toBe(1);
    expect(steps.every((s) => s.combo?.role === 'total')).toBe(true);
  });

  it('counts a Lion (type 2, repeatEnd false) at once, as a one-off', () => {
    const lion = giftOf(FLAT_LION);
    expect(lion).toMatchObject({ count: 1, value: 29_999, final: true, combo: null });
    expect(lion.gift).toMatchObject({ id: '6369', name: 'Lion', coins: 29_999 });
  });

  it('applies the value scale to coins x count', () => {
    const half = eventOf(mapTikTok('gift', FLAT_LION, { ...SCALE, coin: 0.5 }, NOW));
    expect(half.value).toBe(14_999.5);
  });

  it('reads a frame without the gift list entry (the connector option off)', () => {
    const data = giftFrame({ msgId: '1', gift: LION, extended: false }).data;
    expect(data).not.toHaveProperty('extendedGiftInfo');
    expect(giftOf(data)).toMatchObject({ value: 29_999, final: true });
  });

  it('maps follows, shares and likes (likeCount taps per message), and v1 `social` by its type', () => {
    expect(eventOf(mapTikTok('follow', FLAT_FOLLOW, SCALE, NOW))).toMatchObject({
      kind: 'follow',
      id: '7137749190944231000',
      value: 0,
    });
    expect(eventOf(mapTikTok('social', FLAT_FOLLOW, SCALE, NOW)).kind).toBe('follow');
    expect(eventOf(mapTikTok('like', FLAT_LIKE, SCALE, NOW))).toMatchObject({
      kind: 'like',
      count: 15,
    });
  });

  it('ignores what it does not show (chat, members, room stats)', () => {
    for (const event of ['chat', 'member', 'roomUser'])
      expect(mapTikTok(event, FLAT_FOLLOW, SCALE, NOW)).toEqual({ kind: 'ignore' });
  });
});

describe('TikTok gifts in the other shapes (HAND-MADE from the field table)', () => {
  const doll = {
    sender: { key: 'tiktok:6813181309701719620', login: 'zerodytester', name: 'Zerody Tester' },
    gift: { id: '5953', name: 'Nevalyashka doll', coins: 25 },
    combo: { key: 'tiktok:6813181309701719620:5953:1661887131074', role: 'total' },
  };

  it.each([
    ['connector 2.0-2.2', NESTED_20_STEP, { id: '7137749190944230150', count: 4, final: false }],
    ['connector 2.3+', NESTED_23_END, { id: '7137749190944230151', count: 4, final: true }],
  ])('maps the %s shape to one streak step', (_shape, payload, expected) => {
    const gift = giftOf(payload);
    expect(gift).toMatchObject({ ...doll, ...expected });
    expect(gift.sender.avatar).toBe('https://p16-sign-va.tiktokcdn.com/avatar.webp');
    expect(gift.gift.image).toBe(
      'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/doll.png',
    );
  });

  it('maps a sender under `user` beside flat gift fields', () => {
    expect(giftOf(USER_NESTED_FLAT_GIFT)).toMatchObject({
      sender: { id: '6813181309701719620', login: 'zerodytester' },
      value: 29_999,
      final: true,
    });
  });
});

describe('a cosmetic field never costs a gift', () => {
  it('cuts a 5,000-character nickname, counts it, and still shows a bounded name', () => {
    const result = mapTikTok('gift', { ...FLAT_LION, nickname: 'L'.repeat(5_000) }, SCALE, NOW);
    const gift = eventOf(result) as GiftEvent;
    expect(gift.value).toBe(29_999);
    expect(gift.sender.name.length).toBeLessThanOrEqual(2_000);
    expect(notesOf(result)).toEqual(['long-name']);
    expect(sanitizeName(gift.sender.name, gift.sender.login)).toBe(`${'L'.repeat(23)}…`);
  });

  it('shows the handle when the name would show as nothing but an ellipsis', () => {
    // One grapheme longer than the name's code-unit cap: cutting it leaves only the ellipsis.
    const oneHugeGrapheme = '👩‍👩‍👧‍👦' + '\u200D👩'.repeat(60);
    const gift = giftOf({ ...FLAT_LION, nickname: oneHugeGrapheme });
    expect(sanitizeName(gift.sender.name, gift.sender.login)).toBe('zerodytester');
  });

  it.each([
    ['a picture that is not a URL', 'javascript:alert(1)'],
    ['a picture that is a number', 42],
    ['a picture URL of 10,000 characters', `https://p16.tiktokcdn.com/${'a'.repeat(10_000)}`],
  ])('leaves out %s and counts it', (_what, url) => {
    const result = mapTikTok('gift', { ...FLAT_LION, giftPictureUrl: url }, SCALE, NOW);
    expect(eventOf(result)).toMatchObject({ value: 29_999 });
    expect((eventOf(result) as GiftEvent).gift.image).toBeUndefined();
    expect(notesOf(result)).toEqual(['bad-gift-picture']);
  });

  it('ignores odd fields it does not use (badges, monitorExtra, gift list entry)', () => {
    const odd = { ...FLAT_LION, userBadges: 'x', monitorExtra: [1], extendedGiftInfo: 'nope' };
    const result = mapTikTok('gift', odd, SCALE, NOW);
    expect(eventOf(result)).toMatchObject({ value: 29_999 });
    expect(notesOf(result)).toEqual([]);
  });

  it('reads a field from its next place when the first holds junk (the compatibility object)', () => {
    expect(giftOf({ ...FLAT_LION, giftId: { no: 1 } }).gift.id).toBe('6369');
    expect(giftOf({ ...FLAT_LION, giftType: 'two' }).final).toBe(true);
  });

  it('takes the price from the gift list entry, else from the known gifts, and counts that', () => {
    const { diamondCount: _, ...noPrice } = FLAT_LION;
    expect(giftOf(noPrice).value).toBe(29_999); // extendedGiftInfo.diamond_count
    const { extendedGiftInfo: __, ...bare } = noPrice;
    const result = mapTikTok('gift', bare, SCALE, NOW);
    expect(eventOf(result).value).toBe(29_999);
    expect(notesOf(result)).toEqual(['no-price']);
  });

  it('treats a gift of unknown type as a streak: counted once, at its end or after the silence', () => {
    const { giftType: _, gift: __, extendedGiftInfo: ___, ...untyped } = FLAT_LION;
    const result = mapTikTok('gift', untyped, SCALE, NOW);
    expect(eventOf(result)).toMatchObject({ final: false, combo: { role: 'total' } });
    expect(notesOf(result)).toEqual(['no-gift-type']);
  });

  it('keeps a gift without msgId under an id made from what it says, so a replay is still one', () => {
    const { msgId: _, ...noId } = FLAT_LION;
    const first = mapTikTok('gift', noId, SCALE, NOW);
    const again = mapTikTok('gift', noId, SCALE, NOW + 5_000);
    expect(eventOf(first).id).toBe(eventOf(again).id);
    expect(notesOf(first)).toEqual(['no-msg-id']);
  });

  it('credits a sender known only by handle', () => {
    const { userId: _, ...noUserId } = FLAT_LION;
    const result = mapTikTok('gift', noUserId, SCALE, NOW);
    expect(eventOf(result).sender).toMatchObject({ id: '@zerodytester', login: 'zerodytester' });
    expect(notesOf(result)).toEqual(['no-user-id']);
  });
});

describe('only a missing essential drops a gift', () => {
  const { userId: _u, uniqueId: _h, ...nobody } = FLAT_LION;
  const { giftId: _g, gift: _c, diamondCount: _d, extendedGiftInfo: _e, ...noGift } = FLAT_LION;

  it.each([
    ['no sender at all (neither id nor handle)', nobody, 'no-sender'],
    ['neither a gift id nor a price', noGift, 'no-gift'],
    ['a negative count', { ...FLAT_LION, repeatCount: -2 }, 'bad-number'],
    ['a fractional count', { ...FLAT_LION, repeatCount: 1.5 }, 'bad-number'],
    ['a count that is not a number', { ...FLAT_LION, repeatCount: 'NaN' }, 'bad-number'],
    ['an absurd count', { ...FLAT_LION, repeatCount: 1e12 }, 'bad-number'],
    ['a string instead of an object', 'gift', 'no-sender'],
    ['null', null, 'no-sender'],
    ['an array instead of an object', [FLAT_LION], 'no-sender'],
  ])('drops %s, with a counted reason', (_what, payload, reason) => {
    expect(mapTikTok('gift', payload, SCALE, NOW)).toMatchObject({ kind: 'drop', reason });
  });

  it('never drops a real gift for any mutation of a field it does not need', () => {
    const cosmetic = fc.constantFrom(
      'nickname',
      'profilePictureUrl',
      'giftName',
      'giftPictureUrl',
      'createTime',
      'groupId',
      'monitorExtra',
      'userDetails',
      'followInfo',
      'msgId',
      'giftType',
    );
    const junk = fc.oneof(
      fc.string({ maxLength: 3_000 }),
      fc.double(),
      fc.constant(null),
      fc.object(),
      fc.array(fc.integer()),
    );
    fc.assert(
      fc.property(cosmetic, junk, (key, value) => {
        const result = mapTikTok('gift', { ...FLAT_LION, [key]: value }, SCALE, NOW);
        expect(result.kind).toBe('event');
        expect(eventOf(result).value).toBe(29_999);
      }),
      { numRuns: 400 },
    );
  });
});
