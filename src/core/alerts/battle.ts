import { RecentMap } from '../RecentMap';
import type { Alert } from './AlertQueue';
import type { Moment } from './moment';
import type { Tier } from './tiers';

/**
 * A gift battle stays calm (issue 25): while a backlog waits, small gifts are thanked by their
 * callout alone (or by name in a roll-call summary) and effects are kept for what a viewer should
 * notice; alerts play at a battle pace so the queue is back to real time within `CATCH_UP_MS`.
 * Pure rules, read by the queue (AlertQueue) at the moment an alert starts or changes.
 */

/** The queue is back to real time this long after a battle's last gift (see `battleRoom`). */
export const CATCH_UP_MS = 10_000;
/** Longest an alert plays while a backlog waits (never longer than its own length). */
export const BATTLE_MS = 1_500;
/** A streak that ends with at least this many sends is worth an effect even in a battle. */
export const LONG_STREAK = 10;
/** Most gifters one summary names; more gifters start the next summary. */
export const ROLL_CALL = 40;

/** What the rule knows of the alert about to play and of the queue behind it. */
export interface BattleAlert {
  /** Entries waiting behind this alert. */
  waiting: number;
  /** Callouts on screen at once. */
  slots: number;
  tier: Tier;
  /** The gifter's first alert on this page. */
  first: boolean;
  /** The biggest count among its finished moments (`endedCount`). */
  ended: number;
  /** Effects already playing (full alerts on screen that were not thanked calmly). */
  effects?: number;
}

/** A backlog: more waits than the callout stack shows at once. */
export function inBattle(waiting: number, slots: number): boolean {
  return waiting >= slots;
}

/**
 * Whether an alert plays its effect or is thanked by its callout alone. No backlog: every full
 * alert plays. In a battle, one effect at a time: the biggest gifts (tier 4) and the end of a long
 * streak; while the backlog is still short (under twice the stack) also tier 3, and a gifter's
 * first gift from tier 2; and none while another effect still plays (a second Lion's callout says
 * it, the screen does not fill twice).
 */
export function playsEffect(a: BattleAlert): boolean {
  if (!inBattle(a.waiting, a.slots)) return true;
  if ((a.effects ?? 0) > 0) return false;
  if (a.tier >= 4 || a.ended >= LONG_STREAK) return true;
  if (a.waiting >= 2 * a.slots) return false;
  return a.tier >= 3 || (a.first && a.tier >= 2);
}
/** How long an alert plays: its own length, or the battle pace while a backlog waits. */
export function battleLength(lengthMs: number, waiting: number, slots: number): number {
  return inBattle(waiting, slots) ? Math.min(lengthMs, BATTLE_MS) : lengthMs;
}

/**
 * When a backlog forms, what is already on screen keeps at most the battle pace from its start (an
 * alert that has played longer ends at the next step), so a long alert that began just before the
 * battle does not hold a slot for its whole length.
 */
export function catchUp(
  playing: readonly { startedAt: number; endsAt: number }[],
  waiting: number,
  slots: number,
  now: number,
): void {
  if (!inBattle(waiting, slots)) return;
  for (const a of playing) a.endsAt = Math.min(a.endsAt, Math.max(now, a.startedAt + BATTLE_MS));
}

/**
 * Entries that may wait in a battle (fewer when `maxqueue=` is lower): half of the catch-up bound
 * is for them, at the battle pace on every slot; the other half for the roll-call summaries of
 * everyone folded. 10 with 3 slots: 10 x 1.5 s / 3 = 5 s.
 */
export function battleRoom(slots: number, maxLength: number): number {
  return Math.max(1, Math.min(maxLength, Math.floor((slots * CATCH_UP_MS) / (2 * BATTLE_MS))));
}

/** The biggest count among an alert's finished moments (a streak's length once it ended), else 0. */
export function endedCount({ moments }: { moments: readonly Moment[] }): number {
  let most = 0;
  for (const m of moments) if (m.final) most = Math.max(most, m.count);
  return most;
}

/** The queue's side of the rule: who had a full alert on this page, and the answer for an alert. */
export class BattleCalm {
  readonly #thanked = new RecentMap<true>(20_000);

  /**
   * True: thank this full alert by its callout alone (`waiting`: what waits behind it now). A rule's
   * own `effect` (a tier, or none: issue 23's alert rules) wins over the battle rule. Remembers the
   * gifter: their next gift is not a first one.
   */
  calm(
    alert: Pick<Alert, 'kind' | 'tier' | 'moments' | 'look'>,
    waiting: number,
    slots: number,
    effects = 0,
  ) {
    if (alert.kind !== 'full') return false;
    const first = alert.moments.every((m) => !this.#thanked.has(m.userKey));
    for (const m of alert.moments) this.#thanked.add(m.userKey, true);
    if (alert.look.effect !== undefined) return false;
    const ended = endedCount(alert);
    return !playsEffect({ waiting, slots, tier: alert.tier, first, ended, effects });
  }
}
