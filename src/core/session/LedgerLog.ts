import type { BoardUser } from './Board';
import { mergeEntry, type LedgerEntry } from './ledger';

/** Entries held for the server at most: a page that cannot reach it for hours stays bounded. */
const MAX_PENDING = 50_000;

/**
 * What the session counted since the server last took it (ledger.ts): each counted gift, combo,
 * subscriber and follower as its ledger entry. The page's sync drains it into a save and puts it
 * back when the save failed; the merge is idempotent, so sending an entry twice is harmless.
 */
export class LedgerLog {
  #pending = new Map<string, LedgerEntry>();

  get size(): number {
    return this.#pending.size;
  }

  /** Records what `key` has counted in all now (amounts are totals, not increments). */
  record(
    key: string,
    user: BoardUser,
    totals: { milli: number; items: number; coins: number; bits: number },
    now: number,
  ): void {
    const { key: userKey, name, login, platform } = user;
    const entry: LedgerEntry = {
      user: { key: userKey, name, login, platform },
      ...totals,
      first: now,
      last: now,
    };
    this.put([[key, entry]]);
  }

  /** The entries recorded since the last drain; the log is empty afterwards. */
  drain(): [string, LedgerEntry][] {
    const out = [...this.#pending];
    this.#pending = new Map();
    return out;
  }

  /** Puts entries back (a save that failed), merged with anything recorded since. */
  put(entries: Iterable<readonly [string, LedgerEntry]>): void {
    for (const [key, entry] of entries) {
      const old = this.#pending.get(key);
      if (!old && this.#pending.size >= MAX_PENDING) continue;
      this.#pending.set(key, old ? mergeEntry(old, entry) : entry);
    }
  }
}
