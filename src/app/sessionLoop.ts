import type { Moment } from '../core/alerts/moment';
import type { CoreEvent } from '../core/event/events';
import type { GiftSession } from '../core/session/GiftSession';
import type { Log } from './log';
import { watchSession } from './sessionMonitor';

const TICK_MS = 1_000;

export interface SessionLoop {
  /** One event from a feed: into the session, and its moment (if any) on to the page. */
  ingest(event: CoreEvent): void;
  /** Stops the ticks and the monitor (saving is the caller's: it knows when the page goes). */
  stop(): void;
}

/**
 * Drives the session: events in as the feeds deliver them, a tick once a second, the moments out,
 * and after every step what the session dropped to its monitor (the log, `window.__giftglow`).
 */
export function startSessionLoop(parts: {
  session: GiftSession;
  clock: () => number;
  log: Log;
  moment(moment: Moment): void;
}): SessionLoop {
  const { session, clock, moment } = parts;
  const monitor = watchSession(session, parts.log);
  // Combos that go silent are finished on the session's clock, and the session saves when a
  // save is due (the session alone decides when). A plain timer (not rAF) keeps working while
  // OBS hides the source, and costs nothing measurable once a second.
  const timer = setInterval(() => {
    for (const next of session.tick(clock())) moment(next);
    monitor.check();
  }, TICK_MS);
  return {
    ingest(event) {
      const next = session.ingest(event, clock());
      if (next) moment(next);
      monitor.check();
    },
    stop() {
      clearInterval(timer);
      monitor.stop();
    },
  };
}
