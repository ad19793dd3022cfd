import { Board, type BoardRow } from './board';
import { Combos, type ComboOutcome } from './combos';
import { Dedupe } from './dedupe';
import { countOf } from './describe';
import { isRanked, type CoreEvent } from './events';
import { Identities, type Who } from './identities';
import type { Moment } from './moment';
import { sanitizeName } from './names';
import {
  loadSnapshot,
  saveSnapshot,
  storageKey,
  type KeyValueStore,
  type Snapshot,
} from './persist';
import { DEFAULT_LIMITS, type SessionLimits, type SessionOptions } from './sessionOptions';
import { coinsOf, giftsOf, Tally, type GoalKind } from './tally';
import { toMilli } from './value';

export type { BoardRow } from './board';
export type { KeyValueStore } from './persist';
export { DEFAULT_LIMITS, sessionOptions } from './sessionOptions';
export type { SessionLimits, SessionOptions } from './sessionOptions';

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
    this.#store = options.store;
    this.#key = storageKey(config.session, config.role);
    this.#lastSave = options.now;
    if (this.#store) this.#restore(this.#store);
  }

  /** Deliveries dropped, by reason: duplicate, stale (changes nothing), invalid. */
  get drops(): Readonly<Record<string, number>> {
    return this.#drops;
  }

  /** A storage problem to show once (corrupt, foreign, full or missing storage), or null. */
  get storageProblem(): string | null {
    return this.#problem;
  }

  /** Gifters on the board (hidden ones included). */
  get gifters(): number {
    return this.#board.size;
  }

  /** The moment to show for this delivery, or null when it is dropped. */
  ingest(event: CoreEvent, now: number): Moment | null {
    if (!(event.value >= 0 && event.value <= MAX_EVENT_POINTS)) return this.#drop('invalid');
    if (!this.#dedupe.firstSeen(event)) return this.#drop('duplicate');
    this.#dirty = true;
    const ranked = isRanked(event);
    // A test alert is thanked like a real one; it reaches the board only in a rehearsal session.
    const counted = event.test !== true || this.#options.countTests === true;
    const who = this.#identities.of(event, counted && ranked && event.value > 0);
    let row = who.row;
    let changed = false;
    if (!counted) {
      // Never seated on a row, never renames one.
    } else if (row === undefined) {
      // A row made by a silence (tick) or restored from storage has no identity yet: look it up once.
      row = this.#board.rowOf(who.key);
      if (row) this.#identities.seat(event, who, row);
    }
    // A name seen before is on the row already: a streak step need not even read the row.
    if (counted && row !== undefined && who.fresh) changed = this.#board.renameRow(row, who.name);
    if (counted) who.fresh = false;
    const gift = event.kind === 'gift' ? event.gift : undefined;
    // One literal with every field (the same shape for every moment: V8 keeps one fast path).
    const moment: Moment = {
      id: event.combo && ranked ? event.combo.key : event.id,
      kind: event.kind,
      platform: event.platform,
      userKey: who.key,
      name: who.momentName,
      gift: this.#identities.label(event),
      giftId: gift?.id,
      image: gift?.image,
      count: countOf(event),
      value: ranked ? event.value : 0,
      final: true,
      startedAt: now,
      updatedAt: now,
      callout: who.callout,
    };
    let result: Moment | null = moment;
    if (!ranked) {
      // Follows, raids, likes, shares: shown, never ranked; likes and follows count towards goals.
      if (!counted) {
        // A test follow or like is shown, never counted towards a goal.
      } else if (event.kind === 'like') changed = this.#tally.like(event.count) || changed;
      else if (event.kind === 'follow') changed = this.#tally.follow(who.key) || changed;
    } else if (!event.combo) {
      if (counted) {
        const milli = toMilli(event.value);
        changed = this.#add(event, who, milli) || changed;
        changed = this.#tally.count(milli, giftsOf(event), coinsOf(event)) || changed;
      }
    } else {
      const combos = counted ? this.#combos : this.#trials;
      const outcome = combos.deliver({
        combo: event.combo,
        milli: toMilli(event.value),
        count: moment.count,
        price: gift ? gift.coins : 0,
        final: event.final,
        now,
        moment,
        user: who,
      });
      result = outcome ? outcome.moment : this.#drop('stale');
      // The outcome's user is this delivery's (`who`): add through the identity's row.
      if (outcome && counted) {
        changed = this.#add(event, who, outcome.add) || changed;
        changed = this.#tally.count(outcome.add, outcome.items, outcome.coins) || changed;
      }
    }
    if (changed) this.#notify();
    return result;
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
    };
    const problem = saveSnapshot(this.#store, this.#key, snapshot);
    this.#problem ??= problem;
    this.#dirty = problem !== null;
    return problem === null;
  }

  /** Adds to the sender's total through the row kept on their identity (no lookup by key). */
  #add(event: CoreEvent, who: Who, milli: number): boolean {
    if (!(milli > 0)) return false;
    if (who.row) this.#board.credit(who.row, who.name, milli);
    // ingest() looked the key up on the board already: no row there.
    else this.#identities.seat(event, who, this.#board.join(who, milli));
    return true;
  }

  #apply(outcome: ComboOutcome): boolean {
    this.#board.add(outcome.user, outcome.add);
    const counted = this.#tally.count(outcome.add, outcome.items, outcome.coins);
    return outcome.add > 0 || counted;
  }

  #drop(reason: string): null {
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
