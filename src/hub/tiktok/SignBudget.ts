/**
 * At most `max` sign requests in any hour (a sliding window): an all-night stream that keeps
 * dropping cannot use up a free sign quota, and a bug cannot turn into a flood of requests.
 */
export class SignBudget {
  readonly #max: number;
  readonly #windowMs: number;
  /** When each request in the window was made, oldest first. */
  readonly #spent: number[] = [];

  constructor(max: number, windowMs = 3_600_000) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  /** 0 when a request may go at `now`; else how long until one may. */
  waitAt(now: number): number {
    while (this.#spent.length > 0 && (this.#spent[0] ?? 0) <= now - this.#windowMs) {
      this.#spent.shift();
    }
    const oldest = this.#spent[0];
    return this.#spent.length < this.#max || oldest === undefined
      ? 0
      : oldest + this.#windowMs - now;
  }

  spend(now: number): void {
    this.#spent.push(now);
  }
}
