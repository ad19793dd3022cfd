/**
 * `npm run bench:tiktok`: what TikTok LIVE by @username (issue 22) costs, from TikTok's push frame
 * to the page's sink, with the real tiktok-live-connector 2.5 and nothing on the network:
 * - the fake of TikTok (test/servers/fakeTikTok.ts: the library's own encoders) in a helper
 *   process (tiktokFakeChild.ts), sending the gifts of tiktokTraffic.ts on a fixed schedule, each
 *   stamped when `fake.send` returned;
 * - in this process, the hub's TikTok route on a real HTTP server (attachHub), its connection made
 *   by the real library (tiktokLibrary) through the fake's sign server (look-ups at the sign
 *   server only, as GIFTGLOW_TIKTOK_LOOKUP=sign-server);
 * - the page side (tiktokPage.ts: createTikTokLiveFeed on a `ws` socket, a sink that stamps each
 *   event), in two modes run alternately, round by round: 'one process' (the page in this process:
 *   latency, and the CPU of the whole path) and 'page apart' (the page in a helper process,
 *   tiktokPageChild.ts: the hub's CPU alone here, the page's there).
 * Latency: from `fake.send` returning to the sink's `event()`, per gift, on CLOCK_MONOTONIC (one
 * clock for all three processes). CPU: process.cpuUsage over the timed window (first frame sent
 * to last gift at the sink) / gifts. The baselines, in the same run, on the same frames the hub
 * forwarded (captured first, by a plain socket), µs per frame: JSON.parse at the LIVE's pace (on
 * the gifts' own schedule, a round of it before each round of the modes: it pays the wake-ups
 * and cold caches the path pays) and JSON.parse and JSON.stringify in hot loops.
 * Two steps of ours are also timed alone in hot loops over the same frames: the hub's eventFrame
 * (on the library's own event objects, from a second connection of the library) and the page's
 * JSON.parse + reader. A warm-up run of each mode, then medians of 3 rounds, as core.ts. Every
 * process runs with --single-threaded-gc. Writes bench-results/tiktok.json; ~2 minutes.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EulerStreamApiClient from 'tiktok-live-api-sdk';
import { TikTokLiveConnection, WebcastEvent } from 'tiktok-live-connector';
import { WebSocket } from 'ws';
import { DEFAULT_SCALE } from '../../src/core/event/value';
import { mapTikFinityJson } from '../../src/feeds/tiktok/tikfinityFeed';
import { dataFolderOf } from '../../src/hub/dataFolder';
import { attachHub } from '../../src/hub/hubServer';
import { eventFrame } from '../../src/hub/tiktok/eventFrame';
import { SignKey } from '../../src/hub/tiktok/SignKey';
import { readTikTokStatus } from '../../src/wire/tiktokLive';
import { clockMs, collector, forkChild, type BenchChild } from './benchChild';
import { git, nodeHost } from './machine';
import { measure, median, summary, type Mode, type Run } from './tiktokFigures';
import { pageSide } from './tiktokPage';
import { BATCHES } from './tiktokTraffic';

const FRAMES = 500;
const flag = process.argv.indexOf('--interval');
/**
 * Between two frames: 20 ms is 50 frames and 275 gifts a second, a very busy LIVE, far below what
 * the socket carries. `-- --interval <ms>` sends them denser or sparser.
 */
const INTERVAL_MS = flag >= 0 ? Number(process.argv[flag + 1]) : 20;
const GIFTS = (FRAMES / BATCHES.length) * BATCHES.reduce((sum, n) => sum + n, 0);
const ROUNDS = 3;
const SEED = 22;
/** Passes over the captured frames per baseline round: enough CPU time to read past the clock. */
const BASELINE_PASSES = 20;
const RUN_TIMEOUT_MS = FRAMES * INTERVAL_MS + 30_000;

const gc = collector();
const here = (file: string) => new URL(file, import.meta.url).pathname;
const loadBefore = loadavg();

const fake = forkChild(here('tiktokFakeChild.ts'));
const { signUrl, username, roomId } = await fake.ask<
  Record<'signUrl' | 'username' | 'roomId', string>
