import { describe, expect, it } from 'vitest';
import { createLog } from '../../../src/app/log';

describe('the overlay log', () => {
  it('logs a problem once a minute per key and says how many it held back', () => {
    let now = 0;
    const lines: string[] = [];
    const log = createLog(
      () => now,
      (line: string) => lines.push(line),
    );
    log.problem('feed', 'feed unreachable');
    now = 10_000;
    log.problem('feed', 'feed unreachable');
    log.problem('param', 'bad rate');
    now = 61_000;
    log.problem('feed', 'feed unreachable');
    expect(lines).toEqual([
      '[giftglow] feed unreachable',
      '[giftglow] bad rate',
      '[giftglow] feed unreachable (+1 similar)',
    ]);
  });

  it('stops at a total cap so an overnight stream cannot flood the OBS log', () => {
    const lines: string[] = [];
    const log = createLog(
      () => 0,
      (line: string) => lines.push(line),
    );
    for (let i = 0; i < 2000; i++) log.problem(`k${i}`, `problem ${i}`);
    expect(lines.length).toBe(501);
    expect(lines.at(-1)).toContain('log cap reached');
  });
});
