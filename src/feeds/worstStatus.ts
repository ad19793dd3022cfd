import type { FeedStatus } from '../core/event/events';

/**
 * The page shows ONE status for all its feeds: the worst one, so a streamer running
 * `source=tikfinity,twitch` sees at once that one of them is down.
 * Order, worst first: offline (unreachable, or stopped) > retrying (lost, reconnecting) >
 * connecting (first attempt) > live. No feeds at all counts as offline: nothing can arrive.
 */
const SEVERITY: Readonly<Record<FeedStatus, number>> = {
  live: 0,
  connecting: 1,
  retrying: 2,
  offline: 3,
};

export function worstStatus(statuses: Iterable<FeedStatus>): FeedStatus {
  let worst: FeedStatus | null = null;
  for (const status of statuses) {
    if (worst === null || SEVERITY[status] > SEVERITY[worst]) worst = status;
  }
  return worst ?? 'offline';
}
