import { describe, expect, it } from 'vitest';
import { inWords, tiktokStatusText } from '../../../src/wire/tiktokStatusText';

describe('a TikTok status in words', () => {
  it.each([
    [{ state: 'live', detail: '' }, 'LIVE'],
    [
      { state: 'not-live', detail: '@a is not LIVE right now' },
      'not LIVE right now: @a is not LIVE right now',
    ],
    [
      { state: 'rate-limited', detail: 'limited for now', retryInMs: 120_000 },
      'rate-limited by the sign server: limited for now; next try in 2 min',
    ],
    [
      { state: 'retrying', detail: '  ', retryInMs: 2_000 },
      'reconnecting to TikTok: next try in 2 s',
    ],
  ] as const)('says %j as %j', (status, text) => {
    expect(tiktokStatusText(status)).toBe(text);
  });

  it.each([
    [0, '0 s'],
    [1_200, '2 s'],
    [89_000, '89 s'],
    [90_000, '2 min'],
    [600_000, '10 min'],
  ])('says a wait of %i ms as %j', (ms, words) => {
    expect(inWords(ms)).toBe(words);
  });
});
