import type { Platform } from '../event/events';
import { fromMilli } from '../event/value.ts';
import type { BoardUser } from './Board';
import { isValueKey, type LedgerEntry } from './ledger.ts';

/**
 * A session's supporters, derived from its ledger (ledger.ts): gifters by value, then subscribers
 * who gave nothing, then followers who did neither. Each person appears once, in one group.
 */

export interface Supporter extends BoardUser {
  /** Points (3 decimals at most), gifts, TikTok coins, Twitch bits. */
  points: number;
  milli: number;
  gifts: number;
  coins: number;
  bits: number;
  first: number;
  last: number;
}

export interface Supporters {
  gifters: Supporter[];
  subscribers: Supporter[];
  followers: Supporter[];
}

export interface SessionTotals {
  points: number;
  gifts: number;
  gifters: number;
  coins: number;
  bits: number;
  /** Points by platform (platforms with none left out). */
  byPlatform: Partial<Record<Platform, number>>;
}

type Person = Supporter & { shown: number };

function add(people: Map<string, Person>, entry: LedgerEntry, valued: boolean): void {
  const key = entry.user.key;
  let person = people.get(key);
  if (!person) {
    person = {
      ...entry.user,
      points: 0,
      milli: 0,
      gifts: 0,
      coins: 0,
      bits: 0,
      first: entry.first,
      last: entry.last,
      shown: -Infinity,
    };
    people.set(key, person);
  }
  if (valued) {
    person.milli += entry.milli;
    person.gifts += entry.items;
    person.coins += entry.coins;
    person.bits += entry.bits;
  }
  person.first = Math.min(person.first, entry.first);
  person.last = Math.max(person.last, entry.last);
  // The name of their latest entry is shown.
  if (entry.last >= person.shown) {
    person.shown = entry.last;
    person.name = entry.user.name;
    person.login = entry.user.login;
  }
}

function finish(people: Map<string, Person>): Supporter[] {
  return Array.from(people.values(), ({ shown: _, ...person }) => ({
    ...person,
    points: fromMilli(person.milli),
  }));
}

const byFirst = (a: Supporter, b: Supporter): number =>
  a.first - b.first || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Gifters by value (ties: who gave first), then subscribers and followers by when they came. */
export function supportersOf(entries: Iterable<readonly [string, LedgerEntry]>): Supporters {
  const gifters = new Map<string, Person>();
  const subs = new Map<string, Person>();
  const follows = new Map<string, Person>();
  for (const [key, entry] of entries) {
    if (isValueKey(key)) {
      if (entry.milli > 0) add(gifters, entry, true);
    } else if (key.startsWith('s:')) add(subs, entry, false);
    else if (key.startsWith('f:')) add(follows, entry, false);
  }
  for (const key of gifters.keys()) {
    subs.delete(key);
    follows.delete(key);
  }
  for (const key of subs.keys()) follows.delete(key);
  return {
    gifters: finish(gifters).sort((a, b) => b.milli - a.milli || byFirst(a, b)),
    subscribers: finish(subs).sort(byFirst),
    followers: finish(follows).sort(byFirst),
  };
}

/** The session's totals: points (by platform), gifts, gifters, coins, bits. */
export function totalsOf(gifters: readonly Supporter[]): SessionTotals {
  let milli = 0;
  let gifts = 0;
  let coins = 0;
  let bits = 0;
  const byPlatform: Partial<Record<Platform, number>> = {};
  for (const gifter of gifters) {
    milli += gifter.milli;
    gifts += gifter.gifts;
    coins += gifter.coins;
    bits += gifter.bits;
    byPlatform[gifter.platform] = (byPlatform[gifter.platform] ?? 0) + gifter.milli;
  }
  for (const platform in byPlatform) {
    const key = platform as Platform;
    byPlatform[key] = fromMilli(byPlatform[key] ?? 0);
  }
  return { points: fromMilli(milli), gifts, gifters: gifters.length, coins, bits, byPlatform };
}
