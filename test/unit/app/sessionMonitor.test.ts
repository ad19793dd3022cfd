import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from '../../../src/app/log';
import { watchSession, type SessionHook } from '../../../src/app/sessionMonitor';
import { oneOffGift } from '../../fixtures/core/events';
import { session } from '../core/helpers';

const bag = () => (globalThis as { __giftglow?: { session?: SessionHook } }).__giftglow;

function logged() {
  const lines: string[] = [];
  return {
    lines,
    log: createLog(
      () => 0,
      (line: string) => lines.push(line),
    ),
  };
}

describe('watchSession', () => {
  afterEach(() => {
    delete (globalThis as { __giftglow?: unknown }).__giftglow;
  });

  it('logs each delivery the session drops, by reason, once', () => {
    const s = session();
    const { lines, log } = logged();
    const monitor = watchSession(s, log);
    const lion = oneOffGift({ id: 'l1' });
    s.ingest(lion, 1);
    monitor.check();
    expect(lines).toEqual([]);
    s.ingest({ ...lion }, 2);
    s.ingest({ ...lion, value: -1, id: 'l2' }, 3);
    monitor.check();
    monitor.check();
    expect(lines).toEqual([
      '[giftglow] session: dropped a delivery (duplicate)',
      '[giftglow] session: dropped a delivery (invalid)',
    ]);
    monitor.stop();
  });

  it('publishes the drops and the gifters read-only on window.__giftglow.session, until stopped', () => {
    const s = session();
    const monitor = watchSession(s, logged().log);
    const lion = oneOffGift({ id: 'l1' });
    s.ingest(lion, 1);
    s.ingest({ ...lion }, 2);
    const hook = bag()?.session;
    expect(hook?.drops).toEqual({ duplicate: 1 });
    expect(hook?.gifters).toBe(1);
    (hook!.drops as Record<string, number>).duplicate = 0;
    expect(s.drops).toEqual({ duplicate: 1 });
    monitor.stop();
    expect(bag()?.session).toBeUndefined();
  });
});
