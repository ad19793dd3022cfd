/**
 * `npm run bench:core [-- --baseline <commit>]`: events per second through the core pipeline in
 * Node, with 1,000 and 100,000 distinct gifters, per stage:
 * - json: JSON.parse of TikFinity flat gift frames alone;
 * - map-inline / map-feeds: JSON.parse + a hand-written field mapping / the real feed mapping
 *   (src/feeds/tiktok.ts, zod), no session;
 * - core: dedupe -> streaks/bombs -> board on CoreEvents mapped before the clock starts;
 * - pipeline-inline / pipeline-feeds: text frame -> mapping -> session, what the pages run.
 * Every session stage also calls tick() and top(5) every 1,024 events.
 *
 * With `--baseline <commit>` the session stages run for that commit's src/ too (extracted with
 * `git archive` under node_modules/.cache), alternating with the working tree's in the same
 * process, so before/after share the machine's load. Rates are per CPU-second of this process (GC
 * threads included) and per wall-second; the machine is shared. Writes bench-results/core.json.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CoreEvent } from '../../src/core/events';
import { GiftSession } from '../../src/core/session';
import { DEFAULT_SCALE, giftPoints } from '../../src/core/value';
import { mapTikTok } from '../../src/feeds/tiktok';
import { cpuModel, git, seeded } from './machine';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const EVENTS = 200_000;
const CHUNK = 50_000;
const ROUNDS = 3;
const STEP_MS = 0.5; // simulated time between deliveries: 2,000 events/s of stream time

/**
 * Frames like a live TikTok stream: Rose-style streaks (cumulative steps, an end marker that is
 * sometimes missing), one-off gifts, and ~3% replays of a recent frame (reconnect).
 */
function* frames(gifters: number, seed: number): Generator<string> {
  const rnd = seeded(seed);
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

type Stage = 'json' | 'map-inline' | 'map-feeds' | 'core' | 'pipeline-inline' | 'pipeline-feeds';
type Session = Pick<GiftSession, 'ingest' | 'tick' | 'top' | 'save' | 'gifters' | 'drops'>;
type SessionClass = new (options: ConstructorParameters<typeof GiftSession>[0]) => Session;

interface Rate {
  stage: Stage;
  gifters: number;
  /** 'current' (working tree) or the baseline commit. */
  code: string;
  events: number;
  /** Medians over the rounds. */
  eventsPerCpuSecond: number;
  eventsPerWallSecond: number;
  /** Per event, from the CPU rate. */
  microseconds: number;
}

function newSession(Session: SessionClass, store?: Map<string, string>): Session {
  return new Session({
    config: {
      session: 'bench',
      role: 'alerts',
      streakTimeoutMs: 8000,
      block: [],
      blockAction: 'mask',
      hide: [],
      limits: { saveIntervalMs: Infinity },
    },
    store: store && {
      get: (k: string) => store.get(k) ?? null,
      set: (k: string, v: string) => void store.set(k, v),
      remove: (k: string) => void store.delete(k),
    },
    now: 0,
  });
}

/** Times one stage over `events` frames; the frames (and pre-mapped events) are made off the clock. */
function time(
  stage: Stage,
  Session: SessionClass,
  gifters: number,
  events: number,
): [number, number] {
  const source = frames(gifters, 7);
  const session = newSession(Session);
  let now = 0;
  let wallNs = 0n;
  let cpuUs = 0;
  let sink = 0;
  for (let done = 0; done < events; done += CHUNK) {
    const texts: string[] = [];
    for (let i = 0; i < CHUNK; i++) texts.push(source.next().value as string);
    // Fresh event objects and key strings each run, as a live feed makes them.
    const mapped = stage === 'core' ? texts.map(inlineMap) : [];
    gc(); // the generator's garbage is not the stage's cost
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < CHUNK; i++) {
      const text = texts[i]!;
      let event: CoreEvent | null;
      switch (stage) {
        case 'json':
          sink += (JSON.parse(text) as { event: string }).event.length;
          continue;
        case 'map-inline':
          sink += inlineMap(text)?.value ?? 0;
          continue;
        case 'map-feeds':
          sink += feedsMap(text)?.value ?? 0;
          continue;
        case 'core':
          event = mapped[i]!;
          break;
        case 'pipeline-inline':
          event = inlineMap(text);
          break;
        case 'pipeline-feeds':
          event = feedsMap(text);
          break;
      }
      now += STEP_MS;
      if (event) session.ingest(event, now);
      if ((i & 1023) === 0) {
        session.tick(now);
        session.top(5);
      }
    }
    wallNs += process.hrtime.bigint() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuUs += cpu.user + cpu.system;
  }
  if (sink < 0) throw new Error('unreachable: keeps the parse results alive');
  return [events / (cpuUs / 1e6), events / (Number(wallNs) / 1e9)];
}

const round2 = (values: number[]) => values.map((v) => Math.round(v * 100) / 100);

const median = (values: number[]): number =>
  values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Heap per board row and the cost of one save, after a core run (working tree only). */
