import { parseParams, type Config, type ConfigIssue } from '../core/config/config';
import type { CoreEvent } from '../core/event/events';
import type { Moment } from '../core/alerts/moment';
import { GiftSession } from '../core/session/GiftSession';
import { sessionOptions } from '../core/session/sessionOptions';
import { createFeeds } from '../feeds/createFeeds';
import { hubUrlOf } from '../feeds/protocol/hubUrl';
import { worstStatus } from '../feeds/worstStatus';
import type { FeedStatus } from '../core/event/events';
import { createLog, type Log } from './log';
import { browserStore } from './storage';

/** Frames dropped and events kept with a degraded field, by reason (`window.__giftglow.feed`). */
export interface FeedCounts {
  drops: Record<string, number>;
  notes: Record<string, number>;
}

/** Publishes the counts read-only for e2e tests and the curious streamer (devtools). */
function installFeedCounts(counts: FeedCounts): () => void {
  const bag = ((globalThis as { __giftglow?: Record<string, unknown> }).__giftglow ??= {});
  bag.feed = counts;
  return () => {
    if (bag.feed === counts) delete bag.feed;
  };
}

/** What a page shows of the feeds: the worst status of all sources, and why. */
export interface FeedState {
  status: FeedStatus;
  detail: string;
}

export interface RuntimeHooks {
  /** A moment to show or update (same id: a combo growing, then final). */
  moment?(moment: Moment): void;
  feed(state: FeedState): void;
}

export interface Runtime {
  config: Config;
  issues: ConfigIssue[];
  session: GiftSession;
  log: Log;
  /** What the page shows besides its content: the status badge and settings problems, as asked. */
  chrome(): { showStatus: boolean; issues: ConfigIssue[]; notes: string[] };
  /** Starts the feeds; returns the stop that closes them and saves the session. */
  start(hooks: RuntimeHooks): Promise<() => void>;
}

const TICK_MS = 1_000;

/**
 * The part both pages share: URL -> config -> session (restored from storage) -> feeds.
 * Each OBS source runs its own runtime and connection; the session is stored per page role so two
 * sources never overwrite each other, while seeing the same events and so the same totals.
 */
export function createRuntime(
  role: 'alerts' | 'board' | 'goal',
  search = location.search,
): Runtime {
  const clock = () => Date.now();
  const { config, issues } = parseParams(search);
  const log = createLog(clock);
  for (const issue of issues)
    log.problem(`param:${issue.param}`, `${issue.param}: ${issue.message}`);
  const store = browserStore() ?? undefined;
  const session = new GiftSession({ config: sessionOptions(config, role), store, now: clock() });
  if (session.storageProblem) log.problem('storage', session.storageProblem);

  return {
    config,
    issues,
    session,
    log,
    chrome: () => ({
      showStatus: config.status,
      issues: config.issues ? issues : [],
      notes: config.issues && session.storageProblem ? [session.storageProblem] : [],
    }),
    async start(hooks) {
      const statuses = new Map<string, FeedState>();
      const publish = () => {
        const all = [...statuses.values()];
        const status = worstStatus(all.map((s) => s.status));
        const detail = all.find((s) => s.status === status)?.detail ?? '';
        document.documentElement.dataset.feed = status;
        hooks.feed({ status, detail });
      };
      // Combos that go silent are finished on the session's clock, and the session saves when a
      // save is due (the session alone decides when). A plain timer (not rAF) keeps working while
      // OBS hides the source, and costs nothing measurable once a second.
      const tickTimer = setInterval(() => {
        for (const moment of session.tick(clock())) hooks.moment?.(moment);
      }, TICK_MS);
      const ingest = (event: CoreEvent) => {
        const moment = session.ingest(event, clock());
        if (moment) hooks.moment?.(moment);
      };
      const counts: FeedCounts = { drops: {}, notes: {} };
      const uninstall = installFeedCounts(counts);
      const feeds = createFeeds(config, { clock, hubUrl: hubUrlOf(location.href) });
      const stops = feeds.map((feed) => {
        statuses.set(feed.name, { status: 'connecting', detail: '' });
        return feed.start({
          event: ingest,
          status(status, detail) {
            statuses.set(feed.name, { status, detail: detail ?? '' });
            if (status === 'retrying' || status === 'offline') {
              log.problem(
                `feed:${feed.name}`,
                `${feed.name} feed ${status}${detail ? `: ${detail}` : ''}`,
              );
            }
            publish();
          },
          drop(reason, detail) {
            counts.drops[reason] = (counts.drops[reason] ?? 0) + 1;
            log.problem(
              `drop:${feed.name}:${reason}`,
              `${feed.name}: dropped a frame (${reason})${detail ? `: ${detail}` : ''}`,
            );
          },
          note(reason, detail) {
            counts.notes[reason] = (counts.notes[reason] ?? 0) + 1;
            log.problem(
              `note:${feed.name}:${reason}`,
              `${feed.name}: kept an event with ${reason}${detail ? `: ${detail}` : ''}`,
            );
          },
        });
      });
      publish();
      return () => {
        for (const stop of stops) stop();
        uninstall();
        clearInterval(tickTimer);
        session.save(clock());
      };
    },
  };
}
