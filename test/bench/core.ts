/**
 * `npm run bench:core`: events per second through the whole core pipeline in Node,
 * parse (JSON text of TikFinity flat gift frames) -> dedupe -> streaks/bombs -> board,
 * with 1,000 and 100,000 distinct gifters, and heap bytes per gifter. Writes bench-results/core.json.
 *
 * "parse" is measured three ways: a tiny inline mapping (JSON.parse + field reads), none (frames
 * mapped before the clock starts: the core alone), and the real feed mapping (src/feeds/tiktok.ts,
 * zod schemas), which is what the pages run. Rates are per CPU-second of this process (GC threads
 * included) and per wall-second: the machine is shared, so wall time overstates the cost.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CoreEvent } from '../../src/core/events';
import { GiftSession } from '../../src/core/session';
import { DEFAULT_SCALE, giftPoints } from '../../src/core/value';
import { mapTikTok } from '../../src/feeds/tiktok';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const EVENTS = 400_000;
const CHUNK = 50_000;
const STEP_MS = 0.5; // simulated time between deliveries: 2,000 events/s of stream time

/** A seeded xorshift: the same frames every run. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * Frames like a live TikTok stream: Rose-style streaks (cumulative steps, an end marker that is
 * sometimes missing), one-off gifts, and ~3% replays of a recent frame (reconnect).
 */
function* frames(gifters: number, seed: number): Generator<string> {
  const rnd = random(seed);
  const recent: string[] = [];
  let msg = 7137749190944230150n;
  let group = 1661887131074;
  const open: { user: number; groupId: number; count: number; length: number; end: boolean }[] = [];
  for (;;) {
    if (recent.length > 0 && rnd() < 0.03) {
      yield recent[Math.floor(rnd() * recent.length)]!;
      continue;
    }
    const user = Math.floor(rnd() * gifters);
    let data: Record<string, unknown>;
    if (open.length < 50 && rnd() < 0.2) {
      open.push({
        user,
        groupId: group++,
        count: 0,
        length: 1 + Math.floor(rnd() * 20),
        end: rnd() < 0.9,
      });
    }
    const streak = open.length > 0 && rnd() < 0.7 ? open[Math.floor(rnd() * open.length)]! : null;
    const base = {
      userId: String(6813181309701719620n + BigInt(streak ? streak.user : user)),
      uniqueId: `viewer${streak ? streak.user : user}`,
      nickname: `Viewer ${streak ? streak.user : user}`,
      msgId: String(msg++),
      createTime: '1661887134397',
    };
    if (streak) {
      streak.count++;
      const last = streak.count >= streak.length;
      if (last) open.splice(open.indexOf(streak), 1);
      if (last && !streak.end) continue; // the end marker that never arrives
      data = {
        ...base,
        giftId: 5655,
        giftName: 'Rose',
        giftType: 1,
        diamondCount: 1,
        repeatCount: streak.count,
        repeatEnd: last,
        groupId: String(streak.groupId),
      };
    } else {
      data = {
        ...base,
        giftId: 6369,
        giftName: 'Lion',
        giftType: 2,
        diamondCount: 1 + Math.floor(rnd() * 300),
        repeatCount: 1,
        repeatEnd: false,
        groupId: String(group++),
      };
    }
    const text = JSON.stringify({ event: 'gift', data });
    recent.push(text);
    if (recent.length > 200) recent.shift();
    yield text;
  }
}

/** The floor: what a hand-written adapter does with a flat gift frame. */
function inlineMap(text: string): CoreEvent | null {
  const frame = JSON.parse(text) as { event?: string; data?: Record<string, unknown> };
  const d = frame.data;
  if (frame.event !== 'gift' || !d || typeof d.msgId !== 'string' || typeof d.userId !== 'string')
    return null;
  const streak = d.giftType === 1;
  const count = Math.max(1, Number(d.repeatCount) || 1);
  const key = `tiktok:${d.userId}`;
  const coins = Number(d.diamondCount) || 0;
  return {
    kind: 'gift',
    id: d.msgId,
    platform: 'tiktok',
    at: Number(d.createTime) || 0,
    sender: {
      key,
      login: String(d.uniqueId ?? ''),
      name: String(d.nickname ?? ''),
      anonymous: false,
    },
    value: giftPoints(DEFAULT_SCALE, coins, count),
    combo: streak
      ? { key: `${key}:${String(d.giftId)}:${String(d.groupId)}`, role: 'total' }
      : null,
    final: streak ? d.repeatEnd === true : true,
    gift: { id: String(d.giftId), name: String(d.giftName ?? ''), coins },
    count,
  };
}

