/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

const root = import.meta.dirname;

/** After `vite preview` listens, print the URLs a streamer pastes into an OBS Browser Source. */
function obsUrls(): Plugin {
  return {
    name: 'giftglow:obs-urls',
    configurePreviewServer(server) {
      server.httpServer?.once('listening', () => {
        const base = (server.resolvedUrls?.local[0] ?? 'http://localhost:4173/').replace(/\/$/, '');
        const lines = [
          '',
          '  Giftglow is running. Add these as OBS Browser Sources (Local file: off):',
          '',
          `  Alerts (1920x1080)   ${base}/overlays/alerts.html?source=demo&seed=7&rate=40`,
          `  Board  (600x400)     ${base}/overlays/board.html?source=demo&seed=7&rate=40&top=5`,
          `  Goal   (600x80)      ${base}/overlays/goal.html?source=demo&seed=7&rate=40&goal=5000`,
          `  Start page           ${base}/`,
          '',
          '  Replace source=demo with source=tikfinity or source=twitch&channel=<name> when you go live.',
          '',
        ];
        setTimeout(() => server.config.logger.info(lines.join('\n')), 0);
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [svelte({ configFile: false }), obsUrls()],
  build: {
    target: 'chrome103',
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        alerts: resolve(root, 'overlays/alerts.html'),
        board: resolve(root, 'overlays/board.html'),
        goal: resolve(root, 'overlays/goal.html'),
      },
    },
  },
  preview: { port: 4173, strictPort: true, host: 'localhost' },
  server: { port: 5173 },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
