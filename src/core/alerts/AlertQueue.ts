import type { Moment } from './moment';
import { backlogFactor, SUMMARY_LENGTH, type Tier } from './tiers';
import { RecentMap } from '../RecentMap';
import type { Rule, RuleThen } from '../rules/ruleFormat';
import { belowMin, lookOf, mutes, ruleFor, shapeOf, shownNow, speaks } from './alertLook';
import { momentsValue, RollCalls, summaryAlert, type Summary } from './summary';
import { BattleCalm, battleLength, battleRoom, catchUp } from './battle';
import { noStats, type QueueStats } from './queueStats';

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
  /**
   * The alert rules (core/rules), in order; default none. The first rule matching an alert's
   * moment decides its look; a moment no rule matches is shown exactly as without rules.
   */
  rules?: readonly Rule[];
}

export type AlertKind = 'full' | 'compact' | 'summary';

/** What became of a moment that is no longer waiting or playing. */
type Fate = 'played' | 'summarised' | 'skipped' | 'below-min' | 'ruled-out';

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
   * `{}` when no rule matched: the alert is shown as it always was. `effect: 'none'`: show no
   * effect (a rule's media without an effect of its own gets it: alertLook.ts). Re-matched on
   * every in-place update: a streak that reaches a rule's count takes that rule's look.
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

interface Waiting {
  key: string;
  userKey: string;
  moments: Moment[];
  seq: number;
  /** The rule the moments matched when pushed: only moments of one rule wait together. */
  rule: Rule | null;
}

/**
 * The alert queue: pure and driven by wall-clock `now` (never by animation frames, which stop while
 * OBS hides a source). Priority by value; one gifter's waiting gifts coalesce; a live combo (same
 * moment id) updates its alert in place; a long queue folds into a "+N more" summary; alerts get
 * shorter as a backlog builds; after a long pause (the page was hidden) the backlog is summarised.
 */
export class AlertQueue {
  readonly stats: QueueStats = noStats();
  readonly #options: QueueOptions;
  readonly #playing: Alert[] = [];
  readonly #waiting: Waiting[] = [];
  readonly #located = new Map<string, Waiting | Alert>();
  /** What became of recent moment ids, so a late combo update never opens a second alert. */
  readonly #fates = new RecentMap<Fate>(5_000);
  readonly #dirty = new Set<Alert>();
  /** Each playing alert's rules (those it started under) and the rule it shows now. */
  readonly #ruleOf = new WeakMap<Alert, { rules: readonly Rule[]; rule: Rule | null }>();
  #rules: readonly Rule[];
  /** Roll calls of what was folded, oldest first; only the last one still takes gifters. */
  readonly #rollCalls = new RollCalls();
  readonly #battle = new BattleCalm();
  #seq = 0;
  #summaries = 0;
  #lastAdvance: number | null = null;

  constructor(options: QueueOptions) {
    this.#options = options;
    this.#rules = options.rules ?? [];
  }

  /** New rules (the streamer saved them): alerts that start from now on follow them. */
  setRules(rules: readonly Rule[]): void {
    this.#rules = rules;
  }

  /** A new moment, or an update of one already queued or shown (same `id`). */
  push(moment: Moment, now: number): void {
    this.stats.pushed++;
    this.#lastAdvance ??= now; // a page hidden from the start measures its pause from the first gift
    const at = this.#located.get(moment.id);
    if (at) return this.#update(at, moment, now);
    const rule = ruleFor(this.#rules, [moment]);
    const fate = this.#fates.get(moment.id);
    // A combo that grew past min= (or out of a rule's "no alert") after being skipped: show it now.
    const skipped = fate === 'below-min' || fate === 'ruled-out';
    if (skipped && shownNow(moment, rule, this.#options)) this.#fates.delete(moment.id);
    else if (fate) return void this.stats.late++;
    if (!moment.callout || mutes(rule)) {
      this.#fates.set(moment.id, moment.callout ? 'ruled-out' : 'skipped');
      this.stats.skipped++;
      return;
    }
    // One gifter's separate gifts of one rule wait as one alert; a live combo keeps its own (its
    // counter climbs), and so do a raid and a moment whose rule brings its media, sound or text.
    let entry =
      moment.final && !speaks(rule) && moment.tier === undefined
        ? this.#waiting.find(
            (w) =>
              w.userKey === moment.userKey &&
              w.rule === rule &&
              w.moments.every((m) => m.final && m.tier === undefined),
          )
        : undefined;
    if (entry) entry.moments.push(moment);
    else {
      const seq = this.#seq++;
      entry = { key: moment.id, userKey: moment.userKey, moments: [moment], seq, rule };
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
    // Re-matched: "Rose streak of 10 or more" takes over when the streak reaches 10. A rule that
    // says "no alert" cannot stop an alert already playing: it keeps the look it had.
    const ruled = this.#ruleOf.get(at) ?? { rules: this.#rules, rule: null };
    let rule = ruleFor(ruled.rules, at.moments);
    if (mutes(rule)) rule = ruled.rule;
    const { slots, durationMs } = this.#options;
    const shape = shapeOf(at.moments, rule, this.#options);
    if (shape.kind === 'full') at.kind = 'full';
    if (at.kind === 'full') at.tier = shape.tier;
    // A rule that takes over plays its whole length; a climbing streak stays a while longer.
    let extend = 0.6 * (rule?.then.duration ?? durationMs / 1000) * 1000;
    if (rule !== ruled.rule) {
      this.#ruleOf.set(at, { rules: ruled.rules, rule });
      at.look = lookOf(rule);
      extend = shape.lengthMs;
    }
    if (at.calm) at.calm = this.#battle.calm(at, this.waitingCount, slots, this.#effects(at));
    at.endsAt = Math.max(at.endsAt, now + battleLength(extend, this.waitingCount, slots));
    this.#dirty.add(at);
  }

  #endDue(now: number): Alert[] {
    const ended: Alert[] = [];
    for (let i = this.#playing.length - 1; i >= 0; i--) {
      const alert = this.#playing[i]!;
      if (alert.endsAt > now) continue;
      this.#playing.splice(i, 1);
      ended.unshift(alert);
      this.#settle(alert.moments, 'played');
    }
    return ended;
  }

  /** The next alert to show; null when the next entry was skipped (below min=); undefined when none. */
  #startNext(now: number): Alert | null | undefined {
    const { durationMs, min, minAction, tiers, slots } = this.#options;
    const factor = backlogFactor(this.#waiting.length, slots);
    const summary = this.#rollCalls.first;
    const due = summary && (summary.urgent || now - summary.since >= 2 * durationMs);
    if (summary && (this.#waiting.length === 0 || due)) {
      this.#rollCalls.shift();
      const key = `summary:${++this.#summaries}`;
      const length = battleLength(durationMs * SUMMARY_LENGTH * factor, this.waitingCount, slots);
      return this.#begin(summaryAlert(key, summary, now, length, tiers));
    }
    const entry = this.#waiting.shift();
    if (!entry) return undefined;
    // Judged again as it starts: the rules may have changed, a live combo may have grown.
    const rule = ruleFor(this.#rules, entry.moments);
    const skip = mutes(rule) || (minAction === 'none' && belowMin(entry.moments, rule, min));
    if (skip) {
      this.#settle(entry.moments, mutes(rule) ? 'ruled-out' : 'below-min');
      this.stats.skipped += entry.moments.length;
      return null;
    }
    // Follows, likes and shares are worth no points: a compact thank-you, never a big effect.
    const shape = shapeOf(entry.moments, rule, this.#options);
    const alert: Alert = {
      key: entry.key,
      kind: shape.kind,
      tier: shape.tier,
      moments: entry.moments,
      summary: null,
      look: lookOf(rule),
      calm: false,
      startedAt: now,
      endsAt: now + battleLength(shape.lengthMs * factor, this.waitingCount, slots),
    };
    this.#ruleOf.set(alert, { rules: this.#rules, rule });
    alert.calm = this.#battle.calm(alert, this.waitingCount, slots, this.#effects(alert));
    for (const m of entry.moments) this.#located.set(m.id, alert);
    return this.#begin(alert);
  }

  /** Effects playing now besides `alert`'s: full alerts on screen not thanked calmly. */
  #effects(alert: Alert): number {
    let n = 0;
    for (const a of this.#playing) if (a !== alert && a.kind === 'full' && !a.calm) n++;
    return n;
  }

  #begin(alert: Alert): Alert {
    this.#playing.push(alert);
    this.stats.started++;
    return alert;
  }

  #fold(entry: Waiting | undefined, now: number): void {
    if (!entry) return;
    this.#rollCalls.add(entry.moments, now);
    this.#settle(entry.moments, 'summarised');
    this.stats.summarised += entry.moments.length;
  }

  /** These moments are done with: what became of them answers their late updates. */
  #settle(moments: readonly Moment[], fate: Fate): void {
    for (const m of moments) {
      this.#located.delete(m.id);
      this.#fates.set(m.id, fate);
    }
  }

  #sortWaiting(): void {
    this.#waiting.sort(
      (a, b) => momentsValue(b.moments) - momentsValue(a.moments) || a.seq - b.seq,
    );
  }
}
