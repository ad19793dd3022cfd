import { seeded } from '../machine';

/**
 * Seeded Giftglow-protocol traffic for the bench: a TikTok gift battle (many gifters, one-off gifts
 * and Rose-style streaks with cumulative steps, a few Twitch cheers), each event with the time it is
 * due, plus the board totals the overlay must end up with. The same seed gives the same traffic.
 */

export interface Planned {
  /** ms after the start of the traffic. */
  at: number;
  frame: string;
}

export interface Traffic {
  events: Planned[];
  /** Expected board total per user key (`<platform>:<id>`). */
  totals: Map<string, number>;
  gifts: number;
}

/** The gifts the traffic draws from (each has its own art on the alerts page). */
export const GIFTS = [
  { id: '5655', name: 'Rose', coins: 1, weight: 40 },
  { id: '5487', name: 'Finger Heart', coins: 5, weight: 20 },
  { id: '5827', name: 'Ice Cream Cone', coins: 1, weight: 10 },
  { id: '6104', name: 'Cap', coins: 99, weight: 10 },
  { id: '6064', name: 'GG', coins: 1, weight: 8 },
  { id: '5585', name: 'Confetti', coins: 100, weight: 6 },
  { id: '5886', name: 'Galaxy', coins: 1000, weight: 4 },
  { id: '6369', name: 'Lion', coins: 29999, weight: 2 },
];
const WEIGHT = GIFTS.reduce((sum, g) => sum + g.weight, 0);

export interface TrafficOptions {
  seed: number;
  /** Events (socket frames) in all. */
  events: number;
  /** Spread over this many ms. */
  spanMs: number;
  gifters: number;
  /** Share of events that are streak steps. */
  streakShare: number;
  /** Prefix of event ids, so several runs against one session never collide. */
  prefix: string;
  /** Prefix of user ids (the same gifters across phases share it). Default: `prefix`. */
  userPrefix?: string;
}

/** The 1,000-gift burst (a gift battle in one second) that the burst and animation-cost benches send. */
export function burstTraffic(prefix: string): Traffic {
  return traffic({ seed: 7, events: 1000, spanMs: 950, gifters: 300, streakShare: 0.3, prefix });
}

export function traffic(options: TrafficOptions): Traffic {
  const rnd = seeded(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const gift = () => {
    let r = rnd() * WEIGHT;
    for (const g of GIFTS) if ((r -= g.weight) < 0) return g;
    return GIFTS[0]!;
  };
  const totals = new Map<string, number>();
  const add = (key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);
  const events: Planned[] = [];
  let n = 0;
  const id = () => `${options.prefix}-${++n}`;
  const userPrefix = options.userPrefix ?? options.prefix;
  const user = (i: number) => ({
    id: `${userPrefix}u${i}`,
    login: `gifter${i}`,
    name: `Gifter ${i}`,
  });
  const users = Array.from({ length: options.gifters }, (_, i) => i);
  const giftFrame = (who: number, g: (typeof GIFTS)[number], count: number, more = {}) =>
    JSON.stringify({
      v: 1,
      type: 'gift',
      id: id(),
      platform: 'tiktok',
      user: user(who),
      gift: { id: g.id, name: g.name, coins: g.coins },
      count,
      ...more,
    });

  let streakSteps = Math.round(options.events * options.streakShare);
  while (streakSteps > 0) {
    const steps = Math.min(streakSteps, 3 + Math.floor(rnd() * 12));
    streakSteps -= steps;
    const who = pick(users);
    const g = rnd() < 0.7 ? GIFTS[0]! : GIFTS[1]!; // streaks are cheap gifts: Rose, Finger Heart
    const gap = 20 + rnd() * 60;
    const start = rnd() * Math.max(0, options.spanMs - gap * steps);
    const streak = id();
    let count = 0;
    for (let i = 0; i < steps; i++) {
      count += 1 + Math.floor(rnd() * 4);
      events.push({
        at: start + i * gap,
        frame: giftFrame(who, g, count, { streak, end: i === steps - 1 }),
      });
    }
    add(`tiktok:${user(who).id}`, g.coins * count);
  }
  while (events.length < options.events) {
    const who = pick(users);
    const at = rnd() * options.spanMs;
    if (rnd() < 0.05) {
      const bits = pick([100, 500, 1000]);
      events.push({
        at,
        frame: JSON.stringify({
          v: 1,
          type: 'cheer',
          id: id(),
          platform: 'twitch',
          user: user(who),
          bits,
        }),
      });
      add(`twitch:${user(who).id}`, bits);
      continue;
    }
    const g = gift();
    const count = g.coins >= 1000 ? 1 : 1 + Math.floor(rnd() * 3);
    events.push({
      at,
      frame: giftFrame(who, g, count),
    });
    add(`tiktok:${user(who).id}`, g.coins * count);
  }
  // A stable sort keeps each streak's steps in order even when their times tie.
  events.sort((a, b) => a.at - b.at);
  return { events, totals, gifts: events.length };
}

/** Sends planned frames on time (in `sliceMs` slices); resolves with the send times (Date.now()). */
export async function play(
  events: readonly Planned[],
  send: (frame: string) => void,
  sliceMs = 10,
): Promise<{ startedAt: number; endedAt: number }> {
  const startedAt = Date.now();
  let i = 0;
  while (i < events.length) {
    const due = Date.now() - startedAt;
    while (i < events.length && events[i]!.at <= due) send(events[i++]!.frame);
    if (i < events.length) await new Promise((wake) => setTimeout(wake, sliceMs));
  }
  return { startedAt, endedAt: Date.now() };
}
