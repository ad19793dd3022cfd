/**
 * Dedupe's memory of event ids: the same two generations as `RecentMap` (at least the newest
 * `capacity` ids, at most twice that; the older generation is dropped whole), in open-addressing
 * tables of typed arrays. A JS Map keyed by fresh id strings cost ~0.5 µs per event with 20,000
 * ids (a probe of two maps, each a chain of pointers through the heap); here a probe reads one
 * small Int32Array and touches the stored string only when the 32-bit hashes already agree.
 */

/** FNV-1a over UTF-16 code units: ids are short (~19 digits), so hashing in JS is cheap. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

class Generation {
  /** Keys in arrival order (what `newest` reads). */
  keys: string[] = [];
  /** Per slot: 1 + the key's index in `keys`, or 0 for an empty slot. */
  readonly slots: Int32Array;
  readonly hashes: Int32Array;
  readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2; // at most half full: probes stay short
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The slot holding `key`, or the empty slot where it would go, as `-1 - slot`. */
  find(key: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]!;
      if (index === 0) return -1 - slot;
      if (this.hashes[slot] === hash && this.keys[index - 1] === key) return slot;
    }
  }

  put(emptySlot: number, key: string, hash: number): void {
    this.slots[emptySlot] = this.keys.push(key);
    this.hashes[emptySlot] = hash;
  }

  clear(): void {
    this.keys = [];
    this.slots.fill(0);
  }
}

export class RecentSet {
  readonly #capacity: number;
  readonly #hash: (key: string) => number;
  #current: Generation;
  #previous: Generation;

  /** `hash` is for tests (a constant one makes every key collide). */
  constructor(capacity: number, hash: (key: string) => number = fnv1a) {
    this.#capacity = Math.max(1, Math.floor(capacity));
    this.#hash = hash;
    this.#current = new Generation(this.#capacity);
    this.#previous = new Generation(this.#capacity);
  }

  get size(): number {
    return this.#current.keys.length + this.#previous.keys.length;
  }

  has(key: string): boolean {
    const hash = this.#hash(key);
    return this.#current.find(key, hash) >= 0 || this.#previous.find(key, hash) >= 0;
  }

  /** Remembers `key`; true when it was not remembered yet. */
  add(key: string): boolean {
    const hash = this.#hash(key);
    const slot = this.#current.find(key, hash);
    if (slot >= 0 || this.#previous.find(key, hash) >= 0) return false;
    this.#current.put(-1 - slot, key, hash);
    if (this.#current.keys.length >= this.#capacity) {
      // The old previous generation is dropped whole; its arrays are reused.
      const dropped = this.#previous;
      this.#previous = this.#current;
      dropped.clear();
      this.#current = dropped;
    }
    return true;
  }

  /** Up to `limit` of the newest keys, older generation first (what is persisted). */
  newest(limit: number): string[] {
    const all = this.#previous.keys.concat(this.#current.keys);
    return limit >= all.length ? all : all.slice(all.length - limit);
  }
}
