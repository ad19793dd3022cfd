import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlertQueue } from '../../../src/core/alerts/AlertQueue';
import { moment, OPTIONS } from './queueMoments';

/** A random stream: new moments, combo updates of earlier ids, and time passing (sometimes a lot). */
const op = fc.oneof(
  fc.record({
    type: fc.constant('push' as const),
    id: fc.integer({ min: 0, max: 30 }),
    user: fc.integer({ min: 0, max: 6 }),
    value: fc.integer({ min: 0, max: 40_000 }),
    final: fc.boolean(),
    callout: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('wait' as const),
    ms: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(60_000)),
  }),
);
const options = fc.record({
  slots: fc.integer({ min: 1, max: 4 }),
  maxLength: fc.integer({ min: 1, max: 8 }),
  min: fc.integer({ min: 0, max: 500 }),
  minAction: fc.constantFrom('compact' as const, 'none' as const),
});

describe('AlertQueue properties', () => {
  it('never shows two alerts for one moment id, and loses no moment', () => {
    fc.assert(
      fc.property(options, fc.array(op, { maxLength: 120 }), (opts, ops) => {
        const q = new AlertQueue({ ...OPTIONS, ...opts });
        const startedFor = new Map<string, number>();
        const played = new Set<string>();
        const pushed = new Set<string>();
        /** Ids pushed below min= (with a callout), and whether one of them grew past it later. */
        const low = new Set<string>();
        let regrew = false;
        let inSummaries = 0;
        let now = 0;
        const step = () => {
          const { started, ended } = q.advance(now);
          for (const a of started) {
            for (const m of a.moments) startedFor.set(m.id, (startedFor.get(m.id) ?? 0) + 1);
            inSummaries += a.summary?.count ?? 0;
          }
          for (const a of ended) for (const m of a.moments) played.add(m.id);
          expect(q.playingCount).toBeLessThanOrEqual(opts.slots);
        };
        for (const o of ops) {
          if (o.type === 'wait') now += o.ms;
          else {
            const id = `m${o.id}`;
            pushed.add(id);
            if (o.callout && o.value < opts.min) low.add(id);
            else if (o.callout && low.has(id)) regrew = true;
            q.push(
              moment({
                id,
                userKey: `u${o.user}`,
                value: o.value,
                final: o.final,
                callout: o.callout,
              }),
              now,
            );
          }
          step();
        }
        for (let i = 0; i < 200 && (q.playingCount > 0 || q.waitingCount > 0); i++) {
          now += 1000;
          step();
        }
        expect(q.playingCount + q.waitingCount).toBe(0);
        for (const n of startedFor.values()) expect(n).toBe(1);
        // Every moment's fate, from what the queue returned: played (its alert started and ended),
        // or folded into a "+N more" that was shown, or counted as skipped (callout off, below min=).
        for (const id of startedFor.keys()) expect(played.has(id)).toBe(true);
        expect(inSummaries).toBe(q.stats.summarised);
        const unplayed = [...pushed].filter((id) => !played.has(id)).length;
        const accounted = q.stats.summarised + q.stats.skipped;
        // A moment skipped below min= that grows past it is shown after all: skipped, then played.
        if (opts.minAction === 'none' && regrew) {
          expect(unplayed).toBeGreaterThanOrEqual(q.stats.summarised);
          expect(unplayed).toBeLessThanOrEqual(accounted);
        } else expect(unplayed).toBe(accounted);
      }),
      { numRuns: 300 },
    );
  });
});
