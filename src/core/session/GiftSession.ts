import { Board, type BoardRow } from './Board';
import { Combos, type ComboOutcome } from './Combos';
import { Dedupe } from './Dedupe';
import { isRanked, type CoreEvent } from '../event/events';
import { Identities, type Who } from './Identities';
import { momentOf, type Moment } from '../alerts/moment';
import { sanitizeName } from '../text/names';
import {
  loadSnapshot,
  saveSnapshot,
  storageKey,
  type KeyValueStore,
  type Snapshot,
} from './persist';
import type { SessionDropReason } from './sessionDrops';
import { DEFAULT_LIMITS, type SessionLimits, type SessionOptions } from './sessionOptions';
import { coinsOf, giftsOf, Tally, type GoalKind } from './Tally';
import { Thanked } from './Thanked';
import { toMilli } from '../event/value';
import { LedgerLog } from './LedgerLog';
import type { LedgerEntry } from './ledger';
import { supportersOf, totalsOf } from './supporters';

/**
 * Points one delivery may carry (a billion: far above any real gift). Absurd values from a broken or
 * hostile feed are dropped, so board totals stay exact integers of milli-points (below 2^53).
 */
export const MAX_EVENT_POINTS = 1e9;

/**
 * One stream session: dedupe -> streaks and bombs -> board, with persistence. Pure: time comes in as
 * `now`, storage as a `KeyValueStore`. Shared logic reads only the structural fields of events.
 */
export class GiftSession {
  readonly #options: SessionOptions;
  readonly #limits: SessionLimits;
  readonly #board: Board;
  readonly #combos: Combos;
  /** Streaks and bombs of test alerts that are not counted: shown, finished, never on the board. */
  readonly #trials: Combos;
  readonly #dedupe: Dedupe;
  readonly #identities: Identities;
  readonly #tally: Tally;
  readonly #thanked: Thanked;
  /** What was counted, for the server's copy of the session (ledger.ts). */
  readonly #ledger = new LedgerLog();
  readonly #listeners = new Set<() => void>();
  readonly #drops: Record<string, number> = {};
  readonly #store: KeyValueStore | undefined;
  readonly #key: string;
  #dirty = false;
  #lastSave: number;
  #problem: string | null = null;

