import { parseParams, type Config, type ConfigIssue } from '../core/config/config';
import type { Moment } from '../core/alerts/moment';
import { GiftSession } from '../core/session/GiftSession';
import { sessionOptions } from '../core/session/sessionOptions';
import { createFeeds } from '../feeds/createFeeds';
import { hubUrlOf } from '../feeds/protocol/hubUrl';
import { watchFeeds, type FeedState } from './feedMonitor';
import { createLog, type Log } from './log';
import { startSessionLoop } from './sessionLoop';
import { browserStore } from './storage';
import { fetchServerSession, preferServerSnapshot, startServerSaves } from './serverSession';

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

/**
 * The part both pages share: URL -> config -> session (restored from storage) -> feeds.
 * Each OBS source runs its own runtime and connection; the session is stored per page role so two
 * sources never overwrite each other, while seeing the same events and so the same totals.
 */
export async function createRuntime(
  role: 'alerts' | 'board' | 'goal',
  search = location.search,
): Promise<Runtime> {
  const clock = () => Date.now();
  const { config, issues } = parseParams(search);
  const log = createLog(clock);
  for (const issue of issues)
    log.problem(`param:${issue.param}`, `${issue.param}: ${issue.message}`);
  const store = browserStore() ?? undefined;
  // Served by npm start: the server's copy of the session wins over older (or no) storage. A
  // page on the demo alone (the start page's preview, a try-out) has nothing worth keeping there.
  const simulated = config.source.every((source) => source === 'demo');
  const server = simulated ? null : await fetchServerSession(config.session, role);
  const replaced = server ? preferServerSnapshot(server, store, config.session, role) : [];
  const session = new GiftSession({ config: sessionOptions(config, role), store, now: clock() });
  if (session.storageProblem) log.problem('storage', session.storageProblem);
  if (server) session.adopt([...server.ledger, ...replaced], { likes: server.likes }, clock());

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
      const feeds = watchFeeds({
        log,
        root: document.documentElement,
        state: (state) => hooks.feed(state),
      });
      const loop = startSessionLoop({
        session,
        clock,
        log,
        moment: (moment) => hooks.moment?.(moment),
      });
      const stops = createFeeds(config, { clock, hubUrl: hubUrlOf(location.href) }).map((feed) =>
        feed.start({ event: loop.ingest, ...feeds.watch(feed.name) }),
      );
      feeds.publish();
      const name = config.session;
      const stopSaves = server
        ? startServerSaves({ session, store, name, page: role, clock, log })
        : () => session.save(clock());
      return () => {
        for (const stop of stops) stop();
        feeds.stop();
        loop.stop();
        stopSaves();
      };
    },
  };
}
