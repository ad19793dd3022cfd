import { describe, expect, it } from 'vitest';
import { readTikTokStatus, tiktokStatusFrame, TIKTOK_STATES } from '../../../src/wire/tiktokLive';

describe('TikTok status frames', () => {
  it.each(TIKTOK_STATES)('carry the state %s there and back', (state) => {
    const frame = { username: 'giftglow', state, detail: 'why', retryInMs: 180_000 };
    expect(readTikTokStatus(JSON.parse(tiktokStatusFrame(frame)))).toEqual({
      v: 1,
      type: 'tiktok-status',
      ...frame,
    });
  });

  it.each([
    ['an event frame', { event: 'gift', data: {} }],
    ['a heartbeat', { v: 1, type: 'heartbeat', every: 15_000 }],
    [
      'an unknown state',
      { v: 1, type: 'tiktok-status', username: 'a', state: 'bored', detail: '' },
    ],
    [
      'a negative wait',
      { v: 1, type: 'tiktok-status', username: 'aa', state: 'retrying', detail: '', retryInMs: -1 },
    ],
    ['junk', 'tiktok-status'],
  ])('are not read from %s', (_what, json) => {
    expect(readTikTokStatus(json)).toBeNull();
  });
});
