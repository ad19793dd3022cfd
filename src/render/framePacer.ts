/** `fps=`: a fixed cap, or 'auto' (see FramePacer). */
export type FpsSetting = 'auto' | number;

/** Caps `auto` steps down through while frames run late (Infinity: every display frame). */
const AUTO_STEPS = [Infinity, 30, 20, 15] as const;
/** `auto` on a slow (software) GPU starts here: effects read as smooth and cost half of 60. */
const SLOW_START = 30;
/**
 * A frame is due this much before its exact time: display frames do not land on whole ms, and a
 * 30 fps cap on a 60 Hz display must draw every second frame, not every third.
 */
const EARLY_MS = 4;
/** Drawn frames judged together before `auto` steps down. */
const WINDOW = 8;
/** Frames are late when they come this much slower than the cap (or the display) allows. */
const LATE = 1.5;

/**
 * Decides, at each display frame, whether the effects draw: a frame-rate cap, and under `auto`
 * a cap that steps down while drawn frames arrive late (a busy GPU, or a shared machine), so an
 * overlay that cannot keep up spends less instead of queueing more. Pure: times come in as numbers.
 */
export class FramePacer {
  readonly #setting: FpsSetting;
  readonly #slow: boolean;
  #step: number;
  #lastDrawn = -Infinity;
  #lastSeen = -Infinity;
  /** Shortest gap seen between display frames: the display's own interval. */
  #displayMs = Infinity;
  #judged = 0;
  #lateSum = 0;

  constructor(setting: FpsSetting, slow: boolean) {
    this.#setting = setting;
    this.#slow = slow;
    this.#step = this.#startStep();
  }

  /** The cap in force now (Infinity: every display frame). */
  get cap(): number {
    return this.#setting === 'auto' ? AUTO_STEPS[this.#step]! : this.#setting;
  }

  /**
   * The effects start animating after a rest: the next display frame draws at once (a gift's first
   * frame never waits for the cap), and `auto` tries its starting cap again.
   */
  reset(): void {
    this.#step = this.#startStep();
    this.#lastDrawn = -Infinity;
    this.#lastSeen = -Infinity;
    this.#judged = 0;
    this.#lateSum = 0;
  }

  /** A display frame at `now` (ms): true if the effects should draw in it. */
  due(now: number): boolean {
    const gap = now - this.#lastSeen;
    this.#lastSeen = now;
    if (gap >= 1) this.#displayMs = Math.min(this.#displayMs, gap);
    const interval = Number.isFinite(this.cap) ? 1000 / this.cap : 0;
    const since = now - this.#lastDrawn;
    if (since < interval - EARLY_MS) return false;
    if (Number.isFinite(this.#lastDrawn)) this.#judge(since, interval);
    this.#lastDrawn = now;
    return true;
  }

  #judge(since: number, interval: number): void {
    if (this.#setting !== 'auto' || this.#step === AUTO_STEPS.length - 1) return;
    const expected = Math.max(interval, Number.isFinite(this.#displayMs) ? this.#displayMs : 0);
    if (expected <= 0) return;
    this.#lateSum += since / expected;
    if (++this.#judged < WINDOW) return;
    if (this.#lateSum / this.#judged > LATE) this.#step++;
    this.#judged = 0;
    this.#lateSum = 0;
  }

  #startStep(): number {
    return this.#slow ? AUTO_STEPS.indexOf(SLOW_START) : 0;
  }
}
