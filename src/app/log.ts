/**
 * The overlay's only logger. OBS shows page messages in its log only at console.error level, and an
 * overlay left running overnight must not flood it: each message key is rate-limited, and the total
 * is capped (Pixi caps its warnings at 500 for the same reason).
 */
const TOTAL_CAP = 500;
const PER_KEY_INTERVAL_MS = 60_000;

export interface Log {
  /** Logs `message` unless the same key was logged within the last minute; counts what it skipped. */
  problem(key: string, message: string): void;
}

export function createLog(now: () => number = () => Date.now(), sink = console.error): Log {
  const lastAt = new Map<string, number>();
  const skipped = new Map<string, number>();
  let total = 0;
  return {
    problem(key, message) {
      const t = now();
      const last = lastAt.get(key);
      if (total >= TOTAL_CAP || (last !== undefined && t - last < PER_KEY_INTERVAL_MS)) {
        skipped.set(key, (skipped.get(key) ?? 0) + 1);
        return;
      }
      const more = skipped.get(key) ?? 0;
      skipped.delete(key);
      lastAt.set(key, t);
      total++;
      sink(`[giftglow] ${message}${more ? ` (+${more} similar)` : ''}`);
      if (total === TOTAL_CAP)
        sink('[giftglow] log cap reached; further problems are counted silently');
    },
  };
}
