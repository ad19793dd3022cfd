import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Board, type BoardUser } from '../../../src/core/session/Board';
import type { CoreEvent, Sender } from '../../../src/core/event/events';
import {
  NAME_MAX_CODE_UNITS,
  NAME_MAX_GRAPHEMES,
  sanitizeName,
} from '../../../src/core/text/names';
import { giftArbitrary, giftDeliveries } from './giftStream';
import { session } from './helpers';

describe('invariants', () => {
  it('totals equal the sum of what the gifts are worth under any reordering, duplication and timing', () => {
    fc.assert(
      fc.property(
        fc.array(giftArbitrary, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        // Gaps can outlast the streak timeout (8 s); all deliveries of a gift arrive within a minute.
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (gifts, duplicates, gaps, order) => {
          const expected = new Map<string, number>();
          let all: CoreEvent[] = [];
          gifts.forEach((g, n) => {
            const { events, points: worth, user } = giftDeliveries(g, n);
            expected.set(user, (expected.get(user) ?? 0) + worth);
            all = all.concat(events);
          });
          for (const d of duplicates) all.push(all[d % all.length]!);
          const keyed = all.map((event) => ({ event, key: order.next().value as number }));
          keyed.sort((a, b) => a.key - b.key);

          const s = session();
          let now = 0;
          keyed.forEach(({ event }, i) => {
            now += Math.min(gaps[i % gaps.length]!, Math.floor(55_000 / keyed.length));
            s.ingest(event, now);
            s.tick(now);
          });
          s.tick(now + 60_000);
          const totals = new Map(s.top(100).map((row) => [row.key, row.value]));
          expect(totals).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the board sorted by total, ties to whoever reached it first, whatever the cache size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(15), fc.integer({ min: 1, max: 4 })), { maxLength: 80 }),
        fc.integer({ min: 1, max: 6 }),
        (adds, cacheSize) => {
          const board = new Board({ cacheSize });
          const model = new Map<string, { total: number; at: number }>();
          adds.forEach(([id, amount], at) => {
            const user: BoardUser = {
              key: `k${id}`,
              name: `n${id}`,
              login: `l${id}`,
              platform: 'custom',
            };
            board.add(user, amount * 1000);
            const row = model.get(user.key) ?? { total: 0, at };
            model.set(user.key, { total: row.total + amount, at });
            const expected = Array.from(model)
              .sort(([, a], [, b]) => b.total - a.total || a.at - b.at)
              .map(([key, row]) => [key, row.total]);
            for (const n of [1, cacheSize, model.size + 1]) {
              expect(board.top(n).map((r) => [r.key, r.value])).toEqual(expected.slice(0, n));
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sanitises any string to a bounded, visible name without forbidden characters', () => {
    const forbidden =
      /[\p{Cc}\u202A-\u202E\u2066-\u2069\u061C\u200B\u200C\u200E\u200F\u2060\uFEFF\u2028\u2029\u3164]/u;
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const hostile = fc.constantFrom(
      '\u202E',
      '\u200B',
      '\u200D',
      '\u0301',
      '\uD83D',
      '👨‍👩‍👧',
      '\u2066',
      '\n',
      '\u3164',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      ' ',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.string({ unit: 'binary', maxLength: 30 }), (raw, login) => {
        const name = sanitizeName(raw, login);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(NAME_MAX_CODE_UNITS);
        expect(Array.from(segmenter.segment(name)).length).toBeLessThanOrEqual(NAME_MAX_GRAPHEMES);
        expect(name).not.toMatch(forbidden);
        expect(name).not.toMatch(loneSurrogate);
        expect(name).not.toMatch(/\p{M}{4}/u);
        expect(name).toBe(name.trim());
        expect(name.normalize('NFC')).toBe(name);
        expect(sanitizeName(name)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});
