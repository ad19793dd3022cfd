import { Ticker } from 'pixi.js';
import type { FramePacer } from './framePacer';

/** Longest step of animation time per frame (s): below 4 fps effects slow down instead of skipping. */
const MAX_STEP = 0.25;

/**
 * The stage's animation clock: calls `frame(dt)` at each display frame the pacer lets through,
 * and only while awake. Asleep it stops BOTH its ticker and `Ticker.system` (which otherwise keeps
 * a requestAnimationFrame loop alive), so an idle page costs what an empty page costs.
 */
export class FrameLoop {
  readonly #ticker = new Ticker();
  readonly #pacer: FramePacer;
  readonly #clock: () => number;
  readonly #frame: (dt: number) => void;
  #last = 0;
  #frames = 0;

  constructor(pacer: FramePacer, clock: () => number, frame: (dt: number) => void) {
    this.#pacer = pacer;
    this.#clock = clock;
    this.#frame = frame;
    this.#ticker.autoStart = false;
    this.#ticker.add(this.#tick);
  }

  /** Frames drawn since start: stays still while asleep. */
  get frames(): number {
    return this.#frames;
  }

  get running(): boolean {
    return this.#ticker.started;
  }

  /** Start animating at once (no-op when awake): the first frame is never held back by the cap. */
  wake(): void {
    if (this.#ticker.started) return;
    this.#last = this.#clock();
    this.#pacer.reset();
    Ticker.system.start();
    this.#ticker.start();
  }

  sleep(): void {
    this.#ticker.stop();
    Ticker.system.autoStart = false;
    Ticker.system.stop();
  }

  destroy(): void {
    this.#ticker.destroy();
    Ticker.system.stop();
  }

  readonly #tick = (): void => {
    // Frames over the cap cost nothing: no update, no draw, so nothing for the GPU to composite.
    if (!this.#pacer.due(this.#ticker.lastTime)) return;
    const now = this.#clock();
    // Wall-clock time, so 30 and 60 fps last the same; a stall longer than MAX_STEP (a blocked main
    // thread) is not allowed to skip an effect's opening.
    const dt = Math.min(MAX_STEP, Math.max(0, now - this.#last) / 1000);
    this.#last = now;
    this.#frame(dt);
    this.#frames++;
  };
}
