import type { Platform } from '../event/events';
import { fromMilli } from '../event/value';

/**
 * The session board: exact totals per gifter (integer milli-points), ranked by total, ties going to
 * whoever reached that total first (then the key, for determinism). Totals only ever grow, so a
 * small cached top list stays exact cheaply: a row can only move up, or enter the cache by beating
 * its last entry. `top(n)` up to the cache size costs O(n).
 */

export interface BoardRow {
  key: string;
  name: string;
  platform: Platform;
  /** Total in points. */
  value: number;
  /** 1-based. */
  rank: number;
}

export interface BoardUser {
  key: string;
  name: string;
  login: string;
  platform: Platform;
}

/** One gifter as stored: `seq` orders who reached their current total first. */
export interface BoardEntry extends BoardUser {
  milli: number;
  seq: number;
}

/** A gifter's stored row. */
interface Row extends BoardEntry {
  readonly hidden: boolean;
  /** In the cached top list. */
  cached: boolean;
}

/** True when `a` ranks above `b`. */
export function ranksAbove(a: BoardEntry, b: BoardEntry): boolean {
  if (a.milli !== b.milli) return a.milli > b.milli;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return a.key < b.key;
}

/** The same order as `ranksAbove`, as a sort comparator. */
function compare(a: BoardEntry, b: BoardEntry): number {
  return b.milli - a.milli || a.seq - b.seq || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export class Board {
  readonly #rows = new Map<string, Row>();
  readonly #top: Row[] = [];
  readonly #hide: ReadonlySet<string>;
  readonly #cacheSize: number;
  #seq = 0;

  constructor(options: { hide?: readonly string[]; cacheSize?: number } = {}) {
    this.#hide = new Set((options.hide ?? []).map((login) => login.toLowerCase()));
    this.#cacheSize = Math.max(1, options.cacheSize ?? 100);
  }

  get size(): number {
    return this.#rows.size;
  }

  /** Adds `milli` (> 0) to a gifter's total; the latest name wins. */
  add(user: BoardUser, milli: number): void {
    if (!(milli > 0)) return;
    let row = this.#rows.get(user.key);
    if (!row) {
      const { key, login, platform } = user;
      const hidden = this.#hidden(login);
      row = { key, name: '', login, platform, milli: 0, seq: 0, hidden, cached: false };
      this.#rows.set(key, row);
    }
    row.name = user.name;
    row.milli += milli;
    row.seq = ++this.#seq;
    this.#place(row);
  }

  /** Updates a gifter's shown name; true when the board changed. */
  rename(key: string, name: string): boolean {
    const row = this.#rows.get(key);
    if (row === undefined || row.name === name) return false;
    row.name = name;
    return true;
  }

  /** A gifter's total in milli-points (0: not on the board). */
  milliOf(key: string): number {
    return this.#rows.get(key)?.milli ?? 0;
  }

  totalOf(key: string): number {
    return fromMilli(this.#rows.get(key)?.milli ?? 0);
  }

  /** The best `n` visible gifters (hidden logins left out). */
  top(n: number): BoardRow[] {
    const count = Math.max(0, Math.floor(n));
    const source =
      count <= this.#top.length || this.#top.length < this.#cacheSize ? this.#top : this.#sorted();
    return source.slice(0, count).map((row, i) => ({
      key: row.key,
      name: row.name,
      platform: row.platform,
      value: fromMilli(row.milli),
      rank: i + 1,
    }));
  }

  /** The best `limit` rows, hidden ones included (what is persisted). */
  entries(limit: number): BoardEntry[] {
    const all = this.#best(limit).sort(compare).slice(0, limit);
    return all.map(({ key, name, login, platform, milli, seq }) => ({
      key,
      name,
      login,
      platform,
      milli,
      seq,
    }));
  }

  /** Loads persisted rows (replacing nothing already counted: call on an empty board). */
  restore(entries: readonly BoardEntry[]): void {
    for (const entry of entries) {
      if (this.#rows.has(entry.key) || !(entry.milli > 0)) continue;
      const row: Row = { ...entry, hidden: this.#hidden(entry.login), cached: false };
      this.#rows.set(row.key, row);
      this.#seq = Math.max(this.#seq, row.seq);
      this.#place(row);
    }
  }

  /**
   * At least the best `limit` rows, unsorted, without sorting 100,000 objects: a native numeric
   * sort of the totals gives the cut-off, ties at the cut-off included.
   */
  #best(limit: number): Row[] {
    const rows = Array.from(this.#rows.values());
    if (rows.length <= limit) return rows;
    const totals = Float64Array.from(rows, (row) => row.milli).sort();
    const cutoff = totals[totals.length - limit] ?? 0;
    return rows.filter((row) => row.milli >= cutoff);
  }

  #hidden(login: string): boolean {
    return this.#hide.size > 0 && this.#hide.has(login.toLowerCase());
  }

  #sorted(): Row[] {
    return Array.from(this.#rows.values())
      .filter((row) => !row.hidden)
      .sort(compare);
  }

  /** Puts a row whose total just grew into the cached top list, if it belongs there. */
  #place(row: Row): void {
    if (row.hidden) return;
    const top = this.#top;
    let from: number;
    if (row.cached) {
      from = top.indexOf(row);
    } else {
      const last = top[top.length - 1];
      if (top.length >= this.#cacheSize) {
        if (!last || !ranksAbove(row, last)) return;
        last.cached = false;
        top.pop();
      }
      row.cached = true;
      from = top.push(row) - 1;
    }
    // The row's total only grew, so it only moves up: binary-search its place among those above it.
    let low = 0;
    let high = from;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = top[mid];
      if (other && ranksAbove(row, other)) high = mid;
      else low = mid + 1;
    }
    if (low < from) {
      top.splice(from, 1);
      top.splice(low, 0, row);
    }
  }
}
