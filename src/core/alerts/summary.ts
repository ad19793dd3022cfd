import type { Alert } from './AlertQueue';
import type { Moment } from './moment';
import { tierOf, type Tier } from './tiers';

/** What a "+N more" alert says: how many gifts were folded in, their worth, the biggest gifters. */
export interface Summary {
  count: number;
  value: number;
  /** The first few biggest gifters folded in (already sanitised names), best first. */
  names: string[];
}

const SUMMARY_NAMES = 3;

export function momentsValue(moments: readonly Moment[]): number {
  let sum = 0;
  for (const m of moments) sum += Number.isFinite(m.value) ? m.value : 0;
  return sum;
}

/** Gathers the gifts a busy queue could not show one by one, until the summary plays. */
export class PendingSummary {
  /** Play before anything else waiting (the page came back to a backlog). */
  urgent = false;
  #count = 0;
  #value = 0;
  readonly #top: { name: string; value: number }[] = [];

  constructor(readonly since: number) {}

  /** Fold in one waiting entry (one gifter's moments). */
  add(moments: readonly Moment[]): void {
    const value = momentsValue(moments);
    this.#count += moments.length;
    this.#value += value;
    const name = moments[0]?.name ?? '';
    const known = this.#top.find((t) => t.name === name);
    if (known) known.value += value;
    else this.#top.push({ name, value });
    this.#top.sort((a, b) => b.value - a.value);
    this.#top.length = Math.min(this.#top.length, SUMMARY_NAMES);
  }

  get worth(): number {
    return this.#value;
  }

  snapshot(): Summary {
    return { count: this.#count, value: this.#value, names: this.#top.map((t) => t.name) };
  }
}

/** The "+N more" alert: never bigger than tier 2 (it thanks many, none of them loudly). */
export function summaryAlert(
  key: string,
  summary: PendingSummary,
  now: number,
  lengthMs: number,
  tiers: readonly number[],
): Alert {
  const tier = Math.min(2, tierOf(summary.worth, tiers)) as Tier;
  return {
    key,
    kind: 'summary',
    tier,
    moments: [],
    summary: summary.snapshot(),
    look: {},
    startedAt: now,
    endsAt: now + lengthMs,
  };
}
