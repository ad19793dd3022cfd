import type { BoardRow } from '../../core/session/Board';

/** What the board reads from the session: ranked rows and a change signal. */
export interface BoardSource {
  top(n: number): BoardRow[];
  subscribe(listener: () => void): () => void;
}

export interface BoardModelOptions {
  size: number;
  /** How long the newest change stays highlighted, ms. */
  highlightMs?: number;
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

  readonly #source: BoardSource;
  readonly #size: number;
  readonly #highlightMs: number;
  readonly #timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;

  constructor(source: BoardSource, options: BoardModelOptions) {
    this.#source = source;
    this.#size = options.size;
    this.#highlightMs = options.highlightMs ?? 2400;
    this.#timers = options.timers ?? globalThis;
    this.rows = source.top(this.#size);
  }

  /** Follows the session until the returned stop is called. */
  start(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const before = new Map(this.rows.map((row) => [row.key, row.value]));
      const next = this.#source.top(this.#size);
      const changed = next.find((row) => before.get(row.key) !== row.value);
      this.rows = next;
      if (!changed) return;
      this.changed = changed.key;
      if (timer !== undefined) this.#timers.clearTimeout(timer);
      timer = this.#timers.setTimeout(() => {
        this.changed = null;
        timer = undefined;
      }, this.#highlightMs);
    };
    const unsubscribe = this.#source.subscribe(refresh);
    refresh();
    return () => {
      unsubscribe();
      if (timer !== undefined) this.#timers.clearTimeout(timer);
    };
  }
}
