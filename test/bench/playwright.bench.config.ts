import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * The browser bench (`npm run bench`): the BUILT pages in headless Chromium at 1920x1080 with
 * software WebGL, one worker, long timeouts. Two servers of its own: `vite preview` of dist/ (the
 * overlays) and of the baseline build (an empty PixiJS stage, test/bench/baseline.html).
 */
function chromium(): string | undefined {
  // Same selection as test/playwright.config.ts: never download a browser.
  const fromEnv = process.env.GIFTGLOW_CHROMIUM;
  if (fromEnv) return fromEnv;
  if (
    process.env.PLAYWRIGHT_BROWSERS_PATH ||
    existsSync(`${process.env.HOME}/.cache/ms-playwright`)
  ) {
    return undefined;
  }
  return '/usr/bin/chromium';
}

export const PORT = Number(process.env.GIFTGLOW_BENCH_PORT ?? 4190);
export const BASELINE_PORT = PORT + 1;
/** `npm run bench:ab`: the baseline commit's build (test/bench/ab/build.ts) is served here. */
export const AB_PORT = PORT + 2;
const ab = process.env.GIFTGLOW_BENCH_AB === '1';

export default defineConfig({
  testDir: './browser',
  outputDir: '../../test-results/bench',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    launchOptions: {
      executablePath: chromium(),
      args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
    },
  },
  // `bench:ab` serves this build and the baseline commit's; the full bench this build and the
  // empty-stage page.
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      cwd: '../..',
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    ab
      ? {
          command: `npx vite preview --outDir bench-results/ab/dist --port ${AB_PORT} --strictPort`,
          cwd: '../..',
          url: `http://localhost:${AB_PORT}/`,
          reuseExistingServer: false,
          timeout: 30_000,
        }
      : {
          command: `npx vite preview -c test/bench/vite.bench.config.ts --port ${BASELINE_PORT} --strictPort`,
          cwd: '../..',
          url: `http://localhost:${BASELINE_PORT}/baseline.html`,
          reuseExistingServer: false,
          timeout: 30_000,
        },
  ],
});
