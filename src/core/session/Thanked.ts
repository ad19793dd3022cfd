import { RecentMap } from '../RecentMap';
import type { CoreEvent } from '../event/events';
import type { Moment } from '../alerts/moment';

/** What the session remembers of its thank-yous, stored with it. */
export interface ThankedSnapshot {
  /** Users whose share was thanked (newest last). */
  sharers: string[];
  /** The highest like milestone thanked (a total of likes, 0: none yet). */
  likes: number;
}

/**
 * The like milestone a like event crossed: the highest multiple of `step` the room's total passed
 * with this event's likes (`total - count` below it, `total` at or above it), or null. Several
 * multiples crossed at once make one milestone, the highest.
 */
export function milestoneOf(total: number, count: number, step: number): number | null {
  if (!(step > 0) || !(total > 0)) return null;
  const milestone = Math.floor(total / step) * step;
  return milestone > 0 && milestone > total - Math.max(0, count) ? milestone : null;
}

/**
 * The session's thank-yous for moments worth no points: each user's share once per session (a
 * bounded memory, as the followers are), and the like milestones already thanked, so a reload
 * (or a like event replayed with an older total) never thanks a milestone twice.
 */
export class Thanked {
  readonly #sharers: RecentMap<true>;
  #likes = 0;

  constructor(capacity: number) {
    this.#sharers = new RecentMap(capacity);
  }

  /** A user's share: true the first time in this session. */
  share(userKey: string): boolean {
    return this.#sharers.add(userKey, true);
  }

  /** The milestone this like event crossed if it was not thanked yet (then it is), else null. */
  likes(total: number, count: number, step: number): number | null {
    const milestone = milestoneOf(total, count, step);
    if (milestone === null || milestone <= this.#likes) return null;
    this.#likes = milestone;
    return milestone;
  }

  /**
   * The moment worth no points that is thanked, or null: a user's first share (a first follow is
   * the tally's), a like event that carried the room's total past a multiple of `step` (the
   * milestone as its count; the total is TikTok's when it sends one, else `countedLikes`). A test
   * alert (`counted` false) is thanked every time and remembers nothing.
   */
  thank(
    event: CoreEvent,
    moment: Moment,
    options: { counted: boolean; step: number; countedLikes: number },
  ): Moment | null {
    const { counted, step } = options;
    if (event.kind === 'share') return !counted || this.share(moment.userKey) ? moment : null;
    if (event.kind !== 'like') return moment;
    const total = event.total ?? (counted ? options.countedLikes : event.count);
    const milestone = counted
      ? this.likes(total, event.count, step)
      : milestoneOf(total, event.count, step);
    return milestone === null ? null : { ...moment, count: milestone };
  }

  snapshot(sharers: number): ThankedSnapshot {
    return { sharers: this.#sharers.newest(sharers).map(([key]) => key), likes: this.#likes };
  }

  /** Loads a stored memory into an empty one. */
  restore(snapshot: ThankedSnapshot): void {
    for (const key of snapshot.sharers) this.#sharers.add(key, true);
    this.#likes = Math.max(this.#likes, snapshot.likes);
  }
}
