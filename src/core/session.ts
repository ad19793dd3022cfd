import type { Config } from './config';
import { Board, type BoardRow, type BoardUser } from './board';
import { compileBlocklist, maskName, type BlockAction, type Blocklist } from './blocklist';
import { Combos, type ComboOutcome } from './combos';
import { Dedupe } from './dedupe';
import { countOf, giftLabel } from './describe';
import { isRanked, type CoreEvent, type Platform } from './events';
import type { Moment } from './moment';
import { ANONYMOUS, sanitizeName } from './names';
import {
  loadSnapshot,
  saveSnapshot,
  storageKey,
  type KeyValueStore,
  type Snapshot,
} from './persist';
import { RecentMap } from './recent';
import { toMilli } from './value';

export type { BoardRow } from './board';
export type { KeyValueStore } from './persist';

/** Bounds that keep a stream left running for hours in fixed memory and storage. */
export interface SessionLimits {
  /** Event ids remembered for dedupe. */
  ids: number;
  /** Closed combo keys remembered (late deliveries of them change nothing). */
  closedCombos: number;
  /** Ids, closed combos and board rows written to storage (the best rows first). */
  persistIds: number;
  persistClosed: number;
  persistRows: number;
  /** Least time between two saves from tick(). */
  saveIntervalMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  ids: 20_000,
  closedCombos: 5_000,
  persistIds: 5_000,
  persistClosed: 1_000,
  persistRows: 3_000,
  saveIntervalMs: 2_000,
};

export interface SessionOptions {
  /** Session name (URL `session`): its board survives reloads. */
  session: string;
  /** The page ('alerts', 'board'): each page keeps its own copy, so two sources never overwrite each other. */
  role: string;
  /** A combo silent this long is finished with what arrived. */
  streakTimeoutMs: number;
  block: readonly string[];
  blockAction: BlockAction;
  /** Logins kept off `top()` (still counted). */
  hide: readonly string[];
  limits?: Partial<SessionLimits>;
}

interface Who {
  key: string;
  login: string;
  platform: Platform;
  /** The board's view of the sender (the masked name when blocked). */
  user: BoardUser;
  /** Sanitised name. */
  name: string;
  /** What the board shows: masked when the blocklist matched. */
  boardName: string;
  /** What the callout shows. */
  momentName: string;
  callout: boolean;
  raw: string;
}

/** Every anonymous gifter shares one board row. */
const ANONYMOUS_KEY = 'anonymous';

/**
 * One stream session: dedupe -> streaks and bombs -> board, with persistence. Pure: time comes in as
 * `now`, storage as a `KeyValueStore`. Shared logic reads only the structural fields of events.
 */
export class GiftSession {
  readonly #options: SessionOptions;
  readonly #limits: SessionLimits;
  readonly #board: Board;
  readonly #combos: Combos;
  readonly #dedupe: Dedupe;
  readonly #blocklist: Blocklist;
  readonly #who: RecentMap<Who>;
  readonly #labels = new RecentMap<string>(1_000);
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
    this.#dedupe = new Dedupe(this.#limits.ids);
    this.#blocklist = compileBlocklist(config.block);
    this.#who = new RecentMap(10_000);
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
    if (!Number.isFinite(event.value) || event.value < 0) return this.#drop('invalid');
    if (!this.#dedupe.firstSeen(event)) return this.#drop('duplicate');
    this.#dirty = true;
    const who = this.#identify(event);
    let changed = this.#board.rename(who.key, who.boardName);
    const ranked = isRanked(event);
    const moment: Moment = {
      id: event.combo && ranked ? event.combo.key : event.id,
      kind: event.kind,
      platform: event.platform,
      userKey: who.key,
      name: who.momentName,
      gift: this.#label(event),
      count: countOf(event),
      value: ranked ? event.value : 0,
      final: true,
      startedAt: now,
      updatedAt: now,
      callout: who.callout,
    };
    if (event.kind === 'gift') {
      moment.giftId = event.gift.id;
      if (event.gift.image !== undefined) moment.image = event.gift.image;
    }
    const user = who.user;
    let result: Moment | null = moment;
    if (!ranked) {
      // Follows, raids, likes, shares: shown, never ranked.
    } else if (!event.combo) {
      const milli = toMilli(event.value);
      this.#board.add(user, milli);
      changed ||= milli > 0;
    } else {
      const milli = toMilli(event.value);
      const outcome = this.#combos.deliver({
        combo: event.combo,
        milli,
        count: moment.count,
        final: event.final,
        now,
        moment,
        user,
      });
      result = outcome ? outcome.moment : this.#drop('stale');
      if (outcome) changed = this.#apply(outcome) || changed;
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
    return outcomes.map((outcome) => outcome.moment);
  }

  /** The best `n` gifters, hidden logins left out. Cheap: call it on every change. */
  top(n: number): BoardRow[] {
    return this.#board.top(n);
  }

  /** Calls `listener` whenever the board changed; returns the unsubscribe. */
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
    };
    const problem = saveSnapshot(this.#store, this.#key, snapshot);
    this.#problem ??= problem;
    this.#dirty = problem !== null;
    return problem === null;
  }

  #apply(outcome: ComboOutcome): boolean {
    this.#board.add(outcome.user, outcome.add);
    return outcome.add > 0;
  }

  /** Gift names are sanitised once per distinct name, not once per delivery. */
  #label(event: CoreEvent): string {
    if (event.kind !== 'gift') return giftLabel(event);
    let label = this.#labels.get(event.gift.name);
    if (label === undefined) {
      label = giftLabel(event);
      this.#labels.set(event.gift.name, label);
    }
    return label;
  }

  #identify(event: CoreEvent): Who {
    const sender = event.sender;
    const key = sender.anonymous ? ANONYMOUS_KEY : sender.key;
    const cached = this.#who.get(key);
    if (cached && cached.raw === sender.name && cached.login === sender.login) return cached;
    const name = sender.anonymous ? ANONYMOUS : sanitizeName(sender.name, sender.login);
    const blocked = !sender.anonymous && this.#blocklist.matches(sender.name, name, sender.login);
    const masked = blocked ? maskName(name) : name;
    const skip = blocked && this.#options.blockAction === 'skip';
    const login = sender.anonymous ? '' : sender.login;
    const who: Who = {
      key,
      login,
      platform: event.platform,
      user: { key, name: masked, login, platform: event.platform },
      name,
      boardName: masked,
      momentName: skip ? name : masked,
      callout: !skip,
      raw: sender.name,
    };
    this.#who.set(key, who);
    return who;
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

/** Session options from the page's URL config; `role` is the page ('alerts', 'board'). */
export function sessionOptions(config: Config, role: string): SessionOptions {
  return {
    session: config.session,
    role,
    streakTimeoutMs: config.streak * 1000,
    block: config.block,
    blockAction: config.blockaction,
    hide: config.hide,
  };
}
