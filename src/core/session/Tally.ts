import type { CoreEvent } from '../event/events';
import { RecentMap } from '../RecentMap';
import { fromMilli } from '../event/value';

/**
 * The session's running totals for goals: what the board counted (points, gifts, TikTok coins) and
 * what it never ranks (likes, follows). The session feeds it only what survived dedupe and the
 * streak and bomb rules, at the moment the board counts it, so a goal and the board never disagree.
 * It also remembers which goal levels were celebrated, so a reload does not celebrate twice.
 */

export const GOAL_KINDS = ['points', 'coins', 'likes', 'follows', 'gifts'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/**
 * Gifts in a one-off ranked event: the items of a gift, the subs of a gift-sub delivery, 1 for a
 * cheer or a sub. (A combo's items come from its outcome.)
 */
export function giftsOf(event: CoreEvent): number {
  return event.kind === 'gift' || event.kind === 'giftsub' ? event.count : 1;
}

/** TikTok coins of a one-off event (0 for anything but a TikTok gift). */
export function coinsOf(event: CoreEvent): number {
  return event.kind === 'gift' ? event.gift.coins * event.count : 0;
}

/** The tally as stored with the session. */
export interface TallySnapshot {
  milli: number;
  coins: number;
  likes: number;
  gifts: number;
  /** Follows counted (users beyond the stored list included). */
  follows: number;
  /** Users whose follow was counted (newest last). */
  followers: string[];
  /** Goal key -> how many times that goal was reached and celebrated. */
  celebrated: [string, number][];
}

/** Celebration marks kept: one per goal setting a streamer tried in this session. */
const MAX_MARKS = 50;

/** A count that stays an exact integer: non-finite or negative amounts add nothing. */
const amount = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

export class Tally {
  #milli = 0;
  #coins = 0;
  #likes = 0;
  #gifts = 0;
  #follows = 0;
  readonly #followers: RecentMap<true>;
  readonly #celebrated = new Map<string, number>();

  /** `followers`: follows remembered for "once per user per session" (a bounded memory). */
  constructor(followers: number) {
    this.#followers = new RecentMap(followers);
  }

  /** The goal value of a kind: points may have 3 decimals; the others are whole numbers. */
  value(kind: GoalKind): number {
    switch (kind) {
      case 'points':
        return fromMilli(this.#milli);
      case 'coins':
        return this.#coins;
      case 'likes':
        return this.#likes;
      case 'follows':
        return this.#follows;
      case 'gifts':
        return this.#gifts;
    }
  }

  /**
   * A gift the board counted: its milli-points, gifts and TikTok coins (three numbers, not an
   * object: this runs on every counted gift). True when a total changed.
   */
  count(milliPoints: number, giftCount: number, coinCount: number): boolean {
    const milli = milliPoints > 0 ? milliPoints : 0;
    const gifts = amount(giftCount);
    const coins = amount(coinCount);
    this.#milli += milli;
    this.#gifts += gifts;
    this.#coins += coins;
    return milli + gifts + coins > 0;
  }

  /** Raises the counts to at least these (a copy of the session kept elsewhere). True if any rose. */
  atLeast(milli: number, gifts: number, coins: number, likes: number): boolean {
    const before = this.#milli + this.#gifts + this.#coins + this.#likes;
    this.#milli = Math.max(this.#milli, milli);
    this.#gifts = Math.max(this.#gifts, amount(gifts));
    this.#coins = Math.max(this.#coins, amount(coins));
    this.#likes = Math.max(this.#likes, amount(likes));
    return this.#milli + this.#gifts + this.#coins + this.#likes > before;
  }

  /** A like event: TikTok's `likeCount` of that event. True when it counted. */
  like(count: number): boolean {
    const likes = amount(count);
    this.#likes += likes;
    return likes > 0;
  }

  /** A follow counts once per user per session. True when it counted. */
  follow(userKey: string): boolean {
    if (!this.#followers.add(userKey, true)) return false;
    this.#follows++;
    return true;
  }

  /** Whether this user's follow was counted already (a follow is thanked once per session). */
  followed(userKey: string): boolean {
    return this.#followers.has(userKey);
  }

  /** How many times the goal `key` was reached and celebrated (0: never). */
  celebrated(key: string): number {
    return this.#celebrated.get(key) ?? 0;
  }

  /** Records that goal `key` has been celebrated up to `level`. True when that is news. */
  markCelebrated(key: string, level: number): boolean {
    if (!(level > this.celebrated(key))) return false;
    this.#celebrated.delete(key);
    this.#celebrated.set(key, level);
    if (this.#celebrated.size > MAX_MARKS) {
      const oldest = this.#celebrated.keys().next().value;
      if (oldest !== undefined) this.#celebrated.delete(oldest);
    }
    return true;
  }

  snapshot(followers: number): TallySnapshot {
    return {
      milli: this.#milli,
      coins: this.#coins,
      likes: this.#likes,
      gifts: this.#gifts,
      follows: this.#follows,
      followers: this.#followers.newest(followers).map(([key]) => key),
      celebrated: [...this.#celebrated],
    };
  }

  /** Loads a stored tally into an empty one. */
  restore(snapshot: TallySnapshot): void {
    this.#milli = snapshot.milli;
    this.#coins = snapshot.coins;
    this.#likes = snapshot.likes;
    this.#gifts = snapshot.gifts;
    for (const key of snapshot.followers) this.#followers.add(key, true);
    this.#follows = Math.max(snapshot.follows, this.#followers.size);
    for (const [key, level] of snapshot.celebrated.slice(-MAX_MARKS))
      this.markCelebrated(key, level);
  }
}
