/**
 * The clock and timers of the hub's TikTok connections, passed in so tests drive them by hand
 * (the style guide's "time and randomness are parameters"). Every timer comes with its cancel.
 */
export interface LinkTimers {
  now(): number;
  /** Runs `run` once after `ms`; returns its cancel. */
  after(ms: number, run: () => void): () => void;
}

export const systemLinkTimers: LinkTimers = {
  now: () => Date.now(),
  after(ms, run) {
    const handle = setTimeout(run, ms);
    // A waiting retry never keeps a process alive on its own (tests, a closing server).
    handle.unref();
    return () => clearTimeout(handle);
  },
};
