import { backoffDelay } from '../../core/retry/backoff.ts';
import type { TikTokStatus } from '../../wire/tiktokLive.ts';
import { LINK_TIMING, type LinkTiming } from './linkTiming.ts';
import { inWords } from '../../wire/tiktokStatusText.ts';
import type { LinkTimers } from './linkTimers.ts';
import { SignBudget } from './SignBudget.ts';
import { shortText } from './tiktokFailure.ts';
import {
  failure,
  type Check,
  type Connected,
  type Failure,
  type OpenTikTok,
  type SessionListener,
  type TikTokPort,
} from './tiktokPort.ts';
import { withDeadline } from './withDeadline.ts';

/**
 * One username's connection to TikTok LIVE, as a state machine over the wire's states
 * (src/wire/tiktokLive.ts): ask whether the account is LIVE, then connect, then pass events on
 * until the socket drops or the LIVE ends, and always know when the next attempt comes. Every path
 * to a new attempt goes through one timer of at least `floorMs`, and every sign request through
 * the hourly budget. The library is reached through a port (tiktokPort.ts) that answers in values;
 * whatever it still throws is caught and counted.
 */

export interface LinkStatus {
  state: TikTokStatus['state'];
  /** For people: why, and what happens next. */
  detail: string;
  /** When the next attempt comes (the timers' clock), when one is planned. */
  retryAt?: number;
}

export interface LinkListener {
  status(status: LinkStatus): void;
  event(name: string, data: unknown): void;
  /** Something unexpected (the library reported or threw it): counted; the link goes on. */
  error(detail: string): void;
}

export interface LinkOptions {
  username: string;
  open: OpenTikTok;
  timers: LinkTimers;
  /** A number in [0, 1): the jitter of every wait. */
  random: () => number;
  listener: LinkListener;
  timing?: Partial<LinkTiming>;
}

const TIKFINITY = 'TikFinity works meanwhile';

export class TikTokLink {
  readonly #username: string;
  readonly #open: OpenTikTok;
  readonly #timers: LinkTimers;
  readonly #random: () => number;
  readonly #listener: LinkListener;
  readonly #timing: LinkTiming;
  readonly #budget: SignBudget;
  #port: TikTokPort | null = null;
  #status: LinkStatus;
  /** Bumped by every step: the answer to an older step is stale and dropped. */
  #step = 0;
  #stopped = false;
  /** The last LIVE ended (streamEnd): the idle state says `ended` until the next one. */
  #ended = false;
  /** Failed attempts in a row (the failure backoff's step), and drops (the drop backoff's). */
  #failures = 0;
  #drops = 0;
  #upSince: number | null = null;
  #lastHeard = 0;
  #close: (() => void) | null = null;
  #cancelWait: (() => void) | null = null;
  #cancelWatch: (() => void) | null = null;

  constructor(options: LinkOptions) {
    this.#username = options.username;
    this.#open = options.open;
    this.#timers = options.timers;
    this.#random = options.random;
    this.#listener = options.listener;
    this.#timing = { ...LINK_TIMING, ...options.timing };
    this.#budget = new SignBudget(this.#timing.signPerHour);
    this.#status = { state: 'connecting', detail: this.#asking() };
  }

  get status(): LinkStatus {
    return this.#status;
  }

  /** Makes the first attempt; returns the stop (the connection let go, no more attempts). */
  start(): () => void {
    this.#listener.status(this.#status);
    void this.#attempt();
    return () => {
      this.#stopped = true;
      this.#next();
    };
  }

