import type { CoreEvent } from '../../../src/core/event/events';
import type { Moment } from '../../../src/core/alerts/moment';
import { GiftSession } from '../../../src/core/session/GiftSession';
import { type SessionOptions } from '../../../src/core/session/sessionOptions';
import type { KeyValueStore } from '../../../src/core/session/persist';

export const OPTIONS: SessionOptions = {
  session: 'test',
  role: 'alerts',
  streakTimeoutMs: 8000,
  block: [],
  blockAction: 'mask',
  hide: [],
};

export function session(options: Partial<SessionOptions> = {}, store?: KeyValueStore): GiftSession {
  return new GiftSession({
    config: { ...OPTIONS, ...options },
    now: 0,
    ...(store ? { store } : {}),
  });
}

/** Feeds events one second apart (well inside the streak timeout); returns every moment. */
export function feed(
  target: GiftSession,
  events: readonly CoreEvent[],
  start = 1000,
  step = 1000,
): (Moment | null)[] {
  return events.map((event, i) => target.ingest(event, start + i * step));
}

/** The board as [name, value] pairs. */
export function board(target: GiftSession, n = 20): [string, number][] {
  return target.top(n).map((row) => [row.name, row.value]);
}

/** An in-memory KeyValueStore, like localStorage (other pages' keys included). */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.data.set(key, value);
  }
  remove(key: string): void {
    this.data.delete(key);
  }
}
