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
        const pushed = new Set<string>();
        let now = 0;
        const step = () => {
          for (const a of q.advance(now).started)
            for (const m of a.moments) startedFor.set(m.id, (startedFor.get(m.id) ?? 0) + 1);
          expect(q.playingCount).toBeLessThanOrEqual(opts.slots);
        };
        for (const o of ops) {
          if (o.type === 'wait') now += o.ms;
          else {
            const id = `m${o.id}`;
            pushed.add(id);
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
        for (const id of pushed) {
          expect(['played', 'summarised', 'skipped', 'below-min']).toContain(q.statusOf(id));
        }
      }),
      { numRuns: 300 },
    );
  });
});
