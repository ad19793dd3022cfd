import { expect, vi } from 'vitest';
import type { CoreEvent } from '../../../src/core/event/events';
import type { FeedSink } from '../../../src/feeds/feed';
import type { FeedStatus } from '../../../src/core/event/events';

/** A sink that remembers everything a feed told it. */
export function recordingSink() {
  const events: CoreEvent[] = [];
  const statuses: Array<{ status: FeedStatus; detail: string | undefined }> = [];
  const drops: Array<{ reason: string; detail: string | undefined }> = [];
  const notes: Array<{ reason: string; detail: string | undefined }> = [];
  const sink: FeedSink = {
    event: (event) => events.push(event),
    status: (status, detail) => statuses.push({ status, detail }),
    drop: (reason, detail) => drops.push({ reason, detail }),
    note: (reason, detail) => notes.push({ reason, detail }),
  };
  return {
    sink,
    events,
    statuses,
    drops,
    notes,
    last: () => statuses.at(-1)?.status,
    /** Waits (real time, I/O) until the predicate holds. */
    until: (predicate: () => boolean) =>
      vi.waitFor(() => expect(predicate()).toBe(true), { timeout: 3000, interval: 5 }),
  };
}