  constructor(options: { config: SessionOptions; store?: KeyValueStore; now: number }) {
    const config = options.config;
    this.#options = config;
    this.#limits = { ...DEFAULT_LIMITS, ...config.limits };
    this.#board = new Board({ hide: config.hide });
    this.#combos = new Combos({
      timeoutMs: config.streakTimeoutMs,
      closedCapacity: this.#limits.closedCombos,
    });
    this.#trials = new Combos({ timeoutMs: config.streakTimeoutMs, closedCapacity: 100 });
    this.#dedupe = new Dedupe(this.#limits.ids);
    this.#identities = new Identities(config.block, config.blockAction);
    this.#tally = new Tally(this.#limits.followers);
    this.#thanked = new Thanked(this.#limits.followers);
    this.#store = options.store;
    this.#key = storageKey(config.session, config.role);
    this.#lastSave = options.now;
    if (this.#store) this.#restore(this.#store);
  }

  /**
   * Deliveries dropped, by reason: duplicate, stale (changes nothing), invalid, and listener-error
   * (a subscriber threw). The pages log each one and show them on `window.__giftglow.session`.
   */
  get drops(): Readonly<Record<string, number>> {
    return this.#drops;
  }

  /** A storage problem to show once (corrupt, foreign, full or missing storage), or null. */
  get storageProblem(): string | null {
    return this.#problem;
  }

  /** Gifters on the board (hidden ones included), shown on `window.__giftglow.session`. */
  get gifters(): number {
    return this.#board.size;
  }

  /**
   * One delivery: dedupe, combo (a streak or bomb step), credit the board and the goals, and the
   * moment to show; null when it is dropped (a duplicate, a stale step, an absurd value) or when
   * it has nothing to thank (a user's second follow or share, a like that crossed no milestone).
   */
  ingest(event: CoreEvent, now: number): Moment | null {
    if (!(event.value >= 0 && event.value <= MAX_EVENT_POINTS)) return this.#drop('invalid');
    if (!this.#dedupe.firstSeen(event)) return this.#drop('duplicate');
    this.#dirty = true;
    // A test alert is thanked like a real one; it reaches the board only in a rehearsal session.
    const counted = event.test !== true || this.#options.countTests === true;
    const who = this.#identities.of(event);
    const step = this.#combine(event, who, counted, now);
    if (!step) return this.#drop('stale');
    const followed = event.kind === 'follow' && counted && this.#tally.followed(who.key);
    if (counted && this.#credit(event, who, step, now)) this.#notify();
    if (followed) return null;
    const likes = { step: this.#options.likeStep ?? 0, countedLikes: this.#tally.value('likes') };
    return this.#thanked.thank(event, step.moment, { counted, ...likes });
  }

  /** Finishes combos silent for the streak timeout (their moments, final) and saves when due. */
  tick(now: number): Moment[] {
    const outcomes = this.#combos.expire(now);
    let changed = false;
    for (const outcome of outcomes) changed = this.#apply(outcome, now) || changed;
    if (outcomes.length > 0) this.#dirty = true;
    if (now - this.#lastSave >= this.#limits.saveIntervalMs) this.save(now);
    if (changed) this.#notify();
    const trials = this.#trials.openCount > 0 ? this.#trials.expire(now) : [];
    return outcomes.concat(trials).map((outcome) => outcome.moment);
  }

  /** The best `n` gifters, hidden logins left out. Cheap: call it on every change. */
  top(n: number): BoardRow[] {
    return this.#board.top(n);
  }

  /** A goal's count so far: what the board counted (points, coins, gifts), likes or follows. */
  goalValue(kind: GoalKind): number {
    return this.#tally.value(kind);
  }

  /** How many times the goal `key` (see goalKey) was celebrated in this session. */
  celebrated(key: string): number {
    return this.#tally.celebrated(key);
  }

  /** Records a celebration, kept with the session so a reload does not celebrate again. */
  markCelebrated(key: string, level: number): void {
    if (this.#tally.markCelebrated(key, level)) this.#dirty = true;
  }

  /** Calls `listener` whenever the board or a goal count changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Writes the session to storage if anything changed (call it on pagehide too). True if written. */
  save(now: number): boolean {
    this.#lastSave = now;
    if (!this.#store || !this.#dirty) return false;
    const { open, closed } = this.#combos.snapshot(this.#limits.persistClosed);
    const snapshot: Snapshot = {
      v: 1,
      savedAt: now,
      rows: this.#board.entries(this.#limits.persistRows),
      ids: this.#dedupe.newest(this.#limits.persistIds),
      closed,
      open,
      tally: this.#tally.snapshot(this.#limits.persistFollowers),
      thanked: this.#thanked.snapshot(this.#limits.persistFollowers),
    };
    const problem = saveSnapshot(this.#store, this.#key, snapshot);
    this.#problem ??= problem;
    this.#dirty = problem !== null;
    return problem === null;
  }

  /** What was counted since the last drain, for the server (ledger.ts); put back what failed. */
  drainLedger(): [string, LedgerEntry][] {
    return this.#ledger.drain();
  }

  requeueLedger(entries: Iterable<readonly [string, LedgerEntry]>): void {
    this.#ledger.put(entries);
  }

  /**
   * Takes in the server's copy of the session (every page's ledger merged): a gifter's total
   * rises to the ledger's where it is higher, as do the goal counts; its events and combos count
   * nothing again. Never lowers anything, so taking it twice changes nothing more.
   */
  adopt(entries: readonly LedgerPair[], shared: { likes: number }, now: number): void {
    const { gifters, followers } = supportersOf(entries);
    let changed = false;
    for (const gifter of gifters) {
      const more = gifter.milli - this.#board.milliOf(gifter.key);
      if (more > 0) this.#board.add(gifter, more);
      changed ||= more > 0;
    }
    const { points, gifts, coins } = totalsOf(gifters);
    if (this.#tally.atLeast(toMilli(points), gifts, coins, shared.likes)) changed = true;
    for (const follower of followers) changed = this.#tally.follow(follower.key) || changed;
    for (const [key, entry] of entries) {
      if (key.startsWith('e:')) this.#dedupe.restore([key.slice(2)]);
      else if (key.startsWith('c:') && !key.includes('~'))
        this.#combos.remember(key.slice(2), entry, now);
    }
    this.#dirty = true;
    if (changed) this.#notify();
  }

  /** This delivery's moment and what it adds (a combo counts once, when it ends). */
  #combine(event: CoreEvent, who: Who, counted: boolean, now: number): ComboOutcome | null {
    const moment = momentOf(event, who, this.#identities.label(event), now);
    if (!isRanked(event)) return { moment, user: who, add: 0, items: 0, coins: 0 };
    if (!event.combo) {
      const add = toMilli(event.value);
      const items = giftsOf(event);
      const coins = coinsOf(event);
      // An event without an id cannot be told apart from a copy: this page's own key (as today).
      const id = event.id || `~${who.key}:${now}`;
      const bits = event.kind === 'cheer' ? event.bits : 0;
      const counted = { entry: `e:${event.platform}:${id}`, milli: add, items, coins, bits };
      return { moment, user: who, add, items, coins, counted };
    }
    return (counted ? this.#combos : this.#trials).deliver({
      combo: event.combo,
      milli: toMilli(event.value),
      count: moment.count,
      price: event.kind === 'gift' ? event.gift.coins : 0,
      final: event.final,
      now,
      id: event.id,
      moment,
      user: who,
    });
  }

  /** Credits the board and the goals; true when either changed (the latest name shows too). */
  #credit(event: CoreEvent, who: Who, step: ComboOutcome, now: number): boolean {
    let changed = this.#apply(step, now);
    changed = this.#board.rename(who.key, who.name) || changed;
    if (event.kind === 'like') changed = this.#tally.like(event.count) || changed;
    else if (event.kind === 'follow') changed = this.#tally.follow(who.key) || changed;
    if (event.kind === 'follow' || event.kind === 'sub') {
      const none = { milli: 0, items: 0, coins: 0, bits: 0 };
      this.#ledger.record(`${event.kind === 'sub' ? 's' : 'f'}:${who.key}`, who, none, event.at);
    }
    return changed;
  }

  #apply(outcome: ComboOutcome, now: number): boolean {
    const total = outcome.counted;
    if (outcome.add > 0) this.#board.add(outcome.user, outcome.add);
    if (total && outcome.add > 0)
      this.#ledger.record(total.entry, outcome.user, { bits: 0, ...total }, now);
    const counted = this.#tally.count(outcome.add, outcome.items, outcome.coins);
    return outcome.add > 0 || counted;
  }

  #drop(reason: SessionDropReason): null {
    this.#drops[reason] = (this.#drops[reason] ?? 0) + 1;
    return null;
  }

  #notify(): void {
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch {
        this.#drop('listener-error');
      }
    }
  }

  #restore(store: KeyValueStore): void {
    const { snapshot, problem } = loadSnapshot(store, this.#key);
    this.#problem = problem;
    if (!snapshot) return;
    this.#board.restore(snapshot.rows.map(cleanUser));
    if (snapshot.tally) this.#tally.restore(snapshot.tally);
    // Saved before goals: the points goal starts from the board's stored rows.
    else this.#tally.count(sumMilli(snapshot.rows), 0, 0);
    if (snapshot.thanked) this.#thanked.restore(snapshot.thanked);
    this.#dedupe.restore(snapshot.ids);
    this.#combos.restore({
      closed: snapshot.closed,
      open: snapshot.open.map((combo) => ({
        ...combo,
        user: cleanUser(combo.user),
        moment: { ...combo.moment, name: sanitizeName(combo.moment.name, combo.user.login) },
      })),
    });
  }
}

/** Storage is shared with every page of the origin: a stored name is untrusted text. */
function cleanUser<T extends { name: string; login: string }>(user: T): T {
  return { ...user, name: sanitizeName(user.name, user.login) };
}

type LedgerPair = readonly [string, LedgerEntry];

const sumMilli = (rows: readonly { milli: number }[]) => rows.reduce((sum, r) => sum + r.milli, 0);