>({ type: 'hello' });
const server: Server = createServer((req, res) => {
  hub.middleware(req, res, () => res.writeHead(404).end());
});
// No key: a key file of a temporary folder that stays empty (the bench signs anonymously).
const signKey = new SignKey(
  join(mkdtempSync(join(tmpdir(), 'giftglow-bench-')), 'sign-key'),
  undefined,
);
const hub = attachHub(server, {
  token: 'b'.repeat(43),
  settings: { signUrl, signKey, lookup: 'sign-server' },
  data: dataFolderOf(mkdtempSync(join(tmpdir(), 'giftglow-bench-data-')), {}),
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const hubUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/hub`;
const sendGifts = (entered = 1) =>
  fake.ask<{ gifts: number; lateMs: number }>({
    type: 'run',
    frames: FRAMES,
    seed: SEED,
    intervalMs: INTERVAL_MS,
    entered,
  });

/**
 * One round's traffic, off the clock: the gift frames the hub forwards, as a plain socket hears
 * them (the baseline's input), and the library's own event objects the hub makes them from, from
 * a second connection of the library beside the hub's. Also the hub's first connection to TikTok,
 * and its warm-up.
 */
async function capture(): Promise<{ texts: string[]; objects: unknown[] }> {
  const texts: string[] = [];
  const objects: unknown[] = [];
  const side = new TikTokLiveConnection(username, {
    fetchRoomInfoOnConnect: false,
    eulerApiInstance: new EulerStreamApiClient({ basePath: signUrl }),
  });
  side.on(WebcastEvent.GIFT, (data) => void objects.push(data));
  await side.connect(roomId);
  const ws = new WebSocket(`${hubUrl}/tiktok?user=${username}`);
  let isLive = (): void => undefined;
  const live = new Promise<void>((resolve) => (isLive = resolve));
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text.startsWith('{"event":"gift"')) texts.push(text);
    else if (readTikTokStatus(JSON.parse(text))?.state === 'live') isLive();
  });
  await live;
  await sendGifts(2);
  const short = () => texts.length < GIFTS || objects.length < GIFTS;
  for (let waited = 0; short() && waited < RUN_TIMEOUT_MS; waited += 50) await sleep(50);
  ws.close();
  await side.disconnect();
  if (short()) throw new Error(`captured ${texts.length} and ${objects.length} of ${GIFTS} gifts`);
  return { texts, objects };
}

/** One round's traffic through one mode. */
async function run(mode: Mode, pageChild: BenchChild): Promise<Run> {
  const inHere = mode === 'one process' ? pageSide(hubUrl, username) : null;
  if (inHere) await inHere.live;
  else await pageChild.ask({ type: 'open', hubUrl, username });
  gc();
  if (!inHere) await pageChild.ask({ type: 'begin', expected: GIFTS });
  const cpuStart = process.cpuUsage();
  const sent = sendGifts();
  const finished = inHere
    ? inHere.until(GIFTS, RUN_TIMEOUT_MS).then(() => ({ cpuMicros: NaN }))
    : pageChild.ask<{ cpuMicros: number }>({
        type: 'finish',
        timeoutMs: RUN_TIMEOUT_MS,
      });
  const page = await finished;
  const cpu = process.cpuUsage(cpuStart);
  const { lateMs } = await sent;
  const stamps = await fake.ask<Array<[string, number, number]>>({ type: 'stamps' });
  let arrived = inHere?.arrived;
  let drops = inHere?.drops;
  if (inHere) inHere.stop();
  else {
    const answer = await pageChild.ask<{ arrived: [string, number][]; drops: string[] }>({
      type: 'arrivals',
    });
    arrived = new Map(answer.arrived);
    drops = answer.drops;
  }
  if (drops?.length) throw new Error(`the page dropped frames: ${drops.slice(0, 3).join('; ')}`);
  const figures = measure(stamps, arrived ?? new Map());
  return {
    mode,
    ...figures,
    hubProcessMicros: (cpu.user + cpu.system) / figures.gifts,
    pageMicros: inHere ? null : page.cpuMicros / figures.gifts,
    lateMs,
  };
}

/**
 * CPU µs per frame of `work` in a hot loop over every frame, BASELINE_PASSES times; median of the
 * rounds. The baseline, and Giftglow's own two steps on the path timed alone.
 */
function perFrame<T>(frames: T[], work: (frame: T) => number): number {
  const rounds: number[] = [];
  let sink = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    gc();
    const start = process.cpuUsage();
    for (let pass = 0; pass < BASELINE_PASSES; pass++) for (const f of frames) sink += work(f);
    const cpu = process.cpuUsage(start);
    // Round 0 warms the JIT up, as the other runs' warm-up does.
    if (round > 0) rounds.push((cpu.user + cpu.system) / (BASELINE_PASSES * frames.length));
  }
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return median(rounds);
}

/**
 * CPU µs per frame of JSON.parse at the LIVE's pace: the frames parsed on the gifts' own schedule
 * (frames of 1 and 10 every INTERVAL_MS), each wake-up meeting caches the rest of the machine has
 * had meanwhile, as every step of the path does. The baseline of the path's figures.
 */
async function pacedParse(texts: string[]): Promise<number> {
  let sink = 0;
  let next = 0;
  gc();
  const cpuStart = process.cpuUsage();
  const start = clockMs();
  for (let i = 0; i < FRAMES; i++) {
    const due = start + i * INTERVAL_MS;
    if (due > clockMs()) await sleep(due - clockMs());
    for (let n = BATCHES[i % BATCHES.length] ?? 1; n > 0; n--) {
      sink += (JSON.parse(texts[next++ % texts.length]!) as { event: string }).event.length;
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return (cpu.user + cpu.system) / next;
}

const { texts: frames, objects } = await capture();
const pageChild = forkChild(here('tiktokPageChild.ts'));
const runs: Run[] = [];
const paced: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  const parse = await pacedParse(frames);
  if (round > 0) paced.push(parse);
  process.stdout.write(`JSON.parse at the LIVE's pace: ${parse.toFixed(1)} µs/frame\n`);
  for (const mode of ['one process', 'page apart'] as const) {
    const result = await run(mode, pageChild);
    // Round 0 is the warm-up: the JIT settles every process's path first.
    if (round > 0) runs.push(result);
    const { p50, p95 } = result.latency;
    process.stdout.write(
      `${round === 0 ? 'warm-up' : `round ${round}`}, ${mode}: p50 ${p50} ms, p95 ${p95} ms, ` +
        `hub process ${result.hubProcessMicros.toFixed(1)} µs/gift` +
        (result.pageMicros === null ? '' : `, page ${result.pageMicros.toFixed(1)} µs/gift`) +
        '\n',
    );
  }
}
const parsed = frames.map((text) => JSON.parse(text) as { event: string; data: unknown });
const parseMicros = perFrame(
  frames,
  (text) => (JSON.parse(text) as { event: string }).event.length,
);
const stringifyMicros = perFrame(parsed, (json) => JSON.stringify(json).length);
// The hub's forwarding: the library's own event object -> the text frame.
const forwardMicros = perFrame(objects, (data) => eventFrame('gift', data)?.length ?? 0);
// The page's reader, from the text frame: the socket's JSON.parse, then the one TikTok reader.
const readMicros = perFrame(frames, (text) => {
  const read = mapTikFinityJson(JSON.parse(text), DEFAULT_SCALE, 0);
  return read.kind === 'event' ? read.event.value : -1e9;
});
const loadAfter = loadavg();
server.close();
hub.close();
await fake.ask({ type: 'close' });
fake.stop();
pageChild.stop();

const together = summary(runs.filter((r) => r.mode === 'one process'));
const apart = summary(runs.filter((r) => r.mode === 'page apart'));
const r2 = (x: number) => Math.round(x * 100) / 100;
const pacedMicros = r2(median(paced));
const costs = {
  wholePath: together.hubProcessMicrosPerGift.median,
  hub: apart.hubProcessMicrosPerGift.median,
  page: apart.pageMicrosPerGift?.median ?? NaN,
};
/** A cost over a baseline, both µs per frame (one gift is one forwarded frame). */
const over = (micros: number, baseline: number) => Math.round((micros / baseline) * 10) / 10;
const result = {
  date: new Date().toISOString(),
  commit: git('rev-parse --short HEAD') + (git('status --porcelain -- src') ? '+changes' : ''),
  /** 1, 5 and 15 minute load averages when the bench started and ended. */
  loadAverage: { start: loadBefore.map(r2), end: loadAfter.map(r2) },
  ...nodeHost(),
  traffic: {
    frames: FRAMES,
    gifts: GIFTS,
    batches: BATCHES,
    intervalMs: INTERVAL_MS,
    forwardedFrameChars: Math.round(frames.reduce((sum, t) => sum + t.length, 0) / frames.length),
  },
  /** JSON.parse of the forwarded frames on the gifts' schedule, µs per frame, each round's too. */
  pacedJsonParse: { median: pacedMicros, rounds: paced.map(r2) },
  /** Hot loops over the forwarded frames, µs per frame: the baseline, then two steps of ours. */
  hotLoop: {
    jsonParse: r2(parseMicros),
    jsonStringify: r2(stringifyMicros),
    hubEventFrame: r2(forwardMicros),
    pageParseAndRead: r2(readMicros),
  },
  /** CPU µs per gift, and over JSON.parse of a frame in a hot loop, and at the LIVE's pace. */
  perGift: Object.fromEntries(
    Object.entries(costs).map(([path, micros]) => [
      path,
      {
        micros,
        overHotParse: over(micros, parseMicros),
        overPacedParse: over(micros, pacedMicros),
      },
    ]),
  ),
  modes: { 'one process': together, 'page apart': apart },
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/tiktok.json', JSON.stringify(result, null, 2) + '\n');

const out = (line: string) => process.stdout.write(line + '\n');
const lat = (s: typeof together) =>
  `${s.latencyMs.p50.median} | ${s.latencyMs.p95.median} | ${s.latencyMs.p99.median} | ${s.latencyMs.max.median}`;
out(`tiktok bench ${result.date} on ${result.cpu} (${result.nproc} cpus), node ${result.node}`);
out(
  `commit ${result.commit}; load average ${result.loadAverage.start.join(' ')} -> ${result.loadAverage.end.join(' ')}`,
);
out(
  `${GIFTS} gifts in ${FRAMES} frames (batches of ${BATCHES.join(' and ')}) every ${INTERVAL_MS} ms, forwarded frames ~${result.traffic.forwardedFrameChars} chars; median of ${ROUNDS} rounds`,
);
const row = (what: string, micros: number, latency = ' | | | ') =>
  out(
    `| ${what} | ${r2(micros)} | ${over(micros, parseMicros)} | ${over(micros, pacedMicros)} | ${latency} |`,
  );
out('| path | CPU µs/gift | × JSON.parse hot | × JSON.parse paced | p50 ms | p95 | p99 | max |');
out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
row('whole path, one process (library + hub + page)', costs.wholePath, lat(together));
row("hub's process, page apart (library + hub)", costs.hub, lat(apart));
row("page's process (socket + feed + reader)", costs.page);
row("baseline: JSON.parse of a forwarded frame, at the LIVE's pace", pacedMicros);
row('baseline: JSON.parse of it, hot loop', parseMicros);
row('JSON.stringify of it, hot loop', stringifyMicros);
row("the hub's eventFrame alone, hot loop", forwardMicros);
row("the page's JSON.parse + reader alone, hot loop", readMicros);
out(
  `missing gifts: ${together.missing + apart.missing}; worst send lateness ${Math.max(together.worstLateMs, apart.worstLateMs)} ms`,
);
out('wrote bench-results/tiktok.json');
// The hub's connections linger for their grace period (unref'd timers, a closing socket or two).
process.exit(0);
