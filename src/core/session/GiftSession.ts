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
import { milestoneOf, Thanked } from './Thanked';
import { toMilli } from '../event/value';

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
    if (counted && this.#credit(event, who, step)) this.#notify();
    return followed ? null : this.#thank(event, step.moment, counted);
  }

  /** Finishes combos silent for the streak timeout (their moments, final) and saves when due. */
  tick(now: number): Moment[] {
    const outcomes = this.#combos.expire(now);
    let changed = false;
    for (const outcome of outcomes) changed = this.#apply(outcome) || changed;
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

  /** This delivery's moment and what it adds (a combo counts once, when it ends). */
  #combine(event: CoreEvent, who: Who, counted: boolean, now: number): ComboOutcome | null {
    const moment = momentOf(event, who, this.#identities.label(event), now);
    if (!isRanked(event)) return { moment, user: who, add: 0, items: 0, coins: 0 };
    if (!event.combo) {
      const add = toMilli(event.value);
      return { moment, user: who, add, items: giftsOf(event), coins: coinsOf(event) };
    }
    return (counted ? this.#combos : this.#trials).deliver({
      combo: event.combo,
      milli: toMilli(event.value),
      count: moment.count,
      price: event.kind === 'gift' ? event.gift.coins : 0,
      final: event.final,
      now,
      moment,
      user: who,
    });
  }

  /** Credits the board and the goals; true when either changed (the latest name shows too). */
  #credit(event: CoreEvent, who: Who, step: ComboOutcome): boolean {
    let changed = this.#apply(step);
    changed = this.#board.rename(who.key, who.name) || changed;
    if (event.kind === 'like') changed = this.#tally.like(event.count) || changed;
    else if (event.kind === 'follow') changed = this.#tally.follow(who.key) || changed;
    return changed;
  }

  /**
   * The moment worth no points that is thanked: a user's first share (a first follow is the
   * tally's), a like event that carried the room's total past a multiple of `likeStep` (the
   * milestone as its count; the total is TikTok's when it sends one, else the likes counted).
   * A test alert is thanked every time and remembers nothing.
   */
  #thank(event: CoreEvent, moment: Moment, counted: boolean): Moment | null {
    if (event.kind === 'share')
      return !counted || this.#thanked.share(moment.userKey) ? moment : null;
    if (event.kind !== 'like') return moment;
    const step = this.#options.likeStep ?? 0;
    const total = event.total ?? (counted ? this.#tally.value('likes') : event.count);
    const milestone = counted
      ? this.#thanked.likes(total, event.count, step)
      : milestoneOf(total, event.count, step);
    return milestone === null ? null : { ...moment, count: milestone };
  }

  #apply(outcome: ComboOutcome): boolean {
    if (outcome.add > 0) this.#board.add(outcome.user, outcome.add);
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
    // Storage is shared with every page of the origin: treat what it holds as untrusted text.
    const clean = <T extends { name: string; login: string }>(user: T): T => ({
      ...user,
      name: sanitizeName(user.name, user.login),
    });
    this.#board.restore(snapshot.rows.map(clean));
    if (snapshot.tally) this.#tally.restore(snapshot.tally);
    // Saved before goals: the points goal starts from the board's stored rows.
    else
      this.#tally.count(
        snapshot.rows.reduce((sum, row) => sum + row.milli, 0),
        0,
        0,
      );
    if (snapshot.thanked) this.#thanked.restore(snapshot.thanked);
    this.#dedupe.restore(snapshot.ids);
    this.#combos.restore({
      closed: snapshot.closed,
      open: snapshot.open.map((combo) => ({
        ...combo,
        user: clean(combo.user),
        moment: { ...combo.moment, name: sanitizeName(combo.moment.name, combo.user.login) },
      })),
    });
  }
}
