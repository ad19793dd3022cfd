import type { TimerHandle, Timers } from '../../../src/feeds/socket/timers';

/** Timers that only fire when the test says so: deterministic backoff without waiting. */
export class ManualTimers implements Timers {
  time = 1_700_000_000_000;
  #next = 1;
  #due = new Map<number, { at: number; run: () => void; ms: number }>();

  setTimeout = (run: () => void, ms: number): TimerHandle => {
    const id = this.#next++;
    this.#due.set(id, { at: this.time + ms, run, ms });
    return id;
  };

  clearTimeout = (handle: TimerHandle): void => {
    this.#due.delete(handle as number);
  };

  now = (): number => this.time;

  /** Delays of the timers still pending, in the order they were set. */
  pending(): number[] {
    return [...this.#due.values()].map((t) => t.ms);
  }

  /** Advances the clock to the earliest timer and runs it; returns its delay. */
  fireNext(): number {
    let first: [number, { at: number; run: () => void; ms: number }] | undefined;
    for (const entry of this.#due) if (!first || entry[1].at < first[1].at) first = entry;
    if (!first) throw new Error('no timer pending');
    this.#due.delete(first[0]);
    this.time = Math.max(this.time, first[1].at);
    first[1].run();
    return first[1].ms;
  }

  /** Moves the clock without firing anything (a connection that stays up for a while). */
  pass(ms: number): void {
    this.time += ms;
  }
}
