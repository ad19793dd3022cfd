/**
 * The credits roll's motion: a strip `height` px tall rises through a window `view` px tall at
 * `speed` px a second, from just below the window until its last line has left the top. One rAF
 * loop drives it, and it stops for good when the roll is over (or, with `loop`, starts again):
 * an overlay left on screen after the stream requests no frames.
 */
export interface RollOptions {
  speed: number;
  loop: boolean;
  /** The strip's and the window's heights, read when the roll starts (and again on each loop). */
  measure(): { height: number; view: number };
  /** Moves the strip: its top `y` px from the window's top. */
  move(y: number): void;
  /** The roll is over (never called with `loop`). */
  done(): void;
}

/** Starts the roll; returns the stop. `frame` is requestAnimationFrame (a parameter for tests). */
export function startRoll(
  options: RollOptions,
  frame: (callback: (time: number) => void) => number = requestAnimationFrame,
  cancel: (handle: number) => void = cancelAnimationFrame,
): () => void {
  let start: number | null = null;
  let size = options.measure();
  let handle = 0;
  let stopped = false;
  options.move(size.view);
  const step = (time: number) => {
    if (stopped) return;
    start ??= time;
    const travelled = ((time - start) / 1000) * options.speed;
    const distance = size.view + size.height;
    if (travelled >= distance) {
      options.move(-size.height);
      if (!options.loop) {
        stopped = true;
        options.done();
        return;
      }
      start = time;
      size = options.measure();
      options.move(size.view);
    } else options.move(size.view - travelled);
    handle = frame(step);
  };
  handle = frame(step);
  return () => {
    stopped = true;
    cancel(handle);
  };
}
