import { PROTOCOL_VERSION, type ProtocolEventInput, type ProtocolFrame } from '../../wire/protocol';

/**
 * The start page's test alerts, as Giftglow protocol v1 frames with `test: true`: they animate and
 * thank like real gifts but stay off the board (unless the overlay has counttests=on). A Rose
 * streak is a schedule: its ×N climbs over a few frames, then ends. Pure: time comes in as `now`.
 */

export const TEST_ALERTS = [
  { kind: 'rose', label: 'Rose streak' },
  { kind: 'lion', label: 'Lion' },
  { kind: 'cheer', label: 'Twitch cheer' },
  { kind: 'bomb', label: 'Gift bomb of 10' },
  { kind: 'follow', label: 'Follow' },
  { kind: 'hostile', label: 'Hostile name' },
] as const;

export type TestKind = (typeof TEST_ALERTS)[number]['kind'];

/** One frame to send `afterMs` after the button was pressed. */
export interface ScheduledFrame {
  afterMs: number;
  frame: ProtocolFrame;
}

/** What every test frame of one gifter shares: typed, so a frame the schema refuses fails tsc. */
export type From = Pick<ProtocolEventInput, 'v' | 'test' | 'at' | 'platform' | 'user'>;

/** A test gift bomb of `size` Tier 1 subs from `gifter`: its header, then one part per viewer. */
export function testBomb(
  gifter: From,
  size: number,
  id: (part: string | number) => string,
): ProtocolEventInput[] {
  const bomb = id('bomb');
  const sub = { ...gifter, type: 'giftsub', tier: '1', bomb } as const;
  return [
    { ...sub, id: id('header'), count: size },
    ...Array.from({ length: size }, (_, i): ProtocolEventInput => ({
      ...sub,
      id: id(i),
      part: true,
      recipient: `viewer${i + 1}`,
    })),
  ];
}

/** A name that tries everything a hostile gifter tries: markup, bidi override, zero-width, zalgo. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>\u202Eevil\u200B Z\u0351\u0352\u0353algo';

const ROSE_STEPS = [1, 3, 7, 12, 20];
const STEP_MS = 400;

export function testAlert(kind: TestKind, now: number): ScheduledFrame[] {
  const id = (part: string | number) => `test-${kind}-${now}-${part}`;
  const from = (platform: 'tiktok' | 'twitch', userId: string, name: string): From => ({
    v: PROTOCOL_VERSION,
    test: true,
    at: now,
    platform,
    user: { id: userId, login: name.toLowerCase().replace(/\W/g, ''), name },
  });
  const tiktok = (userId: string, name: string) => from('tiktok', userId, name);
  const twitch = (userId: string, name: string) => from('twitch', userId, name);
  switch (kind) {
    case 'rose':
      return ROSE_STEPS.map((count, i) => ({
        afterMs: i * STEP_MS,
        frame: {
          ...tiktok('giftglow-test-rose', 'Rosie Test'),
          type: 'gift',
          id: id(i),
          gift: { id: '5655', name: 'Rose', coins: 1 },
          count,
          streak: id('streak'),
          end: i === ROSE_STEPS.length - 1,
        },
      }));
    case 'lion':
      return [
        {
          afterMs: 0,
          frame: {
            ...tiktok('giftglow-test-lion', 'Leo Test'),
            type: 'gift',
            id: id(0),
            gift: { id: '6369', name: 'Lion', coins: 29999 },
            count: 1,
          },
        },
      ];
    case 'cheer':
      return [
        {
          afterMs: 0,
          frame: {
            ...twitch('giftglow-test-cheer', 'CheerTest'),
            type: 'cheer',
            id: id(0),
            bits: 500,
          },
        },
      ];
    case 'bomb':
      return [{ afterMs: 0, frame: testBomb(twitch('giftglow-test-bomb', 'BombTest'), 10, id) }];
    case 'follow':
      return [
        {
          afterMs: 0,
          frame: { ...twitch('giftglow-test-follow', 'FollowTest'), type: 'follow', id: id(0) },
        },
      ];
    case 'hostile':
      return [
        {
          afterMs: 0,
          frame: {
            ...tiktok('giftglow-test-hostile', HOSTILE_NAME),
            type: 'gift',
            id: id(0),
            gift: { id: '5827', name: 'Ice Cream Cone', coins: 1 },
            count: 1,
          },
        },
      ];
  }
}
