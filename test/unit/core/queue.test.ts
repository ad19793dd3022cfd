import { describe, expect, it } from 'vitest';
import { AlertQueue } from '../../../src/core/alerts/AlertQueue';
import { moment, OPTIONS } from './queueMoments';

describe('AlertQueue', () => {
  it('plays the most valuable waiting gift first', () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'busy' }), 0);
    q.advance(0);
    q.push(moment({ id: 'rose', value: 1 }), 10);
    q.push(moment({ id: 'lion', value: 29999 }), 20);
    q.push(moment({ id: 'galaxy', value: 1000 }), 30);
    const order: string[] = [];
    for (let t = 0; t < 20_000; t += 100) for (const a of q.advance(t).started) order.push(a.key);
    expect(order).toEqual(['lion', 'galaxy', 'rose']);
  });

  it('updates a live combo in place instead of opening a second alert', () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'streak', count: 1, final: false }), 0);
    expect(q.advance(0).started).toHaveLength(1);
    q.push(moment({ id: 'streak', count: 5, value: 5, final: false }), 300);
    const step = q.advance(300);
    expect(step.started).toHaveLength(0);
    expect(step.updated[0]?.moments[0]?.count).toBe(5);
    q.push(moment({ id: 'streak', count: 9, value: 9, final: true }), 600);
    expect(q.advance(600).updated[0]?.moments[0]?.final).toBe(true);
    const ends = [];
    for (let t = 700; t < 10_000; t += 100) ends.push(...q.advance(t).ended);
    expect(ends.map((a) => a.key)).toEqual(['streak']);
  });

  it('keeps a combo on screen while it climbs, then ends it once', () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 's', final: false }), 0);
    q.advance(0);
    for (let t = 500; t <= 5000; t += 500) {
      q.push(moment({ id: 's', count: t / 500, final: false }), t);
      const step = q.advance(t);
      expect(step.ended).toHaveLength(0);
      expect(step.updated.map((a) => a.moments[0]?.count)).toEqual([t / 500]);
    }
    expect(q.playingCount).toBe(1);
  });

  it('ignores an update that arrives after its alert ended (no second alert)', () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 's', final: false }), 0);
    q.advance(0);
    q.advance(60_000);
    q.push(moment({ id: 's', count: 3, final: true }), 60_001);
    expect(q.advance(60_001).started).toHaveLength(0);
    expect(q.stats.late).toBe(1);
  });

  it("coalesces one gifter's waiting gifts into one alert", () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'first' }), 0);
    q.advance(0);
    q.push(moment({ id: 'a1', userKey: 'tiktok:ann', value: 5 }), 1);
    q.push(moment({ id: 'a2', userKey: 'tiktok:ann', value: 99, gift: 'Cap' }), 2);
    const started = q.advance(5000).started;
    expect(started).toHaveLength(1);
    expect(started[0]?.moments.map((m) => m.id)).toEqual(['a1', 'a2']);
    expect(started[0]?.tier).toBe(2);
  });

  it("keeps a gifter's live combo apart so its counter can climb", () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'first' }), 0);
    q.advance(0);
    q.push(moment({ id: 'one-off', userKey: 'tiktok:ann' }), 1);
    q.push(moment({ id: 'streak', userKey: 'tiktok:ann', final: false }), 2);
    expect(q.waitingCount).toBe(2);
  });

  it('folds the least valuable gifts into one "+N more" summary beyond maxqueue', () => {
    const q = new AlertQueue({ ...OPTIONS, maxLength: 3 });
    q.push(moment({ id: 'on-screen' }), 0);
    q.advance(0);
    for (let i = 0; i < 10; i++) q.push(moment({ id: `g${i}`, value: 10 + i }), 1);
    expect(q.waitingCount).toBe(4);
    const played: string[] = [];
    let summary = null;
    for (let t = 0; t < 60_000; t += 50) {
      for (const a of q.advance(t).started) {
        if (a.kind === 'summary') summary = a.summary;
        else played.push(a.key);
      }
    }
    expect(played).toEqual(['g9', 'g8', 'g7']);
    expect(summary?.count).toBe(7);
    // A roll call: every gifter folded in is named, the biggest first.
    expect(summary?.names).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `user g${i}`));
  });

  it('shortens alerts as a backlog builds', () => {
    const calm = new AlertQueue(OPTIONS);
    calm.push(moment({ id: 'x', value: 200 }), 0);
    const calmLength = calm.advance(0).started[0]!;
    const busy = new AlertQueue({ ...OPTIONS, maxLength: 50 });
    for (let i = 0; i < 20; i++) busy.push(moment({ id: `b${i}`, value: 200 }), 0);
    const busyLength = busy.advance(0).started[0]!;
    expect(busyLength.endsAt - busyLength.startedAt).toBeLessThan(
      calmLength.endsAt - calmLength.startedAt,
    );
  });

  it('summarises the backlog after the page was hidden instead of playing it all', () => {
    const q = new AlertQueue({ ...OPTIONS, slots: 2, maxLength: 100 });
    q.advance(0);
    for (let i = 0; i < 80; i++)
      q.push(moment({ id: `h${i}`, value: i === 42 ? 5000 : 3 }), 1000 + i);
    const back = q.advance(120_000);
    // 79 gifters: two roll calls (40 and 39 names, see battle.ts) play at once, then the big gift.
    expect(back.started.map((a) => a.kind)).toEqual(['summary', 'summary']);
    expect(back.started.map((a) => a.summary?.count)).toEqual([40, 39]);
    expect(q.waitingCount).toBe(1);
    const next = q.advance(back.started[0]!.endsAt);
    expect(next.started.map((a) => a.key)).toEqual(['h42']);
  });

  it('summarises a backlog that built before the first step (page hidden from the start)', () => {
    const q = new AlertQueue({ ...OPTIONS, slots: 2, maxLength: 100 });
    for (let i = 0; i < 30; i++) q.push(moment({ id: `e${i}`, value: 5 }), i);
    q.advance(60_000);
    expect(q.stats.summarised).toBe(29);
  });

  it('gives a gift below min= a compact callout, or none with minaction=none', () => {
    const compact = new AlertQueue({ ...OPTIONS, min: 100 });
    compact.push(moment({ id: 'rose', value: 1 }), 0);
    expect(compact.advance(0).started[0]?.kind).toBe('compact');
    const none = new AlertQueue({ ...OPTIONS, min: 100, minAction: 'none' });
    none.push(moment({ id: 'rose', value: 1 }), 0);
    expect(none.advance(0).started).toHaveLength(0);
    expect(none.stats.skipped).toBe(1);
    expect(none.playingCount + none.waitingCount).toBe(0);
  });

  it('gives a follow (no points) a compact callout even with min=0', () => {
    const q = new AlertQueue({ ...OPTIONS, min: 0 });
    q.push(moment({ id: 'f', kind: 'follow', gift: 'Follow', value: 0 }), 0);
    expect(q.advance(0).started[0]?.kind).toBe('compact');
  });

  it('upgrades a compact combo to a full alert when it climbs past min=', () => {
    const q = new AlertQueue({ ...OPTIONS, min: 100 });
    q.push(moment({ id: 's', value: 1, final: false }), 0);
    q.advance(0);
    q.push(moment({ id: 's', value: 150, count: 150, final: false }), 100);
    const [alert] = q.advance(100).updated;
    expect(alert?.kind).toBe('full');
    expect(alert?.tier).toBe(2);
  });

  it('skips a moment whose callout the blocklist turned off, and counts it', () => {
    const q = new AlertQueue(OPTIONS);
    q.push(moment({ id: 'masked', callout: false }), 0);
    expect(q.advance(0).started).toHaveLength(0);
    expect(q.stats.skipped).toBe(1);
  });

  it('knows when it next needs to wake, and sleeps when nothing plays', () => {
    const q = new AlertQueue(OPTIONS);
    expect(q.nextWake()).toBeNull();
    q.push(moment({ id: 'a' }), 0);
    const [a] = q.advance(0).started;
    expect(q.nextWake()).toBe(a?.endsAt);
    q.advance(a!.endsAt);
    expect(q.nextWake()).toBeNull();
  });
});
