/** The figures of the TikTok bench (test/bench/tiktok.ts): per run, then the medians of its rounds. */

export type Mode = 'one process' | 'page apart';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One timed run: a round's traffic through one mode. */
export interface Run {
  mode: Mode;
  gifts: number;
  /** Gifts sent that never reached the sink within the run's time (0 expected). */
  missing: number;
  /** From `fake.send` returning to the sink's `event()`, ms, every gift. */
  latency: Latency;
  /** The median latency of the gifts that came alone, and of those in a frame of ten. */
  p50ByBatch: Record<string, number>;
  /** CPU of the hub's process per gift, µs: with the page in it ('one process'), or not. */
  hubProcessMicros: number;
  /** CPU of the page's process per gift, µs ('page apart' only). */
  pageMicros: number | null;
  /** The fake's worst lateness against its send schedule, ms: a starved machine shows here. */
  lateMs: number;
}

/** Nearest rank of a sorted list. */
const rank = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

export const median = (values: number[]): number =>
  rank(
    [...values].sort((a, b) => a - b),
    0.5,
  );

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function latencyOf(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: round(rank(sorted, 0.5), 2),
    p95: round(rank(sorted, 0.95), 2),
    p99: round(rank(sorted, 0.99), 2),
    max: round(sorted.at(-1) ?? NaN, 2),
  };
}

/** Per gift: when it was sent and how many shared its frame; when it arrived (absent: lost). */
export function measure(
  sent: Array<[string, number, number]>,
  arrived: Map<string, number>,
): Pick<Run, 'gifts' | 'missing' | 'latency' | 'p50ByBatch'> {
  const all: number[] = [];
  const byBatch = new Map<number, number[]>();
  for (const [id, sentAt, batch] of sent) {
    const at = arrived.get(id);
    if (at === undefined) continue;
    all.push(at - sentAt);
    const list = byBatch.get(batch) ?? [];
    list.push(at - sentAt);
    byBatch.set(batch, list);
  }
  const p50ByBatch: Record<string, number> = {};
  for (const [batch, ms] of byBatch) p50ByBatch[String(batch)] = latencyOf(ms).p50;
  return {
    gifts: sent.length,
    missing: sent.length - all.length,
    latency: latencyOf(all),
    p50ByBatch,
  };
}

/** The median of each figure over a mode's rounds, and each round's, in the order run. */
export function summary(runs: Run[]) {
  const of = (pick: (run: Run) => number) => ({
    median: round(median(runs.map(pick)), 2),
    rounds: runs.map((run) => round(pick(run), 2)),
  });
  return {
    rounds: runs.length,
    missing: runs.reduce((sum, run) => sum + run.missing, 0),
    latencyMs: {
      p50: of((r) => r.latency.p50),
      p95: of((r) => r.latency.p95),
      p99: of((r) => r.latency.p99),
      max: of((r) => r.latency.max),
    },
    p50ByBatchMs: Object.fromEntries(
      Object.keys(runs[0]?.p50ByBatch ?? {}).map((batch) => [
        batch,
        of((r) => r.p50ByBatch[batch] ?? NaN).median,
      ]),
    ),
    hubProcessMicrosPerGift: of((r) => r.hubProcessMicros),
    pageMicrosPerGift: runs.some((r) => r.pageMicros !== null)
      ? of((r) => r.pageMicros ?? NaN)
      : null,
    worstLateMs: round(Math.max(...runs.map((r) => r.lateMs)), 1),
  };
}
