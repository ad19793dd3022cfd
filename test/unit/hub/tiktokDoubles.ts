import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LinkTimers } from '../../../src/hub/tiktok/linkTimers';
import { SignKey } from '../../../src/hub/tiktok/SignKey';
import { ManualTimers } from '../feeds/manualTimers';
import type { LinkStatus } from '../../../src/hub/tiktok/TikTokLink';
import type {
  Check,
  Connected,
  SessionListener,
  TikTokPort,
} from '../../../src/hub/tiktok/tiktokPort';

/** Test doubles of the hub's TikTok connections: timers fired by hand, a port that follows a script. */

/** The feeds' hand-fired timers, as the hub's TikTok connections take them; every delay is kept. */
export class ManualLinkTimers extends ManualTimers implements LinkTimers {
  /** Every delay scheduled, in order (cancelled ones too): "never a tight loop" reads it. */
  readonly scheduled: number[] = [];

  after = (ms: number, run: () => void): (() => void) => {
    this.scheduled.push(ms);
    const handle = this.setTimeout(run, ms);
    return () => this.clearTimeout(handle);
  };
}

/** A sign key kept in a fresh temp folder (none there yet); `fromEnv` plays SIGN_API_KEY. */
export function tempSignKey(fromEnv?: string): SignKey {
  return new SignKey(join(mkdtempSync(join(tmpdir(), 'giftglow-key-')), 'sign-key'), fromEnv);
}

type Scripted<T> = T | 'hang';

/**
 * A port that answers from a script: each check() and connect() takes the next answer (live, and
 * connected, when the script is empty). `hang` never answers until `settleLate` is called.
 */
export class ScriptedPort implements TikTokPort {
  lookupCostsSign = false;
  readonly checks: Array<Scripted<Check>> = [];
  readonly connects: Array<Scripted<Connected | 'ok'>> = [];
  /** Each call, in order: 'check' or 'connect'. */
  readonly calls: Array<'check' | 'connect'> = [];
  /** The listener of the last connect (the test plays TikTok through it). */
  listener: SessionListener | null = null;
  /** Connections the link let go. */
  closed = 0;
  #late: Array<(value: Connected) => void> = [];

  check(): Promise<Check> {
    this.calls.push('check');
    const next = this.checks.shift() ?? { ok: true, live: true };
    return next === 'hang' ? new Promise(() => undefined) : Promise.resolve(next);
  }

  connect(listener: SessionListener): Promise<Connected> {
    this.calls.push('connect');
    this.listener = listener;
    const next = this.connects.shift() ?? 'ok';
    if (next === 'hang') return new Promise((resolve) => this.#late.push(resolve));
    return Promise.resolve(next === 'ok' ? this.#open() : next);
  }

  /** Answers the hanging connects now, all connected. */
  settleLate(): void {
    for (const resolve of this.#late.splice(0)) resolve(this.#open());
  }

  #open(): Connected {
    return { ok: true, close: () => void (this.closed += 1) };
  }
}

/** Lets every pending promise callback run (the link awaits its port). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A recording link listener. */
export function recorder() {
  const statuses: LinkStatus[] = [];
  const events: Array<{ name: string; data: unknown }> = [];
  const errors: string[] = [];
  return {
    statuses,
    events,
    errors,
    listener: {
      status: (status: LinkStatus) => statuses.push(status),
      event: (name: string, data: unknown) => events.push({ name, data }),
      error: (detail: string) => errors.push(detail),
    },
    states: () => statuses.map((s) => s.state),
    last: () => statuses.at(-1),
  };
}
