import { BUDGETS, verdict, type Verdict } from './budgets';

/**
 * The media alerts' lines (issue 23) in `npm run bench`'s report: read from the `media` and
 * `mediaSoak` sections that test/bench/browser/media.spec.ts writes.
 */

interface LionCost {
  seconds: number;
  cpu: { rendererSeconds: number; gpuSeconds: number };
  frames: number;
  quality: string;
  played: number;
  idle: { rafPerSecond: number; ggMedia: number; videos: number } | null;
}

interface Clip {
  file: string;
  width: number;
  height: number;
  fps?: number;
  seconds: number;
}

export interface MediaResults {
  loadavg: number[];
  clip: Clip;
  /** A second, small clip on its own pages in the same rounds (how the cost scales). */
  small?: Clip;
  /** With `GIFTGLOW_BENCH_AB=1`: the baseline commit whose tier-4 effect ran in the same rounds. */
  baselineCommit?: string;
  rounds: {
    order: string;
    loadavg: number;
    media: LionCost;
    effect: LionCost;
    small?: LionCost;
    baseline?: LionCost;
  }[];
}

export interface MediaSoakPoint {
  label: string;
  alerts: number;
  shown: { VIDEO: number; IMG: number };
  hook: { domNodes: number; textures: number; displayObjects: number };
  memory: {
    heapUsed: number;
    nodes: number;
    jsEventListeners: number;
    windowListeners: number;
    documentListeners: number;
  };
  media: {
    videos: number;
    images: number;
    ggMedia: number;
    resources: number;
    arrayBuffers: number;
  };
  rssKb: number | null;
}

export interface MediaSoakResults {
  loadavg: number[];
  seconds: number;
  warmup: number;
  points: MediaSoakPoint[];
}

interface Line {
  budget: string;
  measured: string;
  verdict: Verdict;
}

