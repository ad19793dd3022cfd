import type { Alert } from './AlertQueue';
import type { Moment } from './moment';
import { ROLL_CALL } from './battle';
import { tierOf, type Tier } from './tiers';

/** What a "+N more" alert says: how many gifts were folded in, their worth, the biggest gifters. */
export interface Summary {
  count: number;
  value: number;
  /** Every gifter folded in (already sanitised names, at most `ROLL_CALL`), best first. */
  names: string[];
}

export function momentsValue(moments: readonly Moment[]): number {
  let sum = 0;
  for (const m of moments) sum += Number.isFinite(m.value) ? m.value : 0;
  return sum;
}

/**
 * Gathers the gifts a busy queue could not show one by one, until the summary plays: a roll call
 * that names each of its gifters, up to `ROLL_CALL` of them (the queue starts another when full).
 */
export class PendingSummary {
  /** Play before anything else waiting (the page came back to a backlog). */
  urgent = false;
  #count = 0;
  #value = 0;
  readonly #named: { name: string; value: number }[] = [];

  constructor(readonly since: number) {}

  /** Fold in one waiting entry (one gifter's moments). */
  add(moments: readonly Moment[]): void {
    const value = momentsValue(moments);
    this.#count += moments.length;
    this.#value += value;
    const name = moments[0]?.name ?? '';
    const known = this.#named.find((t) => t.name === name);
    if (known) known.value += value;
    else this.#named.push({ name, value });
    this.#named.sort((a, b) => b.value - a.value);
  }

  names(name: string): boolean {
    return this.#named.some((t) => t.name === name);
  }

  /** Names as many gifters as one summary may: the next gifter folded starts another. */
  get full(): boolean {
    return this.#named.length >= ROLL_CALL;
  }

  get worth(): number {
    return this.#value;
  }

  snapshot(): Summary {
    return { count: this.#count, value: this.#value, names: this.#named.map((t) => t.name) };
  }
}

/** The roll calls of what a busy queue folded, oldest first: each gifter is named in one of them. */
export class RollCalls {
  readonly #list: PendingSummary[] = [];

  get length(): number {
    return this.#list.length;
  }

  get first(): PendingSummary | undefined {
    return this.#list[0];
  }

  shift(): PendingSummary | undefined {
    return this.#list.shift();
  }

  /** Play them before anything else waiting (the page came back to a backlog). */
  urgent(): void {
    for (const rollCall of this.#list) rollCall.urgent = true;
  }

  /** One waiting entry (one gifter's moments): into the roll call that names the gifter, if any. */
  add(moments: readonly Moment[], now: number): void {
    const name = moments[0]?.name ?? '';
    let rollCall = this.#list.find((r) => r.names(name)) ?? this.#list.find((r) => !r.full);
    if (!rollCall) this.#list.push((rollCall = new PendingSummary(now)));
    rollCall.add(moments);
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
    calm: false,
    startedAt: now,
    endsAt: now + lengthMs,
  };
}
