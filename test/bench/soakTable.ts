import type { MemoryCounts } from './browser/cdp';
import type { AlertsHook } from './browser/pages';

export interface SoakPoint {
  label: string;
  gifts: number;
  settleMs: number;
  hook: AlertsHook;
  memory: MemoryCounts;
}

export interface SoakRow {
  name: string;
  /** At start, middle and end (formatted). */
  values: string[];
  /** The largest change from start, as a share of start (0 when both are 0). */
  drift: number;
}

const METRICS: { name: string; read: (p: SoakPoint) => number; show?: (n: number) => string }[] = [
  {
    name: 'JS heap after GC',
    read: (p) => p.memory.heapUsed,
    show: (n) => `${(n / 1024 / 1024).toFixed(2)} MB`,
  },
  { name: 'DOM nodes (document)', read: (p) => p.memory.nodes },
  { name: 'DOM nodes (alerts root)', read: (p) => p.hook.domNodes },
  { name: 'PixiJS display objects', read: (p) => p.hook.displayObjects },
  { name: 'textures', read: (p) => p.hook.textures },
  { name: 'pooled sprites', read: (p) => p.hook.pooledSprites },
  { name: 'JS event listeners', read: (p) => p.memory.jsEventListeners },
  {
    name: 'listeners on window + document',
    read: (p) => p.memory.windowListeners + p.memory.documentListeners,
  },
];

/** The points the budget compares: the soak's start, middle and end (not 'loaded' or 'warm-up'). */
export function soakPoints<P extends { label: string }>(points: readonly P[]): P[] {
  return points.filter((p) => p.label === 'start' || p.label === 'middle' || p.label === 'end');
}

export function soakRows(points: readonly SoakPoint[]): SoakRow[] {
  const measured = soakPoints(points);
  return METRICS.map(({ name, read, show = String }) => {
    const values = measured.map(read);
    const start = values[0] ?? 0;
    let drift = 0;
    for (const v of values.slice(1)) {
      const d = start === 0 ? (v === 0 ? 0 : Infinity) : (v - start) / start;
      if (Math.abs(d) > Math.abs(drift)) drift = d;
    }
    return { name, values: values.map(show), drift };
  });
}
