import { supportersOf, totalsOf, type Supporters } from '../../core/session/supporters';
import { thanksCsv, thanksText } from '../../core/session/thanks';
import type { SessionAnswer, SessionsAnswer } from '../../wire/sessionAnswers';
import { SessionsClient } from './sessionsClient';

const POLL_MS = 3_000;

/**
 * The start page's "This stream": the live session as the server keeps it (what OBS's pages
 * saved), the sessions kept, and what can be done with them. Polls while the page is open.
 */
export class StreamState {
  /** The live session's name (the start page's `session=`). */
  name = $state('default');
  live = $state<SessionAnswer | null>(null);
  /** null: no server keeps sessions here (or not asked yet: `asked`). */
  kept = $state<SessionsAnswer | null>(null);
  asked = $state(false);
  /** What the last action did, in words. */
  message = $state('');

  readonly supporters: Supporters = $derived(supportersOf(this.live?.ledger ?? []));
  readonly totals = $derived(totalsOf(this.supporters.gifters));

  readonly #client: SessionsClient;

  constructor(pageHref: string) {
    this.#client = new SessionsClient(pageHref);
  }

  start(): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      await this.refresh();
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  async refresh(): Promise<void> {
    const name = this.name;
    const [kept, live] = await Promise.all([this.#client.list(), this.#client.get(name)]);
    this.kept = kept;
    this.asked = true;
    if (name === this.name) this.live = live;
  }

  /** Follows: how many followed in this session (the goal's `follows`). */
  get follows(): number {
    return (this.live?.ledger ?? []).filter(([key]) => key.startsWith('f:')).length;
  }

  csv(): string {
    return thanksCsv(this.supporters, (ms) => new Date(ms).toISOString());
  }

  text(): string {
    return thanksText(this.supporters);
  }

  async create(name: string): Promise<void> {
    await this.#act(this.#client.create(name), `Started ${name}: an empty board.`);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.#act(this.#client.rename(from, to), `Renamed ${from} to ${to}.`);
  }

  async remove(name: string): Promise<void> {
    await this.#act(this.#client.remove(name), `Deleted ${name}.`);
  }

  async #act(
    done: Promise<{ ok: true } | { ok: false; why: string }>,
    said: string,
  ): Promise<void> {
    const result = await done;
    this.message = result.ok ? said : `Not done: ${result.why}`;
    await this.refresh();
  }
}
