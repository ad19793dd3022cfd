import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

/** What both benches record about where they ran, and the seeded random they share. */

/** A git answer, or 'unknown' outside a checkout. */
export function git(args: string): string {
  try {
    return execSync(`git ${args}`, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

export function cpuModel(): string {
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

/** What a Node bench (core.ts, tiktok.ts) records of where it ran, the collector's threads included. */
export function nodeHost() {
  return {
    node: process.version,
    nproc: availableParallelism(),
    cpu: cpuModel(),
    gc: process.execArgv.includes('--single-threaded-gc')
      ? 'single-threaded: one core, collection included'
      : "default: the collector's helper threads run on other cores (their CPU time is counted)",
  };
}

/** xorshift32: small, fast, the same frames every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
