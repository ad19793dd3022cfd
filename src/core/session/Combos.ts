import type { BoardUser } from './Board';
import type { Combo } from '../event/events';
import type { Moment } from '../alerts/moment';
import { RecentMap } from '../RecentMap';
import { fromMilli } from '../event/value';

/**
 * Streaks and gift bombs, read only through the structural `Combo` of each delivery:
 * - a `total` delivery carries the cumulative value so far (a TikTok streak step, a bomb header):
 *   keep the best, never sum;
 * - a `part` delivery is one distinct piece (one sub of a bomb; dedupe has already made ids unique):
 *   sum them;
 * - a combo is worth max(best total, sum of parts) and counts once: on a `final` delivery or after
 *   a silence. A delivery for a closed combo, within KEY_REUSE_MS, adds only what it raises the
 *   worth above what was counted (a late step with a higher count after a timeout) and otherwise
 *   changes nothing (a late bomb part already counted by its header, a repeated end marker, a stale
 *   step). Later than that, the key starts a new combo (old Twitch bomb lines reuse gifter + tier).
 * All values here are integer milli-points.
 */

interface Worth {
  best: number;
  bestCount: number;
  parts: number;
  partCount: number;
}

export interface OpenCombo extends Worth {
  key: string;
  /** Who the combo's value goes to on the board. */
  user: BoardUser;
  lastAt: number;
  moment: Moment;
  /** Coins of one item (a TikTok gift's price; 0 for Twitch): the combo's coins are items x price. */
  price?: number;
  /** Its key in the session's ledger (ledger.ts); missing: `c:<key>`. */
  entry?: string;
}

export interface ClosedCombo extends Worth {
  counted: number;
  /** When it closed: a delivery KEY_REUSE_MS later starts a new combo under the same key. */
  closedAt: number;
  /** Items counted so far (missing in a session saved before goals: all of its count). */
  items?: number;
  price?: number;
  entry?: string;
}

export interface Delivery {
  combo: Combo;
  /** Milli-points of this delivery (cumulative for a `total`). */
  milli: number;
  /** Items in this delivery (cumulative for a `total`). */
  count: number;
  /** Coins of one item (0 when not a TikTok gift). */
  price: number;
  final: boolean;
  now: number;
  /** The delivery's event id: a reused key's new combo is told apart by it in the ledger. */
  id: string;
  /** The moment this delivery would show on its own (id = the combo key): name, gift, callout. */
  moment: Moment;
  user: BoardUser;
}

/**
 * What a delivery or a silence did: the moment to show, the milli-points it adds to the board, and
 * the items and coins it adds to the session's goals (counted when the board counts the value).
 */
export interface ComboOutcome {
  moment: Moment;
  user: BoardUser;
  add: number;
  items: number;
  coins: number;
  /** When it adds: its ledger key and what that key has counted in all (ledger.ts). */
  counted?: { entry: string; milli: number; items: number; coins: number; bits?: number };
}

const entryOf = (c: { entry?: string }, key: string): string => c.entry ?? `c:${key}`;

const worthOf = (w: Worth): number => Math.max(w.best, w.parts);
const countOf = (w: Worth): number => (w.best >= w.parts ? w.bestCount : w.partCount);

function apply(w: Worth, role: Combo['role'], milli: number, count: number): void {
  if (role === 'total') {
    if (milli > w.best || (milli === w.best && count > w.bestCount)) {
      w.best = milli;
      w.bestCount = count;
    }
  } else {
    w.parts += milli;
    w.partCount += count;
  }
}

/**
 * The combo's moment: the latest delivery's name and picture, the combo's id, count, worth and
 * TikTok coins (`price`: coins of one gift, 0 for a bomb).
 */
function show(
  w: Worth,
  latest: Moment,
  at: { startedAt: number; now: number; price: number },
  final: boolean,
): Moment {
  const count = countOf(w);
  return {
    ...latest,
    startedAt: at.startedAt,
    count,
    value: fromMilli(worthOf(w)),
    coins: at.price * count,
    updatedAt: at.now,
    final,
  };
}

/**
 * How long a closed combo's key keeps absorbing late deliveries. Past it, the key starts a new
 * combo: Twitch bomb lines without a community gift id are keyed by gifter + tier, so the same
 * gifter's next bomb reuses the key. A minute covers late lines yet parts two such bombs.
 */
export const KEY_REUSE_MS = 60_000;

export class Combos {
  readonly #open = new Map<string, OpenCombo>();
  readonly #closed: RecentMap<ClosedCombo>;
  readonly #timeoutMs: number;
  readonly #reuseAfterMs: number;

  constructor(options: { timeoutMs: number; closedCapacity: number; reuseAfterMs?: number }) {
    this.#timeoutMs = options.timeoutMs;
    this.#reuseAfterMs = Math.max(options.reuseAfterMs ?? KEY_REUSE_MS, options.timeoutMs);
    this.#closed = new RecentMap(options.closedCapacity);
  }

  get openCount(): number {
    return this.#open.size;
  }

