import { describe, expect, it } from 'vitest';
import { mapProtocolFrame } from '../../../src/wire/protocol';
import type { MapResult } from '../../../src/wire/mapResult';
import { SCALE } from '../feeds/scale';

const NOW = 1_700_000_000_000;
const alice = { id: '42', login: 'alice', name: 'Alice' };

function one(json: unknown): MapResult {
  const [result, ...rest] = mapProtocolFrame(json, SCALE, NOW);
  expect(rest).toEqual([]);
  if (!result) throw new Error('no result');
  return result;
}

describe('Giftglow protocol v1', () => {
  it('maps a one-off gift with the scale applied to coins x count', () => {
    const result = one({
      v: 1,
      type: 'gift',
      id: 'e1',
      user: alice,
      gift: { id: 'lion', name: 'Lion', coins: 29999 },
      count: 2,
    });
    expect(result).toEqual({
      kind: 'event',
      event: {
        kind: 'gift',
        id: 'e1',
        platform: 'custom',
        at: NOW,
        sender: { key: 'custom:42', id: '42', login: 'alice', name: 'Alice', anonymous: false },
        gift: { id: 'lion', name: 'Lion', coins: 29999 },
        count: 2,
        value: 59998,
        combo: null,
        final: true,
      },
      notes: [],
    });
  });

  it('turns a streak into cumulative totals of one combo that end with end:true', () => {
    const step = (count: number, end: boolean) =>
      one({
        v: 1,
        type: 'gift',
        id: `s${count}${end}`,
        platform: 'tiktok',
        user: alice,
        gift: { id: '5655', coins: 1 },
        count,
        streak: 'g7',
        end,
      });
    expect([step(1, false), step(5, true)]).toMatchObject([
      { event: { combo: { key: 'tiktok:42:5655:g7', role: 'total' }, final: false, value: 1 } },
      { event: { combo: { key: 'tiktok:42:5655:g7', role: 'total' }, final: true, value: 5 } },
    ]);
  });

  it('maps a gift bomb announcement as a total and its single subs as parts', () => {
    const base = { v: 1, type: 'giftsub', platform: 'twitch', user: alice, tier: '2', bomb: 'b1' };
    expect(one({ ...base, id: 'h', count: 10 })).toMatchObject({
      event: {
        count: 10,
        value: 10000,
        bomb: true,
        final: true,
        combo: { key: 'twitch:bomb:b1', role: 'total' },
      },
    });
    expect(one({ ...base, id: 'p', part: true, recipient: 'bob' })).toMatchObject({
      event: { count: 1, value: 1000, final: false, recipient: 'bob', combo: { role: 'part' } },
    });
  });

  it.each([
    [
      { type: 'cheer', bits: 250 },
      { kind: 'cheer', bits: 250, value: 250 },
    ],
    [
      { type: 'sub', tier: 'prime', months: 3 },
      { kind: 'sub', tier: 'prime', months: 3, value: 500 },
    ],
    [{ type: 'follow' }, { kind: 'follow', value: 0 }],
    [
      { type: 'raid', viewers: 12 },
      { kind: 'raid', viewers: 12, value: 0 },
    ],
    [
      { type: 'like', count: 30 },
      { kind: 'like', count: 30, value: 0 },
    ],
  ])('maps %o', (fields, expected) => {
    expect(one({ v: 1, id: 'x', user: alice, ...fields })).toMatchObject({
      kind: 'event',
      event: expected,
    });
  });

  it('ignores unknown fields so senders can add their own', () => {
    const result = one({
      v: 1,
      type: 'follow',
      id: 'f',
      user: { ...alice, color: 'red' },
      extra: [1],
    });
    expect(result.kind).toBe('event');
  });

  it('thanks an anonymous gifter under one shared key', () => {
    const result = one({ v: 1, type: 'cheer', id: 'a', user: alice, bits: 5, anonymous: true });
    expect(result).toMatchObject({
      event: { sender: { key: 'custom:anonymous', anonymous: true } },
    });
  });

  it('judges each event of an array on its own', () => {
    const results = mapProtocolFrame(
      [
        { v: 1, type: 'follow', id: 'ok', user: alice },
        { v: 1, type: 'cheer', id: 'bad', user: alice, bits: -1 },
        { v: 2, type: 'follow', id: 'future', user: alice },
      ],
      SCALE,
      NOW,
    );
    expect(results.map((r) => (r.kind === 'drop' ? r.reason : r.kind))).toEqual([
      'event',
      'bad-shape',
      'bad-version',
    ]);
  });

  it.each([
    ['an unknown type', { type: 'tip', amount: 5 }],
    ['coins beyond 1e9', { type: 'gift', gift: { id: 'g', coins: 2e9 } }],
    ['NaN coins as a string', { type: 'gift', gift: { id: 'g', coins: 'NaN' } }],
    ['a cheer of 0 bits', { type: 'cheer', bits: 0 }],
    ['a negative count', { type: 'gift', gift: { id: 'g', coins: 1 }, count: -3 }],
  ])('drops %s', (_what, fields) => {
    expect(one({ v: 1, id: 'x', user: alice, ...fields })).toMatchObject({
      kind: 'drop',
      reason: 'bad-shape',
    });
  });

  it('drops a gift whose coins x count is absurd although each is in range', () => {
    const gift = {
      v: 1,
      type: 'gift',
      id: 'x',
      user: alice,
      gift: { id: 'g', coins: 50_000 },
      count: 50_000,
    };
    expect(one(gift)).toMatchObject({ kind: 'drop', reason: 'bad-number' });
  });

  it('drops an event without user or id', () => {
    expect(one({ v: 1, type: 'follow', id: 'x' }).kind).toBe('drop');
    expect(one({ v: 1, type: 'follow', user: alice }).kind).toBe('drop');
  });

  it('drops an empty array and a bare value', () => {
    expect(mapProtocolFrame([], SCALE, NOW)).toMatchObject([{ kind: 'drop', reason: 'empty' }]);
    expect(one(42)).toMatchObject({ kind: 'drop', reason: 'bad-shape' });
  });
});

describe('cosmetic fields in protocol v1', () => {
  it('never cost an event: an overlong name is cut, a name that is not text reads as absent', () => {
    const gift = (user: Record<string, unknown>) =>
      mapProtocolFrame(
        { v: 1, type: 'gift', id: `g${String(user.id)}`, user, gift: { id: 'lion', coins: 29999 } },
        SCALE,
        0,
      );
    const [long] = gift({ id: '1', name: 'N'.repeat(5_000) });
    const [odd] = gift({ id: '2', name: 42, avatar: { no: 1 } });
    expect(long).toMatchObject({ kind: 'event', event: { value: 29999 } });
    expect(long?.kind === 'event' && long.event.sender.name.length).toBe(2000);
    expect(odd).toMatchObject({ kind: 'event', event: { value: 29999, sender: { name: '' } } });
  });
});
