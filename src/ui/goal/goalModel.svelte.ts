import { goalKey, goalProgress, type GoalProgress, type GoalSpec } from '../../core/session/goal';
import { type GoalKind } from '../../core/session/Tally';
import { paced } from '../paced';

/** What the goal bar reads from the session: a count, the celebrations kept with it, a change signal. */
export interface GoalSource {
  goalValue(kind: GoalKind): number;
  celebrated(key: string): number;
  markCelebrated(key: string, level: number): void;
  subscribe(listener: () => void): () => void;
}

export interface GoalModelOptions {
  title: string;
  /** How long a celebration plays (then a repeating goal rolls over), ms. */
  celebrateMs?: number;
  /** While gifts come faster than this (a battle), the bar moves at most this often, ms. */
  refreshMs?: number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

const TITLES: Record<GoalKind, string> = {
  points: 'Goal',
  coins: 'Coin goal',
  likes: 'Like goal',
  follows: 'Follower goal',
  gifts: 'Gift goal',
};

/**
 * The goal bar's state over the session: progress, and a celebration when a new level is reached.
 * "Celebrated" is recorded in the session (so stored with it): a reload, or a second look at the same
 * total, never celebrates twice. Nothing here animates: the bar's CSS does, and ends.
 */
export class GoalModel {
  progress = $state.raw<GoalProgress>({ value: 0, target: 1, fill: 0, percent: 0, level: 0 });
  /** The level being celebrated right now, or 0. */
  celebrating = $state(0);
  /** Celebrations this page has played (a reload starts at 0 and replays none). */
  celebrations = $state(0);
  /** Gifts are coming faster than the bar moves: it steps once per `refreshMs`, quickly. */
  busy = $state(false);
  readonly spec: GoalSpec;
  readonly title: string;

  readonly #source: GoalSource;
  readonly #key: string;
  readonly #celebrateMs: number;
  readonly #refreshMs: number;
  readonly #timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;

  constructor(source: GoalSource, spec: GoalSpec, options: GoalModelOptions) {
    this.#source = source;
    this.spec = spec;
    this.#key = goalKey(spec);
    this.title = options.title || TITLES[spec.kind];
    this.#celebrateMs = options.celebrateMs ?? 3200;
    this.#refreshMs = options.refreshMs ?? REFRESH_MS;
    this.#timers = options.timers ?? globalThis;
    this.progress = goalProgress(spec, source.goalValue(spec.kind));
  }

  /** Follows the session until the returned stop is called. */
  start(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const counted = this.#source.goalValue(this.spec.kind);
      const { level } = goalProgress(this.spec, counted);
      if (level > this.#source.celebrated(this.#key)) {
        this.#source.markCelebrated(this.#key, level);
        // Several levels at once (a big gift on a repeating goal) make one celebration.
        this.celebrating = level;
        this.celebrations++;
        this.#timers.clearTimeout(timer);
        timer = this.#timers.setTimeout(() => {
          timer = undefined;
          this.celebrating = 0;
          refresh();
        }, this.#celebrateMs);
      }
      this.progress = goalProgress(this.spec, counted, this.celebrating || undefined);
    };
    const paces = paced(refresh, {
      ms: this.#refreshMs,
      timers: this.#timers,
      busy: (on) => (this.busy = on),
    });
    const unsubscribe = this.#source.subscribe(paces.changed);
    refresh();
    return () => {
      unsubscribe();
      paces.stop();
      this.#timers.clearTimeout(timer);
    };
  }
}

/**
 * How often a busy bar moves: once a second, with a short glide (GoalBar's gg-goal--busy), so a
 * battle redraws it for a third of the time instead of all the time.
 */
const REFRESH_MS = 1000;
