type Timers = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;

export interface PacedOptions {
  /** While changes keep coming, at most one draw per this many ms. */
  ms: number;
  timers: Timers;
  /** Told (true) while changes come faster than `ms`, and (false) once a wait passes still. */
  busy(on: boolean): void;
}

/**
 * A page that follows the session draws a change at once after a still spell, and while changes
 * keep coming (a gift battle, 1,000 gifts a second) draws them together once per `ms`. Every frame
 * an OBS source draws costs the machine; a board or goal redrawn on each gift drew all the time.
 * Returns `changed` (call it on every change) and `stop` (clears the wait).
 */
export function paced(
  draw: () => void,
  options: PacedOptions,
): { changed: () => void; stop: () => void } {
  const { ms, timers, busy } = options;
  let wait: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const changed = () => {
    if (wait !== undefined) {
      pending = true;
      return busy(true);
    }
    draw();
    wait = timers.setTimeout(settle, ms);
  };
  const settle = () => {
    wait = undefined;
    if (!pending) return busy(false);
    pending = false;
    changed();
  };
  const stop = () => {
    timers.clearTimeout(wait);
    wait = undefined;
    pending = false;
  };
  return { changed, stop };
}
