/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { hubPlugin } from './src/hub/hubPlugin.ts';

const root = import.meta.dirname;

/** After `vite preview` listens, print the URLs a streamer pastes into an OBS Browser Source. */
function obsUrls(): Plugin {
  return {
    name: 'giftglow:obs-urls',
    configurePreviewServer(server) {
      server.httpServer?.once('listening', () => {
        // localhost, as always: the board is kept per origin, and 127.0.0.1 would be another one.
        const address = server.httpServer?.address();
        const port = typeof address === 'object' && address ? address.port : 4173;
        const base = `http://localhost:${port}`;
        const page = (name: string, query: string) => `${base}/overlays/${name}.html?${query}`;
        const tiktok = 'source=tiktok,hub&tiktok=<you>';
        const demo = 'source=hub,demo&seed=7&rate=40';
        const lines = [
          '',
          '  Giftglow is running. Add these as OBS Browser Sources (Local file: off).',
          '  TikTok LIVE: put your @username in place of <you> (or type it on the start page):',
          '',
          `  Alerts (1920x1080)   ${page('alerts', tiktok)}`,
          `  Board  (600x400)     ${page('board', `${tiktok}&top=5`)}`,
          `  Goal   (600x80)      ${page('goal', `${tiktok}&goal=5000`)}`,
          `  Start page           ${base}/   (your name, settings, preview, and Test alert buttons)`,
          '',
          '  This server connects to your LIVE itself (no other app needed). If TikTok cannot be',
          '  reached (sign server down or rate-limited, an 18+ LIVE), use source=tikfinity with the',
          '  TikFinity app instead. Twitch: source=twitch&channel=<name>. source=hub takes the start',
          "  page's test alerts. To try it out first, on simulated gifts:",
          '',
          `  Alerts (demo)        ${page('alerts', demo)}`,
          `  Board  (demo)        ${page('board', `${demo}&top=5`)}`,
          `  Goal   (demo)        ${page('goal', `${demo}&goal=5000`)}`,
          '',
        ];
        setTimeout(() => server.config.logger.info(lines.join('\n')), 0);
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [svelte({ configFile: false }), obsUrls(), hubPlugin(root)],
  build: {
    target: 'chrome103',
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        alerts: resolve(root, 'overlays/alerts.html'),
        board: resolve(root, 'overlays/board.html'),
        goal: resolve(root, 'overlays/goal.html'),
        credits: resolve(root, 'overlays/credits.html'),
      },
    },
  },
  // 127.0.0.1 only: the hub must never be reachable from the network.
  // No CORS: Vite's default lets other localhost origins read answers; no other page may read ours.
  preview: { port: 4173, strictPort: true, host: '127.0.0.1', cors: false },
  server: { port: 5173, host: '127.0.0.1', cors: false },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
