import type { CoreEvent } from './events';
import { RecentMap } from './recent';

/**
 * Every delivery counts once: Twitch delivers at least once and TikTok's connector replays recent
 * messages on every (re)connect. Ids stay strings (they are 64-bit) and are scoped by platform.
 */
export function dedupeKey(event: CoreEvent): string {
  return `${event.platform}:${event.id}`;
}

export class Dedupe {
  readonly #seen: RecentMap<true>;

  constructor(capacity: number, seen: Iterable<string> = []) {
    this.#seen = new RecentMap(capacity);
    for (const key of seen) this.#seen.set(key, true);
  }

  get size(): number {
    return this.#seen.size;
  }

  /** True the first time an event id is seen, false for every repeat. An event without id is new. */
  firstSeen(event: CoreEvent): boolean {
    return event.id === '' || this.#seen.add(dedupeKey(event), true);
  }

  /** Remembers keys saved by `newest` (after a reload). */
  restore(keys: readonly string[]): void {
    for (const key of keys) this.#seen.set(key, true);
  }

  /** The newest `limit` keys, oldest first. */
  newest(limit: number): string[] {
    return this.#seen.newest(limit).map(([key]) => key);
  }
}
