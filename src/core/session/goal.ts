import type { Config } from '../config/config';
import type { GoalKind } from './Tally';
import { toMilli } from '../event/value';

/** One goal of the session, as the URL sets it (`goal=`, `goalkind=`, `goalstart=`, `goalrepeat=`). */
export interface GoalSpec {
  kind: GoalKind;
  /** The target (> 0). */
  target: number;
  /** Counted before the overlay started (added to what the session counts). */
  start: number;
  /** On: reaching the target rolls over to the next multiple. Off: the bar stays full. */
  repeat: boolean;
}

/** What the bar shows. */
export interface GoalProgress {
  /** The goal's value: what the session counted plus `start`. */
  value: number;
  /** The target shown: the goal, or with `repeat` the multiple being worked towards. */
  target: number;
  /** Share of the bar filled, 0..1. */
  fill: number;
  /** Whole percent shown (rounded down, so 100 means reached; above 100 when exceeded). */
  percent: number;
  /** Times the goal has been reached (0 or 1 without `repeat`). */
  level: number;
}

/** Names a goal setting: a changed target or kind is a new goal with its own celebration. */
export function goalKey(spec: GoalSpec): string {
  return `${spec.kind}:${spec.target}:${spec.start}:${spec.repeat ? 'r' : ''}`;
}

/**
 * Progress of a goal at `counted`. `hold` (a level already reached) shows that round full, so a
 * repeating bar stays at 100% while it celebrates before it rolls over. Computed on integer
 * milli-units: 0.57 of a goal is 57%, never 56.99...
 */
export function goalProgress(spec: GoalSpec, counted: number, hold?: number): GoalProgress {
  const value = counted + spec.start;
  const v = toMilli(value);
  const t = Math.max(1, toMilli(spec.target));
  const reached = Math.floor(v / t);
  if (!spec.repeat) {
    return {
      value,
      target: spec.target,
      fill: Math.min(1, v / t),
      percent: Math.floor((v * 100) / t),
      level: Math.min(1, reached),
    };
  }
  if (hold !== undefined && hold >= 1 && hold <= reached) {
    return { value, target: spec.target * hold, fill: 1, percent: 100, level: reached };
  }
  const into = v - reached * t;
  return {
    value,
    target: spec.target * (reached + 1),
    fill: into / t,
    percent: Math.floor((into * 100) / t),
    level: reached,
  };
}

/** The goal a page's URL sets, or null when `goal=` is not set. */
export function goalSpecOf(config: Config): GoalSpec | null {
  if (config.goal === undefined) return null;
  return {
    kind: config.goalkind,
    target: config.goal,
    start: config.goalstart,
    repeat: config.goalrepeat,
  };
}
