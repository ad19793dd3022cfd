import { describe, expect, it } from 'vitest';
import { startRoll } from '../../../../src/ui/credits/creditsRoll';

/** requestAnimationFrame by hand: `run(t)` calls the frame asked for, if any, at time t. */
function frames() {
  let next: ((time: number) => void) | null = null;
  let asked = 0;
  return {
    frame: (callback: (time: number) => void) => {
      next = callback;
      asked++;
      return asked;
    },
    cancel: () => {
      next = null;
    },
    run(time: number) {
      const callback = next;
      next = null;
      callback?.(time);
    },
    get pending() {
      return next !== null;
    },
    get asked() {
      return asked;
    },
  };
}

describe('the credits roll', () => {
  it('rises from below the window at speed= until its last line has gone, then asks for no frame', () => {
    const raf = frames();
    const moves: number[] = [];
    let done = 0;
    startRoll(
      {
        speed: 100,
        loop: false,
        measure: () => ({ height: 300, view: 200 }),
        move: (y) => moves.push(y),
        done: () => done++,
      },
      raf.frame,
      raf.cancel,
    );
    raf.run(1000);
    raf.run(2000);
    raf.run(4000);
    expect(moves).toEqual([200, 200, 100, -100]);
    expect(done).toBe(0);
    raf.run(6000);
    expect(moves.at(-1)).toBe(-300);
    expect(done).toBe(1);
    expect(raf.pending).toBe(false);
  });

  it('starts again from below with loop=on', () => {
    const raf = frames();
    const moves: number[] = [];
    startRoll(
      {
        speed: 100,
        loop: true,
        measure: () => ({ height: 100, view: 100 }),
        move: (y) => moves.push(y),
        done: () => {},
      },
      raf.frame,
      raf.cancel,
    );
    raf.run(0);
    raf.run(2000);
    raf.run(2500);
    expect(moves).toEqual([100, 100, -100, 100, 50]);
    expect(raf.pending).toBe(true);
  });

  it('stops its frames when the page stops it', () => {
    const raf = frames();
    const stop = startRoll(
      {
        speed: 50,
        loop: true,
        measure: () => ({ height: 1, view: 1 }),
        move: () => {},
        done: () => {},
      },
      raf.frame,
      raf.cancel,
    );
    stop();
    expect(raf.pending).toBe(false);
  });
});
