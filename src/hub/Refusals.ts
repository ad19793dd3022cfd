/** Refused requests and frames, counted by reason: shown on the start page and in the status answer. */
export class Refusals {
  readonly #counts = new Map<string, number>();

  count(reason: string): void {
    this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + 1);
  }

  get total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }

  byReason(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }
}
