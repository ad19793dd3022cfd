import { tiktokStatusFrame, type TikTokStatus } from '../../wire/tiktokLive.ts';
import type { Refusal } from '../Hub.ts';
import type { Refusals } from '../Refusals.ts';
import { eventFrame } from './eventFrame.ts';
import type { LinkTiming } from './linkTiming.ts';
import type { LinkTimers } from './linkTimers.ts';
import { TikTokLink, type LinkStatus } from './TikTokLink.ts';
import type { OpenTikTok } from './tiktokPort.ts';

/**
 * One TikTok connection per username, shared by every overlay and start page that asks for it
 * (each connect costs a sign request): the first subscriber opens it, the last one leaving closes
 * it after a grace period (an OBS refresh comes back within it), and the usernames connected at
 * once are bounded. Every subscriber hears the current status at once, then every change and every
 * event, as text frames. No sockets here: tiktokUpgrade.ts is the glue.
 */

export interface TikTokSubscriber {
  send(text: string): void;
}

/** What `npm start` prints (tiktokLog.ts): each status change, and a connection let go. */
export interface TikTokObserver {
  status(username: string, status: LinkStatus): void;
  closed(username: string): void;
}

export interface TikTokLinksOptions {
  open: OpenTikTok;
  timers: LinkTimers;
  random: () => number;
  /** The hub's refusal counts: `tiktok-full`, `tiktok-error`, `send-failed`, `oversized`. */
  refusals: Refusals;
  observer?: TikTokObserver;
  /** Usernames connected at once (5), subscribers per username (20), grace period (30 s). */
  maxUsernames?: number;
  maxSubscribers?: number;
  graceMs?: number;
  timing?: Partial<LinkTiming>;
}

interface Entry {
  link: TikTokLink;
  stop: () => void;
  subscribers: Set<TikTokSubscriber>;
  /** The grace period's cancel, while no one listens. */
  linger: (() => void) | null;
}

export class TikTokLinks {
  readonly #options: TikTokLinksOptions;
  readonly #maxUsernames: number;
  readonly #maxSubscribers: number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: TikTokLinksOptions) {
    this.#options = options;
    this.#maxUsernames = options.maxUsernames ?? 5;
    this.#maxSubscribers = options.maxSubscribers ?? 20;
  }

  /** May one more subscriber have `username` (a checked username)? Refused: counted. */
  admit(username: string): { ok: true } | Refusal {
    const entry = this.#entries.get(username);
    if (entry && entry.subscribers.size >= this.#maxSubscribers) {
      return this.#refuse(`${this.#maxSubscribers} pages listen to @${username} already`);
    }
    if (!entry && this.#entries.size >= this.#maxUsernames) {
      const names = [...this.#entries.keys()].map((name) => `@${name}`).join(', ');
      return this.#refuse(`${this.#maxUsernames} TikTok usernames connected already (${names})`);
    }
    return { ok: true };
  }

  /** Subscribes to `username`'s events and statuses; returns the unsubscribe, or the refusal. */
  subscribe(username: string, subscriber: TikTokSubscriber): (() => void) | Refusal {
    const admitted = this.admit(username);
    if (!admitted.ok) return admitted;
    const entry = this.#entries.get(username) ?? this.#open(username);
    entry.linger?.();
    entry.linger = null;
    entry.subscribers.add(subscriber);
    this.#send(subscriber, this.#statusFrame(username, entry.link.status));
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      entry.subscribers.delete(subscriber);
      if (entry.subscribers.size === 0) this.#linger(username, entry);
    };
  }

  /** Each connection's username and state (never a key, never a detail with secrets). */
  states(): Array<{ username: string; state: TikTokStatus['state'] }> {
    return [...this.#entries].map(([username, entry]) => ({
      username,
      state: entry.link.status.state,
    }));
  }

  /** Lets every connection go at once (the server closes). */
  close(): void {
    for (const entry of this.#entries.values()) {
      entry.linger?.();
      entry.stop();
    }
    this.#entries.clear();
  }

  #open(username: string): Entry {
    const { open, timers, random, refusals, observer, timing } = this.#options;
    const subscribers = new Set<TikTokSubscriber>();
    const link = new TikTokLink({
      username,
      open,
      timers,
      random,
      ...(timing ? { timing } : {}),
      listener: {
        status: (status) => {
          observer?.status(username, status);
          const frame = this.#statusFrame(username, status);
          for (const subscriber of subscribers) this.#send(subscriber, frame);
        },
        event: (name, data) => {
          const frame = eventFrame(name, data);
          if (frame === null) return refusals.count('oversized');
          for (const subscriber of subscribers) this.#send(subscriber, frame);
        },
        error: () => refusals.count('tiktok-error'),
      },
    });
    const entry: Entry = { link, stop: () => undefined, subscribers, linger: null };
    this.#entries.set(username, entry);
    entry.stop = link.start();
    return entry;
  }

  #linger(username: string, entry: Entry): void {
    entry.linger = this.#options.timers.after(this.#options.graceMs ?? 30_000, () => {
      if (this.#entries.get(username) !== entry || entry.subscribers.size > 0) return;
      this.#entries.delete(username);
      entry.stop();
      this.#options.observer?.closed(username);
    });
  }

  #statusFrame(username: string, status: LinkStatus): string {
    const { retryAt, ...rest } = status;
    const retryInMs =
      retryAt === undefined
        ? undefined
        : Math.max(0, Math.round(retryAt - this.#options.timers.now()));
    return tiktokStatusFrame({
      username,
      ...rest,
      detail: rest.detail.slice(0, 300),
      ...(retryInMs === undefined ? {} : { retryInMs }),
    });
  }

  #send(subscriber: TikTokSubscriber, frame: string): void {
    try {
      subscriber.send(frame);
    } catch {
      this.#options.refusals.count('send-failed');
    }
  }

  #refuse(detail: string): Refusal {
    this.#options.refusals.count('tiktok-full');
    return { ok: false, status: 503, reason: 'tiktok-full', detail };
  }
}
