import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/wire/textFrame';
import { mapProtocolFrame } from '../../../src/wire/protocol';
import { mapTikTok } from '../../../src/feeds/tiktok/mapTikTok';
import { mapTmiEvent, TWITCH_EVENTS } from '../../../src/feeds/twitch/mapTmiEvent';
import { FLAT_LION } from '../../fixtures/feeds/tiktok';
import { SCALE } from './scale';

const NOW = 1_700_000_000_000;

/** Every mapping answers any input with an event, an ignore or a counted drop: it never throws. */
describe('mappings under hostile input', () => {
  it('never throw on arbitrary JSON values', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('gift', 'like', 'follow', 'social', 'x'),
        (json, name) => {
          mapTikTok(name, json, SCALE, NOW);
          mapProtocolFrame(json, SCALE, NOW);
          for (const event of TWITCH_EVENTS)
            mapTmiEvent(event, [json, json, json, json, json, json], SCALE, NOW);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never emit a negative, fractional-count or non-finite value from a mutated real gift', () => {
    const field = fc.constantFrom(
      'diamondCount',
      'repeatCount',
      'giftType',
      'giftId',
      'userId',
      'msgId',
    );
    const junk = fc.oneof(
      fc.double(),
      fc.string(),
      fc.bigInt().map(String),
      fc.constant(null),
      fc.integer(),
    );
    fc.assert(
      fc.property(field, junk, (key, value) => {
        const result = mapTikTok('gift', { ...FLAT_LION, [key]: value }, SCALE, NOW);
        if (result.kind !== 'event' || result.event.kind !== 'gift') return;
        expect(Number.isFinite(result.event.value) && result.event.value >= 0).toBe(true);
        expect(Number.isInteger(result.event.count) && result.event.count >= 1).toBe(true);
        expect(result.event.value).toBeLessThanOrEqual(1e9);
      }),
      { numRuns: 500 },
    );
  });

  it('drops a deeply nested frame without a stack overflow', () => {
    const nested = '['.repeat(30_000) + ']'.repeat(30_000);
    const frame = readFrame(nested);
    expect(frame.ok).toBe(true);
    if (frame.ok)
      expect(mapProtocolFrame(frame.json, SCALE, NOW)).toMatchObject([{ kind: 'drop' }]);
  });
});
