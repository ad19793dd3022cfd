import { describe, expect, it } from 'vitest';
import { clipRect } from '../../../src/render/clipRect';

const screen = { width: 1920, height: 1080 };

describe('clipRect', () => {
  it('covers every rectangle that plays, padded and snapped to a 64 px grid', () => {
    const rect = clipRect(
      [
        { left: 700, top: 500, right: 900, bottom: 700 },
        { left: 1000, top: 520, right: 1100, bottom: 600 },
      ],
      screen,
    );
    expect(rect).toEqual({ left: 640, top: 448, right: 1152, bottom: 768 });
  });

  it('never leaves the screen', () => {
    const rect = clipRect([{ left: -500, top: -900, right: 3000, bottom: 2000 }], screen);
    expect(rect).toEqual({ left: 0, top: 0, right: 1920, bottom: 1080 });
  });

  it('is null when nothing plays or nothing is on screen', () => {
    expect(clipRect([], screen)).toBeNull();
    expect(clipRect([{ left: 3000, top: 0, right: 3100, bottom: 100 }], screen)).toBeNull();
  });
});