function footprint(gifters: number, events: number) {
  const source = frames(gifters, 7);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const saved = new Map<string, string>();
  const session = newSession(GiftSession, saved);
  let now = 0;
  for (let i = 0; i < events; i++) {
    const event = inlineMap(source.next().value as string);
    now += STEP_MS;
    if (event) session.ingest(event, now);
  }
  session.tick(now + 60_000);
  const start = process.hrtime.bigint();
  session.save(now + 60_000);
  const saveMs = Number(process.hrtime.bigint() - start) / 1e6;
  const savedBytes = Array.from(saved.values()).reduce((sum, v) => sum + v.length * 2, 0);
  saved.clear();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    gifters,
    boardRows: session.gifters,
    heapBytesPerGifter: Math.round((heapAfter - heapBefore) / Math.max(1, session.gifters)),
    saveMs: Math.round(saveMs * 10) / 10,
    savedBytes,
    drops: session.drops,
  };
}

/** The baseline commit's GiftSession, from its own src/ (the mapping stays the working tree's). */
async function baselineSession(commit: string): Promise<SessionClass> {
  const dir = resolve('node_modules/.cache/giftglow-bench', commit);
  if (!existsSync(resolve(dir, 'src/core/session.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', commit, 'src']);
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  const module = (await import(pathToFileURL(resolve(dir, 'src/core/session.ts')).href)) as {
    GiftSession: SessionClass;
  };
  return module.GiftSession;
}

const flag = process.argv.indexOf('--baseline');
const baseline = flag >= 0 ? git(`rev-parse --short ${process.argv[flag + 1] ?? ''}`) : null;
const codes: [string, SessionClass][] = [['current', GiftSession]];
if (baseline) codes.push([baseline, await baselineSession(baseline)]);
const loadBefore = loadavg();

for (const [, Session] of codes) time('pipeline-inline', Session, 1_000, EVENTS); // JIT warm-up

const rates: Rate[] = [];
const stages: Stage[] = [
  'json',
  'map-inline',
  'map-feeds',
  'core',
  'pipeline-inline',
  'pipeline-feeds',
];
for (const gifters of [1_000, 100_000]) {
  for (const stage of stages) {
    const withSession = stage === 'core' || stage.startsWith('pipeline');
    const events = stage.endsWith('feeds') ? EVENTS / 2 : EVENTS;
    const runs = new Map<string, [number, number][]>();
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the code under test round by round: both see the same load.
      for (const [code, Session] of withSession ? codes : codes.slice(0, 1)) {
        const list = runs.get(code) ?? [];
        list.push(time(stage, Session, gifters, events));
        runs.set(code, list);
      }
    }
    for (const [code, list] of runs) {
      const cpu = median(list.map(([c]) => c));
      rates.push({
        stage,
        gifters,
        code: withSession ? code : 'n/a',
        events,
        eventsPerCpuSecond: Math.round(cpu),
        eventsPerWallSecond: Math.round(median(list.map(([, w]) => w))),
        microseconds: Math.round((1e6 / cpu) * 100) / 100,
      });
    }
  }
}
const footprints = [footprint(1_000, EVENTS), footprint(100_000, EVENTS)];

const result = {
  date: new Date().toISOString(),
  commit: git('rev-parse --short HEAD') + (git('status --porcelain -- src/core') ? '+changes' : ''),
  baseline,
  /** 1, 5 and 15 minute load averages when the bench started and ended (2 cores). */
  loadAverage: { start: round2(loadBefore), end: round2(loadavg()) },
  node: process.version,
  nproc: availableParallelism(),
  cpu: cpuModel(),
  target: '>= 500,000 events/s through the whole pipeline with 100,000 gifters',
  rates,
  footprints,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/core.json', JSON.stringify(result, null, 2) + '\n');

const out = (line: string) => process.stdout.write(line + '\n');
out(`core bench ${result.date} on ${result.cpu} (${result.nproc} cpus), node ${result.node}`);
out(
  `commit ${result.commit}${baseline ? `, baseline ${baseline}` : ''}; load average ${result.loadAverage.start.join(' ')} -> ${result.loadAverage.end.join(' ')}`,
);
out('| stage | gifters | code | events/CPU-s | µs/event | events/wall-s |');
out('| --- | ---: | --- | ---: | ---: | ---: |');
for (const r of rates) {
  const n = (x: number) => x.toLocaleString('en-US');
  out(
    `| ${r.stage} | ${n(r.gifters)} | ${r.code} | ${n(r.eventsPerCpuSecond)} | ${r.microseconds} | ${n(r.eventsPerWallSecond)} |`,
  );
}
for (const f of footprints) {
  out(
    `${f.gifters} gifters: ${f.boardRows} rows, ${f.heapBytesPerGifter} B heap/gifter, save ${f.saveMs} ms, ${Math.round(f.savedBytes / 1024)} KiB, drops ${JSON.stringify(f.drops)}`,
  );
}
out('wrote bench-results/core.json');
