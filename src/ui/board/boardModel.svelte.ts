import type { BoardRow } from '../../core/session/Board';
import { paced } from '../paced';

/** What the board reads from the session: ranked rows and a change signal. */
export interface BoardSource {
  top(n: number): BoardRow[];
  subscribe(listener: () => void): () => void;
}

export interface BoardModelOptions {
  size: number;
  /** How long the newest change stays highlighted, ms. */
  highlightMs?: number;
  /**
   * While gifts come faster than this (a battle), the board redraws at most this often, ms, and
   * its rows move without animating. Every frame a browser source draws costs the machine (in OBS
   * with software rendering, a copy of the whole source): a board re-ranked and animated on each
   * of 1,000 gifts a second drew all the time and took the frames of the alerts page beside it
   * (the bench's burst: 4 fps on the alerts page with a board open, 24 without).
   */
  refreshMs?: number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

/**
 * The board's state over the session: the top rows, and which row changed last (highlighted
 * briefly). The component only renders this; nothing here animates, so a board at rest costs nothing.
 */
export class BoardModel {
  rows = $state.raw<BoardRow[]>([]);
  /** User key of the row whose total changed last, while it is highlighted. */
  changed = $state<string | null>(null);
  /**
   * Gifts are coming faster than the board redraws: it shows them all at once, every `refreshMs`,
   * and its rows jump to their places instead of moving (the component reads this).
   */
  busy = $state(false);

  readonly #source: BoardSource;
  readonly #size: number;
  readonly #highlightMs: number;
  readonly #refreshMs: number;
  readonly #timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;

  constructor(source: BoardSource, options: BoardModelOptions) {
    this.#source = source;
    this.#size = options.size;
    this.#highlightMs = options.highlightMs ?? 2400;
    this.#refreshMs = options.refreshMs ?? REFRESH_MS;
    this.#timers = options.timers ?? globalThis;
    this.rows = source.top(this.#size);
  }

  /** Follows the session until the returned stop is called. */
  start(): () => void {
    let highlight: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const before = new Map(this.rows.map((row) => [row.key, row.value]));
      const next = this.#source.top(this.#size);
      const changed = next.find((row) => before.get(row.key) !== row.value);
      this.rows = next;
      if (!changed) return;
      this.changed = changed.key;
      this.#timers.clearTimeout(highlight);
      highlight = this.#timers.setTimeout(() => {
        this.changed = null;
        highlight = undefined;
      }, this.#highlightMs);
    };
    const { changed, stop } = paced(refresh, {
      ms: this.#refreshMs,
      timers: this.#timers,
      busy: (on) => (this.busy = on),
    });
    const unsubscribe = this.#source.subscribe(changed);
    refresh();
    return () => {
      unsubscribe();
      this.#timers.clearTimeout(highlight);
      stop();
    };
  }
}

/** How often a busy board redraws: twice a second, each time in one frame. */
const REFRESH_MS = 500;
