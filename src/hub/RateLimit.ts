/**
 * A token bucket per sender: `burst` frames at once, then `perSecond`. A test button sends a few
 * frames; a runaway script is slowed without slowing anyone else. Time is a parameter.
 */
export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  /** Senders remembered at most (the oldest idle ones are forgotten: a full bucket again). */
  maxSenders?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimit {
  readonly #options: RateLimitOptions;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** True when `sender` may send one more frame at `now` (ms); the frame is then paid for. */
  take(sender: string, now: number): boolean {
    const { burst, perSecond } = this.#options;
    const bucket = this.#buckets.get(sender) ?? { tokens: burst, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed / 1000) * perSecond);
    bucket.at = now;
    // Map order is insertion order: re-inserting keeps the most recent sender last.
    this.#buckets.delete(sender);
    this.#buckets.set(sender, bucket);
    this.#trim();
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  forget(sender: string): void {
    this.#buckets.delete(sender);
  }

  #trim(): void {
    const max = this.#options.maxSenders ?? 1000;
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= max) return;
      this.#buckets.delete(key);
    }
  }
}
