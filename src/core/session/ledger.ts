import { z } from 'zod/mini';
import { PLATFORMS } from '../event/events.ts';
import type { BoardUser } from './Board';

/**
 * A session's ledger: what was counted, keyed by the thing that was counted, so copies of one
 * session kept by several pages (alerts and board, a reload, the server's file) merge without
 * losing or doubling a gift.
 * - `e:<platform>:<event id>`: a one-off gift, cheer or sub (counted once, its value never changes);
 * - `c:<combo key>` (`~<event id>` for a reused key's new combo): a streak or bomb, whose counted
 *   value only grows;
 * - `s:<user key>` / `f:<user key>`: a subscriber / a follower (no value: thanked, never ranked).
 * Two entries of one key merge field by field: the max of every amount and of `last`, the min of
 * `first`, and the user of the later entry (ties by name). That is a join: commutative,
 * associative, idempotent. A page may send the same entry twice, or two pages one gift each, in
 * any order: the merged ledger is the same, and the board is derived from it.
 * Two limits, both outside what today's feeds send: an event without an id (every feed requires
 * one) gets a key of the page's own, so two pages would both count it; and a combo key reused after
 * KEY_REUSE_MS (old Twitch bomb lines, by gifter and tier) is `c:<key>~<id>` only on a page that saw
 * the first combo, so a page that did not, merged with one that did, keeps the larger of the two.
 */

export interface LedgerEntry {
  user: BoardUser;
  /** Milli-points counted under this key in all. */
  milli: number;
  /** Gifts (items, subs, 1 per cheer) and TikTok coins and Twitch bits counted in all. */
  items: number;
  coins: number;
  bits: number;
  /** When it was first and last counted (ms). */
  first: number;
  last: number;
}

export type Ledger = Map<string, LedgerEntry>;

/** Keys are short: an id or a combo key and a prefix. */
export const MAX_LEDGER_KEY = 300;

const amount = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const text = z.string().check(z.maxLength(200));

export const ledgerEntrySchema = z.object({
  user: z.object({
    key: text,
    name: text,
    login: text,
    platform: z.enum(PLATFORMS),
  }),
  milli: amount,
  items: amount,
  coins: amount,
  bits: amount,
  first: amount,
  last: amount,
});

/** A ledger as JSON: `[key, entry]` pairs. */
export const ledgerSchema = z.array(
  z.tuple([z.string().check(z.minLength(3), z.maxLength(MAX_LEDGER_KEY)), ledgerEntrySchema]),
);

/** Which entry's user (name, login) is shown: the later one, ties broken by the texts. */
function newer(a: LedgerEntry, b: LedgerEntry): boolean {
  if (a.last !== b.last) return a.last > b.last;
  const x = `${a.user.name}\u0000${a.user.login}\u0000${a.user.key}\u0000${a.user.platform}`;
  const y = `${b.user.name}\u0000${b.user.login}\u0000${b.user.key}\u0000${b.user.platform}`;
  return x >= y;
}

/** Two entries of one key as one (the join above). */
export function mergeEntry(a: LedgerEntry, b: LedgerEntry): LedgerEntry {
  return {
    user: newer(a, b) ? a.user : b.user,
    milli: Math.max(a.milli, b.milli),
    items: Math.max(a.items, b.items),
    coins: Math.max(a.coins, b.coins),
    bits: Math.max(a.bits, b.bits),
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
  };
}

/**
 * Merges `entries` into `ledger` in place; returns the keys that changed. A key not yet in the
 * ledger is refused (left out, counted in `refused`) once the ledger holds `capacity` keys.
 */
export function mergeInto(
  ledger: Ledger,
  entries: Iterable<readonly [string, LedgerEntry]>,
  capacity = Infinity,
): { changed: string[]; refused: number } {
  const changed: string[] = [];
  let refused = 0;
  for (const [key, entry] of entries) {
    const old = ledger.get(key);
    if (!old && ledger.size >= capacity) {
      refused++;
      continue;
    }
    const next = old ? mergeEntry(old, entry) : entry;
    if (old && sameEntry(old, next)) continue;
    ledger.set(key, next);
    changed.push(key);
  }
  return { changed, refused };
}

/** Two ledgers as a new one. */
export function mergeLedgers(a: Ledger, b: Ledger): Ledger {
  const out: Ledger = new Map(a);
  mergeInto(out, b);
  return out;
}

function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return (
    a.milli === b.milli &&
    a.items === b.items &&
    a.coins === b.coins &&
    a.bits === b.bits &&
    a.first === b.first &&
    a.last === b.last &&
    a.user.name === b.user.name &&
    a.user.login === b.user.login &&
    a.user.key === b.user.key &&
    a.user.platform === b.user.platform
  );
}

/** True for the keys that carry value (one-offs and combos), false for subscribers and followers. */
export function isValueKey(key: string): boolean {
  return key.startsWith('e:') || key.startsWith('c:');
}