  /** null: the delivery changes nothing (stale step, late part, repeated end marker). */
  deliver(d: Delivery): ComboOutcome | null {
    const key = d.combo.key;
    let open = this.#open.get(key);
    const isNew = !open;
    if (!open) {
      // Open and closed keys never overlap: look in the closed memory only for an unknown key.
      const closed = this.#closed.get(key);
      // Keys can be reused: Twitch bombs without a community gift id are keyed by gifter and tier.
      if (closed && d.now - closed.closedAt <= this.#reuseAfterMs) return this.#late(closed, d);
      // `moment` gets its startedAt from show() below.
      const w = { best: 0, bestCount: 0, parts: 0, partCount: 0 };
      open = { ...w, key, user: d.user, lastAt: d.now, moment: d.moment, price: d.price };
      // A reused key's new combo is another ledger entry, named by the delivery that opened it.
      if (closed) open.entry = `c:${key}~${d.id}`;
    }
    const startedAt = isNew ? d.now : open.moment.startedAt;
    const before = worthOf(open);
    const countBefore = countOf(open);
    apply(open, d.combo.role, d.milli, d.count);
    if (!isNew && !d.final && worthOf(open) === before && countOf(open) === countBefore)
      return null;
    open.lastAt = d.now;
    open.user = d.user;
    open.price = d.price;
    if (d.final) {
      if (!isNew) this.#open.delete(key);
      open.moment = show(open, d.moment, { startedAt, now: d.now, price: d.price }, true);
      return this.#close(open, d.now, open.moment);
    }
    open.moment = show(open, d.moment, { startedAt, now: d.now, price: d.price }, false);
    if (isNew) this.#open.set(key, open);
    return { moment: open.moment, user: open.user, add: 0, items: 0, coins: 0 };
  }

  /**
   * Finishes every combo silent for the timeout, with what it has, in the order they started. It
   * looks at every open combo (a few dozen, checked once a second) so that a step never has to
   * move its combo to the end of an ordered map: two map writes saved on every step.
   */
  expire(now: number): ComboOutcome[] {
    const done: ComboOutcome[] = [];
    for (const open of this.#open.values()) {
      if (now - open.lastAt < this.#timeoutMs) continue;
      this.#open.delete(open.key);
      done.push(this.#close(open, now, { ...open.moment, final: true, updatedAt: now }));
    }
    return done;
  }

  /** `moment`: the combo's final moment (a fresh object: the open one may already be shown). */
  #close(open: OpenCombo, now: number, moment: Moment): ComboOutcome {
    const counted = worthOf(open);
    const items = countOf(open);
    const price = open.price ?? 0;
    const { best, bestCount, parts, partCount } = open;
    const entry = entryOf(open, open.key);
    const closed = { best, bestCount, parts, partCount, counted, closedAt: now, items, price };
    this.#closed.set(open.key, open.entry ? { ...closed, entry } : closed);
    const coins = items * price;
    const total = { entry, milli: counted, items, coins };
    return { moment, user: open.user, add: counted, items, coins, counted: total };
  }

  #late(closed: ClosedCombo, d: Delivery): ComboOutcome | null {
    apply(closed, d.combo.role, d.milli, d.count);
    const add = worthOf(closed) - closed.counted;
    if (add <= 0) return null;
    closed.counted += add;
    const counted = closed.items ?? countOf(closed);
    const items = Math.max(0, countOf(closed) - counted);
    closed.items = counted + items;
    const price = d.price || (closed.price ?? 0);
    const coins = items * price;
    const total = {
      entry: entryOf(closed, d.combo.key),
      milli: closed.counted,
      items: closed.items,
      coins: closed.items * price,
    };
    const moment = show(closed, d.moment, { startedAt: d.now, now: d.now, price }, true);
    return { moment, user: d.user, add, items, coins, counted: total };
  }

  /**
   * Remembers a combo counted elsewhere (the server's copy of the session) as closed now, so a
   * replay of its steps counts nothing; a combo this page knows is left as it is.
   */
  remember(key: string, counted: { milli: number; items: number }, now: number): void {
    if (this.#open.has(key) || this.#closed.has(key)) return;
    const { milli, items } = counted;
    const worth = { best: milli, bestCount: items, parts: 0, partCount: 0 };
    this.#closed.set(key, { ...worth, counted: milli, closedAt: now, items, price: 0 });
  }

  /** Open and (newest) closed combos, for persistence. */
  snapshot(closedLimit: number): { open: OpenCombo[]; closed: [string, ClosedCombo][] } {
    const open = Array.from(this.#open.values(), (combo) => {
      // Only the board's view of the sender is kept: the session's identity carries more.
      const { key, name, login, platform } = combo.user;
      return { ...combo, user: { key, name, login, platform } };
    });
    return { open, closed: this.#closed.newest(closedLimit) };
  }

  restore(state: {
    open: readonly OpenCombo[];
    closed: readonly (readonly [string, ClosedCombo])[];
  }): void {
    for (const [key, closed] of state.closed) this.#closed.set(key, { ...closed });
    const open = [...state.open].sort((a, b) => a.lastAt - b.lastAt);
    for (const combo of open)
      if (!this.#closed.has(combo.key)) this.#open.set(combo.key, { ...combo });
  }
}
