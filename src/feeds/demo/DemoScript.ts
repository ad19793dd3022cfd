import { DEMO_GIFTERS, DEMO_GIFTS, type DemoGift, type DemoGifter } from './demoCast';
import { demoFollowData, demoGiftData } from './demoPayloads';
import { pickWeighted } from './pickWeighted';
import { randomDigits } from './randomDigits';
import { seededRandom } from './seededRandom';

/** One TikFinity frame (`{event, data}`, `data` as connector v1 makes it) and when it is due. */
export interface DemoFrame {
  at: number;
  frame: { event: 'gift' | 'follow'; data: Record<string, unknown> };
}

export interface DemoScriptOptions {
  seed: number;
  /** Gifts (or streaks) started per minute. */
  rate: number;
  /** Time of the first frame, ms. */
  start: number;
}

/** Streak lengths as seen on a real LIVE: mostly short, sometimes long tap-fests. */
const STREAK_LENGTHS: readonly (readonly [[number, number], number])[] = [
  [[1, 1], 30],
  [[2, 5], 35],
  [[6, 20], 22],
  [[21, 99], 13],
];

/**
 * The demo's timeline, generated lazily from a seed: the same seed and rate give the same frames at
 * the same offsets. Like a real TikTok LIVE, streakable gifts arrive as cumulative steps ending with
 * `repeatEnd`, expensive gifts arrive once, and now and then a streak's end marker never comes or a
 * frame is delivered twice (the core must cope with both).
 */
export class DemoScript {
  readonly #random: () => number;
  readonly #meanGap: number;
  readonly #pending: DemoFrame[] = [];
  #nextStart: number;

  constructor(options: DemoScriptOptions) {
    this.#random = seededRandom(options.seed);
    this.#meanGap = 60_000 / Math.max(1, options.rate);
    this.#nextStart = options.start + 300;
  }

  /** When the next frame is due. */
  nextAt(): number {
    this.#fill(this.#nextStart);
    return Math.min(this.#nextStart, this.#pending[0]?.at ?? Infinity);
  }

  /** Every frame due at or before `until`, in time order. */
  take(until: number): DemoFrame[] {
    this.#fill(until);
    let n = 0;
    while (n < this.#pending.length && (this.#pending[n]?.at ?? Infinity) <= until) n++;
    return this.#pending.splice(0, n);
  }

  #fill(until: number): void {
    while (this.#nextStart <= until) {
      this.#begin(this.#nextStart);
      this.#nextStart += Math.max(50, -Math.log(1 - this.#random()) * this.#meanGap);
    }
  }

  #begin(at: number): void {
    const random = this.#random;
    const gifter = pickWeighted(
      random,
      DEMO_GIFTERS.map((g) => [g, g.weight] as const),
    );
    if (random() < 0.04) {
      this.#push(at, 'follow', this.#follow(gifter, at));
      return;
    }
    const gift = pickWeighted(
      random,
      DEMO_GIFTS.map((g) => [g, g.weight] as const),
    );
    if (!gift.streakable) {
      this.#push(at, 'gift', this.#gift(gifter, gift, at, 1, false, randomDigits(random, 13)));
      return;
    }
    const [lo, hi] = pickWeighted(random, STREAK_LENGTHS);
    const length = lo + Math.floor(random() * (hi - lo + 1));
    const groupId = randomDigits(random, 13);
    let t = at;
    let count = 0;
    // TikTok reports a streak in cumulative steps, sometimes skipping counts when taps come fast.
    while (count < length) {
      count = Math.min(length, count + 1 + (random() < 0.3 ? Math.floor(random() * 3) : 0));
      this.#push(t, 'gift', this.#gift(gifter, gift, t, count, false, groupId));
      t += 120 + Math.floor(random() * 260);
    }
    // A real end marker is usually there; sometimes it never arrives (connector issues #29, #74).
    if (random() < 0.97)
      this.#push(t + 400, 'gift', this.#gift(gifter, gift, t + 400, length, true, groupId));
  }

  #push(at: number, event: DemoFrame['frame']['event'], data: Record<string, unknown>): void {
    const frame: DemoFrame = { at, frame: { event, data } };
    this.#insert(frame);
    // Now and then a frame is delivered twice, as after a connector reconnect.
    if (this.#random() < 0.01) this.#insert({ at: at + 700, frame: frame.frame });
  }

  #insert(frame: DemoFrame): void {
    let i = this.#pending.length;
    while (i > 0 && (this.#pending[i - 1]?.at ?? 0) > frame.at) i--;
    this.#pending.splice(i, 0, frame);
  }

  #follow(gifter: DemoGifter, at: number): Record<string, unknown> {
    return demoFollowData(gifter, randomDigits(this.#random, 19), Math.round(at));
  }

  #gift(
    gifter: DemoGifter,
    gift: DemoGift,
    at: number,
    repeatCount: number,
    repeatEnd: boolean,
    groupId: string,
  ): Record<string, unknown> {
    return demoGiftData(gifter, gift, {
      msgId: randomDigits(this.#random, 19),
      createTime: Math.round(at),
      repeatCount,
      repeatEnd,
      groupId,
    });
  }
}
