import type { Moment } from './moment';
import {
  backlogFactor,
  COMPACT_LENGTH,
  SUMMARY_LENGTH,
  TIER_LENGTH,
  tierOf,
  type Tier,
} from './tiers';
import { RecentMap } from '../RecentMap';
import type { RuleThen } from '../rules/ruleFormat';
import { momentsValue, RollCalls, type Summary } from './summary';
import { battleLength, battleRoom, catchUp, endedCount, playsEffect } from './battle';

export interface QueueOptions {
  /** Alerts on screen at once (the callout stack). */
  slots: number;
  /** Alerts that may wait; beyond this the least valuable fold into one "+N more" summary. */
  maxLength: number;
  /** Base length of an alert in ms (`duration=`); tiers, compact and backlog scale it. */
  durationMs: number;
  /** Points below which a gift gets a compact callout, or none (`min=`, `minaction=`). */
  min: number;
  minAction: 'compact' | 'none';
  /** Effect tier thresholds (`tiers=`). */
  tiers: readonly number[];
  /** A pause in `advance` calls this long with a backlog means the page was hidden: summarise. */
  backlogGapMs: number;
}

export type AlertKind = 'full' | 'compact' | 'summary';

/** What became of a moment that is no longer waiting or playing. */
type Fate = 'played' | 'summarised' | 'skipped' | 'below-min';

/** One thing on screen: a moment, several coalesced moments of one gifter, or a summary. */
export interface Alert {
  readonly key: string;
  kind: AlertKind;
  tier: Tier;
  /** Coalesced moments of one gifter (empty for a summary); a live combo updates in place. */
  readonly moments: Moment[];
  readonly summary: Summary | null;
  /**
   * What the first matching alert rule decided (core/rules): media, sound, text, effect, length.
   * `{}` when no rule matched: the alert is shown as it always was.
   */
  look: RuleThen;
  /** A full alert thanked by its callout alone: a gift battle's small gift (core/alerts/battle). */
  calm: boolean;
  readonly startedAt: number;
  endsAt: number;
}

export interface QueueStep {
  started: Alert[];
  updated: Alert[];
  ended: Alert[];
}

export interface QueueStats {
  pushed: number;
  started: number;
  updated: number;
  summarised: number;
  skipped: number;
  late: number;
}

interface Waiting {
  key: string;
  userKey: string;
  moments: Moment[];
  seq: number;
}

const total = momentsValue;

/**
 * The alert queue: pure and driven by wall-clock `now` (never by animation frames, which stop while
 * OBS hides a source). Priority by value; one gifter's waiting gifts coalesce; a live combo (same
 * moment id) updates its alert in place; a long queue folds into a "+N more" summary; alerts get
 * shorter as a backlog builds; after a long pause (the page was hidden) the backlog is summarised.
 */
export class AlertQueue {
  readonly stats: QueueStats = {
    pushed: 0,
    started: 0,
    updated: 0,
    summarised: 0,
    skipped: 0,
    late: 0,
  };
  readonly #options: QueueOptions;
  readonly #playing: Alert[] = [];
  readonly #waiting: Waiting[] = [];
  readonly #located = new Map<string, Waiting | Alert>();
  /** What became of recent moment ids, so a late combo update never opens a second alert. */
  readonly #fates = new RecentMap<Fate>(5_000);
  readonly #dirty = new Set<Alert>();
  /** Roll calls of what was folded, oldest first; only the last one still takes gifters. */
  readonly #rollCalls = new RollCalls();
  /** Gifters who had a full alert on this page (a first gift is worth an effect in a battle). */
  readonly #thanked = new RecentMap<true>(20_000);
  #seq = 0;
  #summaries = 0;
  #lastAdvance: number | null = null;

  constructor(options: QueueOptions) {
    this.#options = options;
  }

