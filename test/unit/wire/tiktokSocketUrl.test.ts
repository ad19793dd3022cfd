import { describe, expect, it } from 'vitest';
import { tiktokSocketUrl } from '../../../src/wire/tiktokSocketUrl';

describe("the hub's TikTok socket URL", () => {
  it.each([
    ['ws://localhost:4173/hub', 'ws://localhost:4173/hub/tiktok?user=giftglow'],
    ['ws://localhost:4173/hub/', 'ws://localhost:4173/hub/tiktok?user=giftglow'],
    ['ws://127.0.0.1:4292', 'ws://127.0.0.1:4292/hub/tiktok?user=giftglow'],
    ['wss://example.test/giftglow/hub', 'wss://example.test/giftglow/hub/tiktok?user=giftglow'],
    ['ws://localhost:4173/hub?token=x#y', 'ws://localhost:4173/hub/tiktok?user=giftglow'],
  ])('from the hub at %s is %s', (hub, url) => {
    expect(tiktokSocketUrl(hub, 'giftglow')).toBe(url);
  });

  it('encodes the name, so none can add a path or a parameter', () => {
    const url = new URL(tiktokSocketUrl('ws://h:1/hub', '../a&user=b#c') ?? '');
    expect(url.pathname).toBe('/hub/tiktok');
    expect([...url.searchParams]).toEqual([['user', '../a&user=b#c']]);
    expect(url.hash).toBe('');
  });

  it.each(['http://localhost:4173/hub', 'file:///hub', 'not a url', ''])(
    'is undefined for %j, which is no WebSocket',
    (hub) => {
      expect(tiktokSocketUrl(hub, 'giftglow')).toBeUndefined();
    },
  );
});
