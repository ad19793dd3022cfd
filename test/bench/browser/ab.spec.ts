import { expect, test, type Browser } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { AB_COMMIT_FILE } from '../ab/paths';
import { AB_PORT, PORT } from '../playwright.bench.config';
import { startFeedServer, type FeedServer } from '../../servers/feedServer';
import { alertsPage, LION, oneAlert } from './alertCost';
import { cpuOver } from './cdp';
import { burstTraffic, play } from './gifts';
import { ALERTS_FRAMES, alertsHook, fpsIn, untilDrained, untilQuiet } from './pages';
import { machine, RESULTS_DIR } from './results';

/**
 * `npm run bench:ab` (issue 25): this build against a baseline commit's build (test/bench/ab/build.ts,
 * default `main`), both served in the same run and measured in alternating order (A B, B A, ...) so
 * the machine's slow spells fall on both. Per round and build: one tier-4 alert (gift to callout
 * gone) and the 1,000-gift burst on the alerts page alone (CPU of renderer + GPU process, frames in
 * the burst's first second, when nothing waits any more, when the queue is drained, who was named).
 * Writes bench-results/ab.json and prints the ratios; nothing here asserts a timing.
 */

const ROUNDS = Number(process.env.GIFTGLOW_BENCH_ROUNDS ?? 3);
const RUN = Date.now().toString(36);

interface Build {
  label: 'baseline' | 'current';
  origin: string;
}

async function burst(browser: Browser, feed: FeedServer, build: Build, round: number) {
  const { page, close } = await alertsPage(browser, feed, '', undefined, build.origin);
  const plan = burstTraffic(`ab${RUN}${build.label[0]}${round}`);
  const gifters = new Set(plan.events.map((e) => (JSON.parse(e.frame) as Named).user.name));
  const f0 = (await page.evaluate(ALERTS_FRAMES)) as number;
  let times = { realTimeMs: 0, drainMs: 0, firstSecondFps: 0 };
  const cpu = await cpuOver(browser, 0, async () => {
    const first = fpsIn(page, ALERTS_FRAMES, 1000);
    const sent = await play(plan.events, (frame) => feed.send(frame));
    const realTimeAt = await untilNothingWaits(page);
    const drainedAt = await untilDrained(page);
    times = {
      realTimeMs: realTimeAt - sent.endedAt,
      drainMs: drainedAt - sent.startedAt,
      firstSecondFps: (await first).fps,
    };
  });
  const frames = ((await page.evaluate(ALERTS_FRAMES)) as number) - f0;
  await untilQuiet(page);
  const hook = await alertsHook(page);
  // The baseline's hook has no `thanked` (it named 3 gifters a summary, not everyone).
  const named = hook.thanked ? new Set(hook.thanked) : null;
  const unnamed = named ? [...gifters].filter((g) => !named.has(g)).length : null;
  await close();
  return { cpuSeconds: cpuSum(cpu), frames, ...times, gifters: gifters.size, unnamed };
}

interface Named {
  user: { name: string };
}

const cpuSum = (cpu: { rendererSeconds: number; gpuSeconds: number }) =>
  Math.round((cpu.rendererSeconds + cpu.gpuSeconds) * 100) / 100;

function untilNothingWaits(page: import('@playwright/test').Page): Promise<number> {
  return page
    .waitForFunction(
      () =>
        (window as unknown as { __giftglow: { alerts: { queue: { waiting: number } } } }).__giftglow
          .alerts.queue.waiting === 0,
      undefined,
      { timeout: 120_000, polling: 50 },
    )
    .then(() => Date.now());
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

test('A/B: this build against the baseline commit, same run, alternating', async ({ browser }) => {
  test.skip(process.env.GIFTGLOW_BENCH_AB !== '1', 'run by npm run bench:ab');
  test.setTimeout(60_000 + ROUNDS * 240_000);
  const baseline = existsSync(AB_COMMIT_FILE) ? readFileSync(AB_COMMIT_FILE, 'utf8').trim() : '?';
  const builds: Build[] = [
    { label: 'baseline', origin: `http://localhost:${AB_PORT}/` },
    { label: 'current', origin: `http://localhost:${PORT}/` },
  ];
  const start = machine(browser);
  const feed = await startFeedServer();
  const rounds: Record<string, unknown>[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...builds].reverse() : builds;
      const results: Record<string, unknown> = {};
      for (const build of order) {
        const tier4 = await oneAlert(browser, feed, LION, '', undefined, build.origin);
        const tier4Run = {
          cpuSeconds: cpuSum(tier4.cpu),
          core: tier4.cpu.percent / 100,
          frames: tier4.frames,
          seconds: tier4.seconds,
          quality: tier4.quality,
        };
        results[build.label] = { tier4: tier4Run, burst: await burst(browser, feed, build, round) };
      }
      rounds.push(results);
      console.log(JSON.stringify({ round, ...results }));
    }
  } finally {
    await feed.close();
  }
  type Run = { tier4: { core: number; frames: number }; burst: Awaited<ReturnType<typeof burst>> };
  const of = (label: string) => rounds.map((r) => r[label] as Run);
  const ratio = (pick: (r: Run) => number) =>
    Math.round((median(of('current').map(pick)) / median(of('baseline').map(pick))) * 100) / 100;
  const summary = {
    tier4CoreRatio: ratio((r) => r.tier4.core),
    burstCpuRatio: ratio((r) => r.burst.cpuSeconds),
    medians: Object.fromEntries(
      ['baseline', 'current'].map((label) => [
        label,
        {
          tier4Core: median(of(label).map((r) => r.tier4.core)),
          burstCpuSeconds: median(of(label).map((r) => r.burst.cpuSeconds)),
          burstFirstSecondFps: median(of(label).map((r) => r.burst.firstSecondFps)),
          burstRealTimeMs: median(of(label).map((r) => r.burst.realTimeMs)),
          burstDrainMs: median(of(label).map((r) => r.burst.drainMs)),
        },
      ]),
    ),
  };
  const loadEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  const out = { machine: { ...start, loadEnd }, baseline, rounds, summary };
  writeFileSync(join(RESULTS_DIR, 'ab.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(JSON.stringify(summary, null, 2));
  expect(rounds).toHaveLength(ROUNDS);
});