  /** A new moment, or an update of one already queued or shown (same `id`). */
  push(moment: Moment, now: number): void {
    this.stats.pushed++;
    this.#lastAdvance ??= now; // a page hidden from the start measures its pause from the first gift
    const at = this.#located.get(moment.id);
    if (at) return this.#update(at, moment, now);
    const fate = this.#fates.get(moment.id);
    if (fate === 'below-min' && moment.value >= this.#options.min && moment.callout) {
      this.#fates.delete(moment.id); // a combo that grew past min= after being skipped: show it now
    } else if (fate) {
      this.stats.late++;
      return;
    }
    if (!moment.callout) {
      this.#fates.set(moment.id, 'skipped');
      this.stats.skipped++;
      return;
    }
    // One gifter's separate gifts wait as one alert; a live combo keeps its own (its counter climbs).
    let entry = moment.final
      ? this.#waiting.find((w) => w.userKey === moment.userKey && w.moments.every((m) => m.final))
      : undefined;
    if (entry) entry.moments.push(moment);
    else {
      entry = { key: moment.id, userKey: moment.userKey, moments: [moment], seq: this.#seq++ };
      this.#waiting.push(entry);
    }
    this.#located.set(moment.id, entry);
    this.#sortWaiting();
    const room = battleRoom(this.#options.slots, this.#options.maxLength);
    while (this.#waiting.length > room) this.#fold(this.#waiting.pop(), now);
    catchUp(this.#playing, this.waitingCount, this.#options.slots, now);
  }

  /** Move time forward: end what is over, start what fits, report in-place updates. */
  advance(now: number): QueueStep {
    const { slots, backlogGapMs } = this.#options;
    if (this.#lastAdvance !== null && now - this.#lastAdvance >= backlogGapMs) {
      // Back after a long pause: the biggest gifts still play, the rest is roll calls shown now.
      if (this.#waiting.length > slots) {
        while (this.#waiting.length > slots - 1) this.#fold(this.#waiting.pop(), now);
        this.#rollCalls.urgent();
      }
    }
    this.#lastAdvance = now;
    const ended = this.#endDue(now);
    const started: Alert[] = [];
    while (this.#playing.length < slots) {
      const alert = this.#startNext(now);
      if (alert === undefined) break;
      if (alert) started.push(alert);
    }
    const updated = [...this.#dirty].filter(
      (a) => this.#playing.includes(a) && !started.includes(a),
    );
    this.#dirty.clear();
    this.stats.updated += updated.length;
    return { started, updated, ended };
  }

  /** When `advance` next has something to do (an alert ends), or null when nothing plays. */
  nextWake(): number | null {
    let next: number | null = null;
    for (const a of this.#playing) if (next === null || a.endsAt < next) next = a.endsAt;
    return next;
  }

  get waitingCount(): number {
    return this.#waiting.length + this.#rollCalls.length;
  }

  get playingCount(): number {
    return this.#playing.length;
  }

  #update(at: Waiting | Alert, moment: Moment, now: number): void {
    const i = at.moments.findIndex((m) => m.id === moment.id);
    if (i >= 0) at.moments[i] = moment;
    if (!('startedAt' in at)) return this.#sortWaiting();
    const value = total(at.moments);
    if (at.kind === 'compact' && value >= this.#options.min && value > 0) at.kind = 'full';
    if (at.kind === 'full') at.tier = tierOf(value, this.#options.tiers);
    if (at.calm) at.calm = this.#calm(at); // a streak that grew big or long earns its effect
    const { durationMs, slots } = this.#options;
    at.endsAt = Math.max(at.endsAt, now + battleLength(durationMs * 0.6, this.waitingCount, slots));
    this.#dirty.add(at);
  }

  #endDue(now: number): Alert[] {
    const ended: Alert[] = [];
    for (let i = this.#playing.length - 1; i >= 0; i--) {
      const alert = this.#playing[i]!;
      if (alert.endsAt > now) continue;
      this.#playing.splice(i, 1);
      ended.unshift(alert);
      for (const m of alert.moments) {
        this.#located.delete(m.id);
        this.#fates.set(m.id, 'played');
      }
    }
    return ended;
  }

  /** The next alert to show; null when the next entry was skipped (below min=); undefined when none. */
  #startNext(now: number): Alert | null | undefined {
    const { durationMs, min, minAction, tiers, slots } = this.#options;
    const factor = backlogFactor(this.#waiting.length, slots);
    const waiting = this.#waiting.length;
    const summary = this.#rollCalls.first;
    const due = summary && (summary.urgent || now - summary.since >= 2 * durationMs);
    if (summary && (waiting === 0 || due)) {
      this.#rollCalls.shift();
      const key = `summary:${++this.#summaries}`;
      const tier = Math.min(2, tierOf(summary.worth, tiers)) as Tier;
      const length = battleLength(durationMs * SUMMARY_LENGTH * factor, this.waitingCount, slots);
      return this.#begin({
        key,
        kind: 'summary',
        tier,
        moments: [],
        summary: summary.snapshot(),
        look: {},
        calm: false,
        startedAt: now,
        endsAt: now + length,
      });
    }
    const entry = this.#waiting.shift();
    if (!entry) return undefined;
    const value = total(entry.moments);
    if (value < min && minAction === 'none') {
      for (const m of entry.moments) {
        this.#located.delete(m.id);
        this.#fates.set(m.id, 'below-min');
      }
      this.stats.skipped += entry.moments.length;
      return null;
    }
    // Follows, likes, shares and raids are worth no points: a compact thank-you, never a big effect.
    const kind = value < min || value <= 0 ? 'compact' : 'full';
    const tier = kind === 'full' ? tierOf(value, tiers) : 1;
    const length = durationMs * (kind === 'full' ? TIER_LENGTH[tier] : COMPACT_LENGTH) * factor;
    const alert: Alert = {
      key: entry.key,
      kind,
      tier,
      moments: entry.moments,
      summary: null,
      look: {},
      calm: false,
      startedAt: now,
      endsAt: now + battleLength(length, this.waitingCount, slots),
    };
    alert.calm = kind === 'full' && this.#calm(alert);
    if (kind === 'full') this.#thanked.add(entry.userKey, true);
    for (const m of entry.moments) this.#located.set(m.id, alert);
    return this.#begin(alert);
  }

  /** The battle rule (core/alerts/battle) for a full alert, with what waits behind it now. */
  #calm(alert: Alert): boolean {
    const first = alert.moments.every((m) => !this.#thanked.has(m.userKey));
    const { slots } = this.#options;
    const ended = endedCount(alert);
    return !playsEffect({ waiting: this.waitingCount, slots, tier: alert.tier, first, ended });
  }

  #begin(alert: Alert): Alert {
    this.#playing.push(alert);
    this.stats.started++;
    return alert;
  }

  #fold(entry: Waiting | undefined, now: number): void {
    if (!entry) return;
    this.#rollCalls.add(entry.moments, now);
    for (const m of entry.moments) {
      this.#located.delete(m.id);
      this.#fates.set(m.id, 'summarised');
    }
    this.stats.summarised += entry.moments.length;
  }

  #sortWaiting(): void {
    this.#waiting.sort((a, b) => total(b.moments) - total(a.moments) || a.seq - b.seq);
  }
}
