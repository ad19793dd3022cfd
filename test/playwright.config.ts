import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Chromium is never downloaded: GIFTGLOW_CHROMIUM wins, else Playwright's own browser when one is
 * installed (executablePath undefined), else Debian's /usr/bin/chromium.
 */
function chromium(): string | undefined {
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

export const PORT = Number(process.env.GIFTGLOW_E2E_PORT ?? 4180);
/** The local fake of TikTok (test/servers/fakeTikTok.ts) that the server's hub signs with. */
export const TIKTOK_PORT = Number(process.env.GIFTGLOW_E2E_TIKTOK_PORT ?? PORT + 11);
/** Where the server keeps a sign key saved on the start page: out of the project's own file. */
export const SIGN_KEY_FILE = 'test-results/e2e-sign-key';
/** The server's data folder (media, rules, sessions), one per port, out of the project's own. */
export const DATA_DIR = `test-results/e2e-data-${PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: chromium(),
      args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    cwd: '..',
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    // The hub's TikTok connections sign at the local fake and look rooms up there only: no test
    // reaches TikTok or its sign server.
    env: {
      SIGN_API_URL: `http://127.0.0.1:${TIKTOK_PORT}`,
      SIGN_API_KEY: '',
      GIFTGLOW_TIKTOK_LOOKUP: 'sign-server',
      GIFTGLOW_SIGN_KEY_FILE: SIGN_KEY_FILE,
      GIFTGLOW_DATA: DATA_DIR,
    },
  },
});
