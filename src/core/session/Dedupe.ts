import type { CoreEvent } from '../event/events';
import { RecentMap } from '../RecentMap';

/**
 * Every delivery counts once: Twitch delivers at least once and TikTok's connector replays recent
 * messages on every (re)connect. Ids stay strings (they are 64-bit) and are scoped by platform.
 */
export class Dedupe {
  readonly #capacity: number;
  /** One memory per platform, keyed by the raw id. */
  readonly #seen = new Map<string, RecentMap<true>>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** True the first time an event id is seen, false for every repeat. An event without id is new. */
  firstSeen(event: CoreEvent): boolean {
    return event.id === '' || this.#platform(event.platform).add(event.id, true);
  }

  /** Remembers keys saved by `newest` (after a reload). */
  restore(keys: readonly string[]): void {
    for (const key of keys) {
      const colon = key.indexOf(':');
      if (colon > 0) this.#platform(key.slice(0, colon)).add(key.slice(colon + 1), true);
    }
  }

  /** The newest `limit` keys (`platform:id`), spread over the platforms. */
  newest(limit: number): string[] {
    const sets = Array.from(this.#seen);
    const share = Math.ceil(limit / Math.max(1, sets.length));
    return sets.flatMap(([platform, ids]) => ids.newest(share).map(([id]) => `${platform}:${id}`));
  }

  #platform(platform: string): RecentMap<true> {
    let ids = this.#seen.get(platform);
    if (!ids) {
      ids = new RecentMap(this.#capacity);
      this.#seen.set(platform, ids);
    }
    return ids;
  }
}
