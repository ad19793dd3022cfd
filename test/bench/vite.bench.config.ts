import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const here = import.meta.dirname;

/**
 * Builds the bench's baseline page (an empty PixiJS stage) apart from the app, into
 * bench-results/baseline/, with the same target as the app so both run the same PixiJS code.
 */
export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    target: 'chrome103',
    outDir: resolve(here, '../../bench-results/baseline'),
    emptyOutDir: true,
    rolldownOptions: { input: { baseline: resolve(here, 'baseline.html') } },
  },
  preview: { host: 'localhost', strictPort: true },
});
