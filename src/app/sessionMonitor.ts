import type { GiftSession } from '../core/session/GiftSession';
import { publishDebug } from './debugBag';
import type { Log } from './log';

/** What `window.__giftglow.session` reports: the session's drops by reason, and its gifters. */
export interface SessionHook {
  readonly drops: Readonly<Record<string, number>>;
  readonly gifters: number;
}

export interface SessionMonitor {
  /** Logs the deliveries the session dropped since the last check (call it after each step). */
  check(): void;
  stop(): void;
}

/**
 * Watches what the session drops (duplicate, stale, invalid deliveries: counted in the core) so it
 * reaches the OBS log like a feed's dropped frames, and publishes it with the number of gifters on
 * `window.__giftglow.session`, read-only.
 */
export function watchSession(
  session: Pick<GiftSession, 'drops' | 'gifters'>,
  log: Log,
): SessionMonitor {
  const logged: Record<string, number> = {};
  const hook: SessionHook = {
    get drops() {
      return { ...session.drops };
    },
    get gifters() {
      return session.gifters;
    },
  };
  const unpublish = publishDebug('session', hook);
  return {
    check() {
      const drops = session.drops;
      for (const reason in drops) {
        const seen = logged[reason] ?? 0;
        const now = drops[reason] ?? 0;
        // One problem per drop, so the log's "(+N similar)" counts them all.
        for (let i = seen; i < now; i++)
          log.problem(`session:${reason}`, `session: dropped a delivery (${reason})`);
        logged[reason] = now;
      }
    },
    stop: unpublish,
  };
}