const cpuOf = (c: LionCost) => c.cpu.rendererSeconds + c.cpu.gpuSeconds;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`;

/** A clip's CPU-seconds over the effect's, all rounds together (each side ran as often). */
export function mediaRatio(
  m: MediaResults,
  side: 'media' | 'small' = 'media',
  against: 'effect' | 'baseline' = 'effect',
): number {
  const clip = m.rounds.map((r) => r[side]);
  const base = m.rounds.map((r) => r[against]);
  if ([...clip, ...base].some((c) => c === undefined)) return NaN;
  return sum(clip.map((c) => cpuOf(c!))) / sum(base.map((c) => cpuOf(c!)));
}

const SOAK_ROWS: { name: string; read: (p: MediaSoakPoint) => number | null; mb?: boolean }[] = [
  { name: 'JS heap after GC', read: (p) => p.memory.heapUsed, mb: true },
  { name: 'DOM nodes (document)', read: (p) => p.memory.nodes },
  { name: 'DOM nodes (alerts root)', read: (p) => p.hook.domNodes },
  {
    name: 'media elements (video + img in the document)',
    read: (p) => p.media.videos + p.media.images,
  },
  { name: 'Blink resources (Performance.getMetrics)', read: (p) => p.media.resources },
  { name: 'ArrayBuffer contents (Performance.getMetrics)', read: (p) => p.media.arrayBuffers },
  { name: 'PixiJS textures', read: (p) => p.hook.textures },
  { name: 'JS event listeners', read: (p) => p.memory.jsEventListeners },
  { name: 'renderer + GPU process RSS', read: (p) => p.rssKb && p.rssKb * 1024, mb: true },
];

export function mediaSoakRows(points: readonly MediaSoakPoint[]) {
  return SOAK_ROWS.map(({ name, read, mb }) => {
    const values = points.map(read).filter((v): v is number => v !== null && v >= 0);
    const start = values[0] ?? 0;
    let drift = 0;
    for (const v of values.slice(1)) {
      const d = start === 0 ? (v === 0 ? 0 : Infinity) : (v - start) / start;
      if (Math.abs(d) > Math.abs(drift)) drift = d;
    }
    const show = (v: number) => (mb ? `${(v / 1024 / 1024).toFixed(1)} MB` : String(v));
    return { name, values: values.map(show), drift };
  });
}

export function mediaChecks(m?: MediaResults, soak?: MediaSoakResults): Line[] {
  const out: Line[] = [];
  if (m && m.rounds.length > 0) {
    const ratio = mediaRatio(m);
    const clip = sum(m.rounds.map((r) => cpuOf(r.media)));
    const effect = sum(m.rounds.map((r) => cpuOf(r.effect)));
    out.push({
      budget: `Media: one WebM alert's renderer + GPU CPU ≤ ${BUDGETS.mediaVsTier4}× one tier-4 effect's (same run, A/B)`,
      measured: `${ratio.toFixed(2)}× (${clip.toFixed(1)} vs ${effect.toFixed(1)} CPU-s over ${m.rounds.length} rounds each)`,
      verdict: verdict(ratio <= BUDGETS.mediaVsTier4),
    });
    const idle = Math.max(...m.rounds.map((r) => r.media.idle?.rafPerSecond ?? Infinity));
    const left = sum(
      m.rounds.map((r) => (r.media.idle?.ggMedia ?? 1) + (r.media.idle?.videos ?? 1)),
    );
    out.push({
      budget: `Media: idle after a clip ended, ${BUDGETS.idleRafPerSecond} rAF/s and no media element`,
      measured: `${idle.toFixed(1)} rAF/s at most, ${left} media elements left`,
      verdict: verdict(idle <= BUDGETS.idleRafPerSecond && left === 0),
    });
  }
  if (soak && soak.points.length > 1) {
    for (const row of mediaSoakRows(soak.points))
      out.push({
        budget: `Media soak: ${row.name} flat within ${Math.round(BUDGETS.soakFlat * 100)}%`,
        measured: `${row.values.join(' → ')} (${pct(row.drift)})`,
        verdict: verdict(Math.abs(row.drift) <= BUDGETS.soakFlat),
      });
  }
  return out;
}

const clipName = (c: Clip) =>
  `${c.file} (${c.width}x${c.height}${c.fps ? `, ${c.fps} fps` : ''}, VP9 with alpha, ${c.seconds} s, looping)`;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function mediaMarkdown(m?: MediaResults, soak?: MediaSoakResults): string {
  const parts: string[] = [];
  if (m && m.rounds.length > 0) {
    const row = (label: string, c: LionCost) => [
      label,
      `${c.seconds.toFixed(1)} s`,
      c.cpu.rendererSeconds.toFixed(2),
      c.cpu.gpuSeconds.toFixed(2),
      `**${cpuOf(c).toFixed(2)}**`,
      (cpuOf(c) / c.seconds).toFixed(2),
      String(c.frames),
    ];
    parts.push(
      '### Media alerts (issue 23): a WebM clip against the tier-4 effect it replaces',
      '',
      `One Lion alert on a fresh page (after a first Lion that pays the one-off costs), gift frame to callout and media gone; the sides take turns going first. Clip: ${clipName(m.clip)}${m.small ? `; small clip: ${clipName(m.small)}` : ''}. Load average at the end: ${m.loadavg.join(', ')} (2 CPUs, shared with other engineers): read the ratios, not the seconds.`,
      '',
      table(
        [
          'round (order)',
          'window',
          'renderer CPU-s',
          'GPU process CPU-s',
          'total CPU-s',
          'cores',
          'PixiJS frames',
        ],
        m.rounds.flatMap((r, i) => [
          row(`${i + 1} (${r.order}): WebM clip`, r.media),
          row(`${i + 1} (${r.order}): tier-4 effect`, r.effect),
          ...(r.small ? [row(`${i + 1} (${r.order}): small clip`, r.small)] : []),
          ...(r.baseline
            ? [row(`${i + 1} (${r.order}): tier-4 effect of ${m.baselineCommit}`, r.baseline)]
            : []),
        ]),
      ),
      '',
      `Clip over effect, all rounds: **${mediaRatio(m).toFixed(2)}×**${m.small ? `; small clip over effect: ${mediaRatio(m, 'small').toFixed(2)}×` : ''}${m.rounds.every((r) => r.baseline) ? `; clip over the tier-4 effect of ${m.baselineCommit} (before issue 25 made it cheaper), same rounds: **${mediaRatio(m, 'media', 'baseline').toFixed(2)}×**` : ''}.`,
    );
  }
  if (soak && soak.points.length > 1) {
    const last = soak.points[soak.points.length - 1]!;
    const first = soak.points[0]!;
    parts.push(
      '',
      `### Media soak: ${last.alerts - first.alerts} media alerts after a warm-up of ${soak.warmup}`,
      '',
      `Half WebM clips, a quarter each PNG and GIF, \`duration\` 1 s, 24 regular gifters, in batches of 9 (a battle folds more than 10 waiting into roll calls); counts at rest after two forced GCs. ${last.shown.VIDEO} videos and ${last.shown.IMG} images shown in ${soak.seconds} s (load ${soak.loadavg.join(', ')}).`,
      '',
      table(
        ['', ...soak.points.map((p) => `${p.label} (${p.alerts})`), 'change'],
        mediaSoakRows(soak.points).map((r) => [r.name, ...r.values, pct(r.drift)]),
      ),
    );
  }
  return parts.join('\n');
}
