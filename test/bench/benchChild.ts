import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A bench's helper processes (test/bench/tiktok.ts runs the fake of TikTok and a page in their
 * own): asked over Node's IPC channel, one answer per question. Each runs on `--single-threaded-gc`
 * as the bench does, so its CPU time is one core's, collection included.
 */

interface Question {
  id: number;
  ask: { type: string } & Record<string, unknown>;
}

interface Answer {
  id: number;
  answer?: unknown;
  error?: string;
}

/**
 * Milliseconds on CLOCK_MONOTONIC (process.hrtime), one clock for every process of the machine:
 * a time stamped in one process is subtracted from one stamped in another.
 */
export const clockMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** The collector, on call (each run starts from a collected heap, as core.ts's chunks do). */
export function collector(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

export interface BenchChild {
  ask<T>(question: { type: string } & Record<string, unknown>): Promise<T>;
  stop(): void;
}

export function forkChild(path: string): BenchChild {
  const child = fork(path, [], { execArgv: ['--single-threaded-gc', '--import', 'tsx'] });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let last = 0;
  child.on('message', (message: Answer) => {
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(`${path}: ${message.error}`));
    else waiter?.resolve(message.answer);
  });
  child.on('exit', (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`${path} exited (${code})`));
    waiting.clear();
  });
  return {
    ask<T>(ask: Question['ask']) {
      const id = ++last;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, ask } satisfies Question);
      });
    },
    // The helper exits when its channel closes (answerParent), profiles and all written.
    stop: () => child.disconnect(),
  };
}

/** In the helper process: answers each question with what `answer` resolves to. */
export function answerParent(answer: (ask: Question['ask']) => Promise<unknown>): void {
  process.on('message', (question: Question) => {
    answer(question.ask).then(
      (value) => process.send?.({ id: question.id, answer: value } satisfies Answer),
      (error: unknown) =>
        process.send?.({ id: question.id, error: String(error) } satisfies Answer),
    );
  });
  // The parent going away ends the helper (the channel closing is the parent's exit or stop()).
  process.on('disconnect', () => process.exit(0));
}
