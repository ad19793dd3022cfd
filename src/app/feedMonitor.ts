import type { FeedStatus } from '../core/event/events';
import type { FeedSink } from '../feeds/feed';
import { worstStatus } from '../feeds/worstStatus';
import { publishDebug } from './debugBag';
import type { Log } from './log';

/** What a page shows of the feeds: the worst status of all sources, and why. */
export interface FeedState {
  status: FeedStatus;
  detail: string;
}

/** Frames dropped and events kept with a degraded field, by reason (`window.__giftglow.feed`). */
export interface FeedCounts {
  drops: Record<string, number>;
  notes: Record<string, number>;
}

export interface FeedMonitor {
  /** The reports of the feed `name` (its sink but for events); it counts as connecting until then. */
  watch(name: string): Omit<FeedSink, 'event'>;
  /** Tells the page the combined status now (once every feed is watched). */
  publish(): void;
  stop(): void;
}

/**
 * Watches the feeds for the page: their statuses combined into one (the status badge and
 * `<html data-feed>`), trouble logged, and the frames they drop or degrade counted by reason.
 */
export function watchFeeds(parts: {
  log: Log;
  /** Where `data-feed` goes (the page's <html>): CSS and e2e tests read the status there. */
  root: HTMLElement;
  state(state: FeedState): void;
}): FeedMonitor {
  const { log, root } = parts;
  const statuses = new Map<string, FeedState>();
  const counts: FeedCounts = { drops: {}, notes: {} };
  const unpublish = publishDebug('feed', counts);
  const publish = () => {
    const all = [...statuses.values()];
    const status = worstStatus(all.map((s) => s.status));
    const detail = all.find((s) => s.status === status)?.detail ?? '';
    root.dataset.feed = status;
    parts.state({ status, detail });
  };
  return {
    watch(name) {
      statuses.set(name, { status: 'connecting', detail: '' });
      return {
        status(status, detail) {
          statuses.set(name, { status, detail: detail ?? '' });
          if (status === 'retrying' || status === 'offline')
            log.problem(`feed:${name}`, `${name} feed ${status}${detail ? `: ${detail}` : ''}`);
          publish();
        },
        drop(reason, detail) {
          counts.drops[reason] = (counts.drops[reason] ?? 0) + 1;
          log.problem(
            `drop:${name}:${reason}`,
            `${name}: dropped a frame (${reason})${detail ? `: ${detail}` : ''}`,
          );
        },
        note(reason, detail) {
          counts.notes[reason] = (counts.notes[reason] ?? 0) + 1;
          log.problem(
            `note:${name}:${reason}`,
            `${name}: kept an event with ${reason}${detail ? `: ${detail}` : ''}`,
          );
        },
      };
    },
    publish,
    stop: unpublish,
  };
}
