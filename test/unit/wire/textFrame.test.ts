import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/core/retry/backoff';
import { MAX_FRAME_CHARS, readFrame } from '../../../src/wire/textFrame';

describe('the frame gate', () => {
  it('parses a JSON text frame', () => {
    expect(readFrame('{"a":1}')).toEqual({ ok: true, json: { a: 1 } });
  });

  it.each([
    ['binary', new ArrayBuffer(4), 'binary'],
    ['oversized', `"${'x'.repeat(MAX_FRAME_CHARS)}"`, 'oversized'],
    ['not JSON', '{"event": gift', 'not-json'],
    ['deeply nested beyond the cap', '['.repeat(MAX_FRAME_CHARS + 1), 'oversized'],
  ])('refuses a %s frame with its reason', (_what, data, reason) => {
    expect(readFrame(data)).toMatchObject({ ok: false, reason });
  });
});

describe('full-jitter backoff', () => {
  it('grows its ceiling exponentially up to the 30 s cap', () => {
    const top = () => 0.999999;
    const ceilings = [0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, top, DEFAULT_BACKOFF));
    expect(ceilings).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999]);
  });

  it('never waits less than its floor, even on an unlucky draw', () => {
    expect(backoffDelay(0, () => 0, DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF.floorMs);
  });

  it('draws uniformly below the ceiling', () => {
    expect(backoffDelay(3, () => 0.5, DEFAULT_BACKOFF)).toBe(4000);
  });
});
