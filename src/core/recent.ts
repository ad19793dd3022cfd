/**
 * "Seen recently" in bounded memory: a map that keeps only its newest `capacity` entries
 * (insertion order; writing a key again makes it the newest). Dedupe of event ids, the memory of
 * closed combos and the name cache all need it: a stream left running for hours must not grow.
 */
export class RecentMap<V> {
  readonly #capacity: number;
  readonly #entries = new Map<string, V>();

  constructor(capacity: number, entries: Iterable<readonly [string, V]> = []) {
    this.#capacity = Math.max(1, Math.floor(capacity));
    for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string): V | undefined {
    return this.#entries.get(key);
  }

  /** Sets (and refreshes) a key, forgetting the oldest entry beyond capacity. */
  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  /** The newest `limit` entries, oldest first (what is persisted). */
  newest(limit: number): [string, V][] {
    const all = Array.from(this.#entries);
    return limit >= all.length ? all : all.slice(all.length - limit);
  }
}
