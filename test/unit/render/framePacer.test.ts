import { describe, expect, it } from 'vitest';
import { FramePacer } from '../../../src/render/framePacer';

/** Display frames every `ms` for `seconds`; returns how many the pacer lets draw. */
function drawn(pacer: FramePacer, ms: number, seconds: number, start = 0): number {
  let n = 0;
  const frames = Math.round((seconds * 1000) / ms);
  for (let i = 0; i < frames; i++) if (pacer.due(start + i * ms)) n++;
  return n;
}

describe('FramePacer', () => {
  it('draws every second frame of a 60 Hz display under a 30 fps cap', () => {
    expect(drawn(new FramePacer(30, false), 1000 / 60, 1)).toBe(30);
  });

  it('draws every frame of a 30 Hz display under a 30 fps cap', () => {
    expect(drawn(new FramePacer(30, false), 1000 / 30, 1)).toBe(30);
  });

  it('on auto draws every display frame on a fast GPU, and at most 30 on a slow one', () => {
    expect(drawn(new FramePacer('auto', false), 1000 / 60, 1)).toBe(60);
    expect(drawn(new FramePacer('auto', true), 1000 / 60, 1)).toBe(30);
  });

  it('on auto steps down while frames come late, and tries again after a rest', () => {
    const pacer = new FramePacer('auto', true);
    expect(pacer.cap).toBe(30);
    drawn(pacer, 1000 / 60, 0.1); // learns the display's rate
    drawn(pacer, 80, 2, 100); // a busy GPU: frames every 80 ms
    expect(pacer.cap).toBeLessThan(30);
    pacer.reset();
    expect(pacer.cap).toBe(30);
  });

  it('keeps a fixed cap however late frames come', () => {
    const pacer = new FramePacer(60, false);
    drawn(pacer, 100, 3);
    expect(pacer.cap).toBe(60);
  });

  it('draws the first frame after a rest at once', () => {
    const pacer = new FramePacer(15, false);
    expect(pacer.due(0)).toBe(true);
    expect(pacer.due(16)).toBe(false);
    pacer.reset();
    expect(pacer.due(20)).toBe(true);
  });
});
