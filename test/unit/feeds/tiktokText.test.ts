import { describe, expect, it } from 'vitest';
import { MAX_FRAME_CHARS } from '../../../src/feeds/frames';
import { scanTikFinityFrame } from '../../../src/feeds/tiktokText';
import {
  FLAT_FOLLOW,
  FLAT_LIKE,
  FLAT_LION,
  FLAT_STREAK_STEP,
  NESTED_20_STEP,
  NESTED_23_END,
  roseStreak,
  tikfinityFrame,
} from '../../fixtures/feeds/tiktok';
import { FEEDS_MD_SAMPLE, GIFT_FRAME_740 } from '../../fixtures/feeds/tikfinityFrames';
import { fastPath, generalPath } from './tikfinityPaths';

const frame = (data: string, event = 'gift') => `{"event":"${event}","data":${data}}`;

describe('the TikFinity text scanner on real frames', () => {
  const real: [string, string][] = [
    ['the 740-char gift frame of issue #3', GIFT_FRAME_740],
    ['the feeds.md sample', tikfinityFrame('gift', FEEDS_MD_SAMPLE)],
    ['the connector README gift', tikfinityFrame('gift', FLAT_STREAK_STEP)],
    ['a Lion', tikfinityFrame('gift', FLAT_LION)],
    ...roseStreak().map((step, n): [string, string] => [
      `Rose step ${n + 1}`,
      tikfinityFrame('gift', step),
    ]),
    ['a follow', tikfinityFrame('follow', FLAT_FOLLOW)],
    ['a legacy social follow', tikfinityFrame('social', FLAT_FOLLOW)],
    ['a like', tikfinityFrame('like', FLAT_LIKE)],
    ['a chat message', tikfinityFrame('chat', { ...FLAT_FOLLOW, comment: 'hi' })],
  ];

  it.each(real)('takes %s and maps it exactly as the general path does', (_, text) => {
    expect(scanTikFinityFrame(text)).toBeDefined();
    expect(fastPath(text)).toStrictEqual(generalPath(text));
  });

  it('keeps only the keys the readers read, with JSON values', () => {
    expect(scanTikFinityFrame(GIFT_FRAME_740)).toStrictEqual({
      event: 'gift',
      data: {
        giftId: 5953,
        repeatCount: 3,
        repeatEnd: false,
        groupId: '1661887131074',
        userId: '6813181309701719620',
        uniqueId: 'zerodytester',
        nickname: 'Zerody Tester',
        profilePictureUrl: expect.stringMatching(/^https:\/\/p16-sign-va.*%3D$/) as unknown,
        msgId: '7137749190944230150',
        createTime: '1661887134397',
        giftType: 1,
        diamondCount: 25,
        giftName: 'Nevalyashka doll',
        giftPictureUrl: expect.stringMatching(/tplv-obj\.png$/) as unknown,
      },
    });
  });

  it.each([
    ['2.0-2.2', NESTED_20_STEP],
    ['2.3+', NESTED_23_END],
  ])('leaves a nested connector %s gift to the general path', (_, data) => {
    const text = tikfinityFrame('gift', data);
    expect(scanTikFinityFrame(text)).toBeUndefined();
    expect(generalPath(text)).toMatchObject({ kind: 'event' });
  });
});

describe('the TikFinity text scanner on the JSON grammar', () => {
  it.each([
    ['a leading zero', frame('{"giftId":01}')],
    ['a bare dot', frame('{"giftId":1.}')],
    ['a lone minus', frame('{"giftId":-}')],
    ['a plus sign', frame('{"giftId":+1}')],
    ['a leading dot', frame('{"giftId":.5}')],
    ['an empty exponent', frame('{"giftId":1e}')],
    ['a trailing comma in data', frame('{"giftId":1,}')],
    ['a trailing comma in a skipped array', frame('{"badges":[1,]}')],
    ['a bad literal in a skipped object', frame('{"x":{"y":nul}}')],
    ['an unclosed skipped object', frame('{"x":{"y":1}')],
    ['text after the frame', `${frame('{}')}x`],
    ['a truncated frame', GIFT_FRAME_740.slice(0, -1)],
    ['an unterminated string', '{"event":"gift","data":{"nickname":"Zer'],
    ['a raw newline in a string', frame('{"nickname":"a\nb"}')],
    ['a raw control char in a skipped string', frame('{"describe":"a\u0001b"}')],
  ])('refuses %s (not JSON)', (_, text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(scanTikFinityFrame(text)).toBeUndefined();
  });

  it.each([
    ['-0', -0],
    ['1e5', 1e5],
    ['1.5E-3', 1.5e-3],
    ['12345678901234567890', 12345678901234567890],
    ['0.1', 0.1],
    ['1e400', Infinity],
  ])('reads the number %s as JSON.parse does', (literal, value) => {
    const scanned = scanTikFinityFrame(frame(`{"giftId":${literal}}`));
    expect(Object.is(scanned?.data.giftId, value)).toBe(true);
  });

  it('lets the last of duplicate keys win, as JSON.parse does', () => {
    const text = '{"event":"like","data":{"msgId":"1"},"data":{"msgId":"2","msgId":"3"}}';
    expect(scanTikFinityFrame(text)).toStrictEqual({ event: 'like', data: { msgId: '3' } });
  });

  it.each([
    ['an escaped quote', frame('{"nickname":"a\\"b"}')],
    ['whitespace between tokens', '{"event": "gift", "data": {}}'],
    ['an object where a read key wants a primitive', frame('{"nickname":{"a":1}}')],
    ['a nested-shape key', frame('{"user":"x"}')],
    ['an event name above 64 chars', frame('{}', 'e'.repeat(65))],
    ['a non-string event', '{"event":1,"data":{}}'],
    ['no data', '{"event":"gift"}'],
    ['data that is not an object', '{"event":"gift","data":[]}'],
    ['an oversized frame', frame(`{"describe":"${'x'.repeat(MAX_FRAME_CHARS)}"}`)],
  ])('leaves %s to the general path', (_, text) => {
    expect(scanTikFinityFrame(text)).toBeUndefined();
  });
});