  async #attempt(): Promise<void> {
    const step = this.#next();
    const port = await this.#portFor(step);
    if (!port || step !== this.#step || (port.lookupCostsSign && !this.#spend())) return;
    this.#set('connecting', this.#asking());
    const check = await this.#guard<Check>(() => port.check());
    if (step !== this.#step) return;
    if (!check.ok) return this.#fail(check);
    if (!check.live) return this.#idle();
    if (!this.#spend()) return;
    this.#set('connecting', `connecting to the LIVE of @${this.#username}`);
    const connected = await this.#guard<Connected>(
      () => port.connect(this.#sessionListener(step)),
      (late) => late.ok && late.close(),
    );
    if (step !== this.#step) return void (connected.ok && connected.close());
    if (!connected.ok) return this.#fail(connected);
    this.#close = connected.close;
    this.#ended = false;
    this.#failures = 0;
    this.#upSince = this.#lastHeard = this.#timers.now();
    this.#set('live', 'connected, gifts arrive');
    this.#watch(step);
  }

  async #portFor(step: number): Promise<TikTokPort | null> {
    if (this.#port) return this.#port;
    try {
      const port = await this.#open(this.#username);
      if (step === this.#step) this.#port = port;
    } catch (error) {
      const why = `tiktok-live-connector could not be loaded (${shortText(error, null)})`;
      if (step === this.#step) this.#fail(failure('library', why));
    }
    return step === this.#step ? this.#port : null;
  }

  #sessionListener(step: number): SessionListener {
    const current = () => step === this.#step && !this.#stopped;
    return {
      event: (name, data) => {
        if (!current()) return;
        this.#lastHeard = this.#timers.now();
        this.#listener.event(name, data);
      },
      activity: () => {
        if (current()) this.#lastHeard = this.#timers.now();
      },
      streamEnd: () => {
        if (!current()) return;
        this.#ended = true;
        this.#idle();
      },
      dropped: (detail) => {
        if (current()) this.#dropped(detail);
      },
      error: (detail) => this.#listener.error(detail),
    };
  }

  /** The silence watchdog: TikTok's socket can stall open without a word, and is never reported. */
  #watch(step: number): void {
    const { silenceMs, floorMs } = this.#timing;
    const left = silenceMs - (this.#timers.now() - this.#lastHeard);
    this.#cancelWatch = this.#timers.after(Math.max(floorMs, left), () => {
      if (step !== this.#step) return;
      if (this.#timers.now() - this.#lastHeard < silenceMs) return this.#watch(step);
      this.#dropped(`no word from TikTok for ${inWords(silenceMs)}`);
    });
  }

  #dropped(detail: string): void {
    const { drop } = this.#timing;
    const upFor = this.#upSince === null ? 0 : this.#timers.now() - this.#upSince;
    if (upFor >= drop.stableMs) this.#drops = 0;
    const delay = backoffDelay(this.#drops, this.#random, drop);
    this.#drops += 1;
    this.#wait('retrying', detail, delay);
  }

  #idle(): void {
    const [min, max] = this.#timing.idleMs;
    const delay = min + this.#random() * (max - min);
    if (this.#ended) {
      this.#wait('ended', 'the LIVE ended; watching for the next one every few minutes', delay);
    } else {
      const detail = `@${this.#username} is not LIVE right now; checked again every few minutes`;
      this.#wait('not-live', detail, delay);
    }
  }

  #fail(f: Failure): void {
    const t = this.#timing;
    switch (f.kind) {
      case 'offline':
        return this.#idle();
      case 'not-found': {
        const detail = `no TikTok account @${this.#username} (${f.detail}); checked again every 10 min`;
        return this.#wait('not-found', detail, t.notFoundMs);
      }
      case 'rate-limited': {
        const delay = f.retryAfterMs ? Math.max(f.retryAfterMs, t.rateLimitFloorMs) : t.rateLimitMs;
        return this.#wait('rate-limited', `${f.detail}; a sign key raises the limit`, delay);
      }
      case 'needs-key': {
        const where = 'a key on the start page, or SIGN_API_KEY';
        return this.#wait('sign-unreachable', `${f.detail} (${where}); ${TIKFINITY}`, t.needsKeyMs);
      }
      case 'blocked': {
        const why = 'a block, a captcha, or an 18+ LIVE that needs a login';
        return this.#wait('blocked', `${f.detail}: ${why}; use TikFinity`, t.blockedMs);
      }
      case 'library':
        return this.#wait('retrying', `${f.detail}; TikFinity works without it`, t.libraryMs);
      case 'sign-unreachable':
        return this.#wait('sign-unreachable', `${f.detail}; ${TIKFINITY}`, this.#failureDelay());
      case 'other':
        return this.#wait('retrying', f.detail, this.#failureDelay());
    }
  }

  #failureDelay(): number {
    const delay = backoffDelay(this.#failures, this.#random, this.#timing.failure);
    this.#failures += 1;
    return delay;
  }

  /** Takes one sign request from the hourly budget, or waits for one (false). */
  #spend(): boolean {
    const now = this.#timers.now();
    const wait = this.#budget.waitAt(now);
    if (wait === 0) {
      this.#budget.spend(now);
      return true;
    }
    const { state, detail } = this.#status;
    if (state === 'not-live' || state === 'ended') this.#wait(state, detail, wait);
    else {
      const spent = `${this.#timing.signPerHour} requests to the sign server in the last hour`;
      this.#wait('retrying', `${spent}: waiting, to spare its free quota`, wait);
    }
    return false;
  }

  /** The next attempt after `delay` (never less than the floor), in `state` meanwhile. */
  #wait(state: LinkStatus['state'], detail: string, delay: number): void {
    const ms = Math.max(this.#timing.floorMs, Math.round(delay));
    this.#next();
    if (this.#stopped) return;
    this.#set(state, detail, this.#timers.now() + ms);
    this.#cancelWait = this.#timers.after(ms, () => void this.#attempt());
  }

  /** A new step: the old one's timers, connection and pending answers are let go. */
  #next(): number {
    this.#step += 1;
    this.#cancelWait?.();
    this.#cancelWatch?.();
    this.#cancelWait = this.#cancelWatch = null;
    this.#close?.();
    this.#close = null;
    this.#upSince = null;
    return this.#step;
  }

  #set(state: LinkStatus['state'], detail: string, retryAt?: number): void {
    if (this.#stopped) return;
    const was = this.#status;
    if (was.state === state && was.detail === detail && was.retryAt === retryAt) return;
    this.#status = retryAt === undefined ? { state, detail } : { state, detail, retryAt };
    this.#listener.status(this.#status);
  }

  #guard<T extends Check | Connected>(call: () => Promise<T>, late?: (value: T) => void) {
    const threw = (detail: string) => this.#listener.error(detail);
    return withDeadline(this.#timers, this.#timing.callTimeoutMs, call, { late, threw });
  }

  #asking(): string {
    return `asking whether @${this.#username} is LIVE`;
  }
}
