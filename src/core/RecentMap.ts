/**
 * "Seen recently" in bounded memory: a map that remembers at least its newest `capacity` keys and at
 * most twice that. The one such structure: dedupe's event ids, closed combos, the name caches and
 * the queue's fates of recent alerts all use it, so a stream left running for hours does not grow.
 *
 * Two generations instead of an exact LRU: when the current map is full it becomes the previous one
 * and the old previous is dropped whole. Deleting the oldest key one at a time from a JS Map leaves
 * holes that every later "find the oldest" has to skip (see docs/PERFORMANCE.md).
 */
export class RecentMap<V extends NonNullable<unknown>> {
  readonly #capacity: number;
  #current = new Map<string, V>();
  #previous = new Map<string, V>();

  constructor(capacity: number, entries: Iterable<readonly [string, V]> = []) {
    this.#capacity = Math.max(1, Math.floor(capacity));
    for (const [key, value] of entries) this.set(key, value);
  }

  /** Keys remembered (between `capacity` and twice that once full). */
  get size(): number {
    return this.#current.size + this.#previous.size;
  }

  has(key: string): boolean {
    return this.#current.has(key) || this.#previous.has(key);
  }

  get(key: string): V | undefined {
    return this.#current.get(key) ?? this.#previous.get(key);
  }

  /**
   * Remembers a key; true when it was not remembered yet (dedupe's one call per event). A repeat
   * still in the current generation has its value replaced: use it for sets of `true`.
   */
  add(key: string, value: V): boolean {
    if (this.#previous.has(key)) return false;
    // Two map operations, not three (has + set): a set that did not grow the map found the key.
    const size = this.#current.size;
    if (this.#current.set(key, value).size === size) return false;
    this.#rotate();
    return true;
  }

  delete(key: string): void {
    this.#current.delete(key);
    this.#previous.delete(key);
  }

  /** Sets a key as one of the newest. */
  set(key: string, value: V): void {
    if (this.#previous.size > 0) this.#previous.delete(key);
    this.#current.set(key, value);
    this.#rotate();
  }

  #rotate(): void {
    if (this.#current.size >= this.#capacity) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
  }

  /** Up to `limit` of the newest entries, older generation first (what is persisted). */
  newest(limit: number): [string, V][] {
    const all = [...this.#previous, ...this.#current];
    return limit >= all.length ? all : all.slice(all.length - limit);
  }
}
