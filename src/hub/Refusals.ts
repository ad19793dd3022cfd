import type { DropReason } from '../wire/dropReasons.ts';

/** Refused requests and frames, counted by reason: shown on the start page and in the status answer. */
export class Refusals {
  readonly #counts = new Map<DropReason, number>();

  count(reason: DropReason): void {
    this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + 1);
  }

  byReason(): Partial<Record<DropReason, number>> {
    return Object.fromEntries(this.#counts);
  }
}
