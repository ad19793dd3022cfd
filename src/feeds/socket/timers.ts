/**
 * The clock and timers a connection uses, passed in so tests replay exactly (the style guide's
 * "time and randomness are parameters"). The browser's own are the default.
 */
export type TimerHandle = { readonly __timer: unique symbol } | number;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  now(): number;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms) as unknown as TimerHandle,
  clearTimeout: (handle) => globalThis.clearTimeout(handle as unknown as number),
  now: () => Date.now(),
};