function feedsMap(text: string): CoreEvent | null {
  const frame = JSON.parse(text) as { event: string; data: unknown };
  const result = mapTikTok(frame.event, frame.data, DEFAULT_SCALE, 0);
  return result.kind === 'event' ? result.event : null;
}

interface Run {
  /** none: frames mapped before the clock starts, so only dedupe -> streaks -> board is timed. */
  parse: 'inline' | 'feeds' | 'none';
  gifters: number;
  events: number;
  /** Per second of this process's CPU time (all its threads: GC included). The machine is shared. */
  eventsPerCpuSecond: number;
  /** Per second of wall time: lower whenever other processes compete for the 2 cores. */
  eventsPerWallSecond: number;
  boardRows: number;
  heapBytesPerGifter: number;
  saveMs: number;
  savedBytes: number;
  drops: Readonly<Record<string, number>>;
}

function run(parse: Run['parse'], gifters: number, events: number): Run {
  const map = parse === 'feeds' ? feedsMap : inlineMap;
  const source = frames(gifters, 7);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const saved = new Map<string, string>();
  const store = {
    get: (k: string) => saved.get(k) ?? null,
    set: (k: string, v: string) => void saved.set(k, v),
    remove: (k: string) => void saved.delete(k),
  };
  const session = new GiftSession({
    config: {
      session: 'bench',
      role: 'alerts',
      streakTimeoutMs: 8000,
      block: [],
      blockAction: 'mask',
      hide: [],
      limits: { saveIntervalMs: Infinity },
    },
    store,
    now: 0,
  });
  let now = 0;
  let busyNs = 0n;
  let cpuUs = 0;
  for (let done = 0; done < events; done += CHUNK) {
    const chunk: (string | CoreEvent | null)[] = [];
    for (let i = 0; i < CHUNK; i++) chunk.push(source.next().value as string);
    if (parse === 'none') for (let i = 0; i < CHUNK; i++) chunk[i] = inlineMap(chunk[i] as string);
    gc(); // the generator's garbage is not the pipeline's cost
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < chunk.length; i++) {
      const item = chunk[i]!;
      const event = typeof item === 'string' ? map(item) : item;
      now += STEP_MS;
      if (event) session.ingest(event, now);
      if ((i & 1023) === 0) {
        session.tick(now);
        session.top(5);
      }
    }
    busyNs += process.hrtime.bigint() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuUs += cpu.user + cpu.system;
  }
  session.tick(now + 60_000);
  const saveStart = process.hrtime.bigint();
  session.save(now + 60_000);
  const saveMs = Number(process.hrtime.bigint() - saveStart) / 1e6;
  const savedBytes = Array.from(saved.values()).reduce((sum, v) => sum + v.length * 2, 0);
  saved.clear();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const rows = session.gifters;
  return {
    parse,
    gifters,
    events,
    eventsPerCpuSecond: Math.round(events / (cpuUs / 1e6)),
    eventsPerWallSecond: Math.round(events / (Number(busyNs) / 1e9)),
    boardRows: rows,
    heapBytesPerGifter: Math.round((heapAfter - heapBefore) / Math.max(1, rows)),
    saveMs: Math.round(saveMs * 10) / 10,
    savedBytes,
    drops: session.drops,
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

run('inline', 1_000, 200_000); // warm-up: let V8 optimise the hot paths first
const runs = [
  run('inline', 1_000, EVENTS),
  run('inline', 100_000, EVENTS),
  run('none', 1_000, EVENTS),
  run('none', 100_000, EVENTS),
  run('feeds', 1_000, EVENTS / 2),
  run('feeds', 100_000, EVENTS / 2),
];
const result = {
  date: new Date().toISOString(),
  commit: commit(),
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  node: process.version,
  nproc: availableParallelism(),
  cpu: cpuModel(),
  target: '>= 500,000 events/s with 100,000 gifters (inline parse)',
  runs,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/core.json', JSON.stringify(result, null, 2) + '\n');
process.stdout.write(
  `core pipeline: parse -> dedupe -> streaks/bombs -> board (${result.cpu}, ${result.nproc} cpus, node ${result.node}, ${result.commit})\n`,
);
for (const r of runs) {
  process.stdout.write(
    `  ${r.parse.padEnd(6)} ${String(r.gifters).padStart(7)} gifters  ${r.eventsPerCpuSecond.toLocaleString('en-US').padStart(11)} events/cpu-s (${r.eventsPerWallSecond.toLocaleString('en-US')}/wall-s)  ` +
      `${r.heapBytesPerGifter} B heap/gifter  save ${r.saveMs} ms, ${Math.round(r.savedBytes / 1024)} KiB  drops ${JSON.stringify(r.drops)}\n`,
  );
}
process.stdout.write('wrote bench-results/core.json\n');
