import type { Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { cpuModel, git } from '../machine';

/** bench-results/browser.json: each scenario writes its own section; the report reads them all. */
export const RESULTS_DIR = join(import.meta.dirname, '..', '..', '..', 'bench-results');
export const BROWSER_RESULTS = join(RESULTS_DIR, 'browser.json');

export function machine(browser: Browser) {
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse --short HEAD'),
    dirty: git('status --porcelain --untracked-files=no') !== '',
    nproc: availableParallelism(),
    cpu: cpuModel(),
    node: process.version,
    chromium: browser.version(),
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function writeSection(name: string, data: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const all = existsSync(BROWSER_RESULTS)
    ? (JSON.parse(readFileSync(BROWSER_RESULTS, 'utf8')) as Record<string, unknown>)
    : {};
  all[name] = data;
  writeFileSync(BROWSER_RESULTS, JSON.stringify(all, null, 2) + '\n');
}

/** Start a fresh results file (the first scenario of a run calls it). */
export function resetResults(): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(BROWSER_RESULTS, '{}\n');
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
