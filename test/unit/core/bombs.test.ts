import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src/core/event/events';
import {
  ANONYMOUS_GIFTER,
  CKPUFFIN_BOMB,
  bombHeader,
  bombPart,
  singleGiftSub,
} from '../../fixtures/core/events';
import { board, feed, session } from './helpers';

// CkPuffin's 2024 bomb: header (87c56a84-...) then five subgift lines sharing the community gift id.
const header = bombHeader({
  id: '87c56a84-2802-4ff8-9f71-433b4eab98b9',
  community: CKPUFFIN_BOMB,
  count: 5,
});
const parts = [0, 1, 2, 3, 4].map((i) =>
  bombPart({ id: `bc2d37f2-${i}`, community: CKPUFFIN_BOMB }),
);

describe('Twitch gift bombs', () => {
  it.each<[string, CoreEvent[]]>([
    ['header first', [header, ...parts]],
    ['header last', [...parts, header]],
    ['header in the middle', [parts[0]!, parts[1]!, header, parts[2]!, parts[3]!, parts[4]!]],
    ['header only, its gifts never come', [header]],
    ['header delivered twice', [header, header, ...parts]],
  ])('counts a bomb of 5 Tier 1 subs once as 2500 points: %s', (_, events) => {
    const s = session();
    feed(s, events);
    s.tick(100_000);
    expect(board(s)).toEqual([['CkPuffin', 2500]]);
  });

  it('shows the bomb as one moment keyed by the community gift id', () => {
    const s = session();
    const moments = feed(s, [parts[0]!, parts[1]!, header]);
    expect(moments.map((m) => [m?.id, m?.count, m?.value, m?.final, m?.gift])).toEqual([
      ['twitch:bomb:17130216016315839265', 1, 500, false, 'Tier 1 gift subs'],
      ['twitch:bomb:17130216016315839265', 2, 1000, false, 'Tier 1 gift subs'],
      ['twitch:bomb:17130216016315839265', 5, 2500, true, 'Tier 1 gift subs'],
    ]);
  });

  it('drops the body lines that arrive after the header counted the bomb', () => {
    const s = session();
    const moments = feed(s, [header, ...parts]);
    expect(moments.slice(1)).toEqual([null, null, null, null, null]);
    expect(s.drops).toEqual({ stale: 5 });
  });

  it('finishes body lines without a header (old lines) after the silence, with their sum', () => {
    const s = session();
    const old = [0, 1, 2].map((i) => bombPart({ id: `old-${i}` }));
    feed(s, old); // last at 3000
    expect(board(s)).toEqual([]);
    const done = s.tick(11_000);
    expect(done.map((m) => [m.id, m.count, m.value])).toEqual([
      ['twitch:bomb:611203908:1', 3, 1500],
    ]);
    expect(board(s)).toEqual([['CkPuffin', 1500]]);
  });

  it('adds the difference when a late header announces more than the parts counted at timeout', () => {
    const s = session();
    feed(s, [bombPart({ id: 'p0' }), bombPart({ id: 'p1' })]);
    s.tick(60_000);
    s.ingest(bombHeader({ id: 'h', count: 5 }), 61_000);
    expect(board(s)).toEqual([['CkPuffin', 2500]]);
  });

  it('adds late parts beyond a header that announced fewer', () => {
    const s = session();
    feed(s, [
      bombHeader({ id: 'h', count: 1, community: 'c' }),
      bombPart({ id: 'p0', community: 'c' }),
      bombPart({ id: 'p1', community: 'c' }),
    ]);
    expect(board(s)).toEqual([['CkPuffin', 1000]]);
  });

  it('weights tiers: a Tier 3 bomb of 2 is 5000 points', () => {
    const s = session();
    feed(s, [bombHeader({ id: 'h', count: 2, tier: '3', community: 't3' })]);
    expect(board(s)).toEqual([['CkPuffin', 5000]]);
  });

  it('counts a single gift sub at once', () => {
    const s = session();
    const [moment] = feed(s, [singleGiftSub({ id: '26dd4088-9efb-49bf-8fcc-32d04d530bd3' })]);
    expect([moment?.final, moment?.gift, moment?.value]).toEqual([true, 'Tier 1 gift sub', 500]);
    expect(board(s)).toEqual([['swiftyspiffy', 500]]);
  });

  it('never thanks "AnAnonymousGifter": anonymous gifts share one "Anonymous" row', () => {
    const s = session();
    const moments = feed(s, [
      singleGiftSub({ id: 'a1', sender: ANONYMOUS_GIFTER }),
      bombHeader({ id: 'a2', sender: ANONYMOUS_GIFTER, community: 'anon', count: 2 }),
    ]);
    expect(moments.map((m) => m?.name)).toEqual(['Anonymous', 'Anonymous']);
    expect(board(s)).toEqual([['Anonymous', 1500]]);
    expect(s.top(1)[0]?.key).toBe('anonymous');
  });
});

describe('Twitch gift bombs without a community gift id (old lines)', () => {
  it('counts two bombs by the same gifter and tier minutes apart as two bombs', () => {
    const s = session();
    s.ingest(bombHeader({ id: 'h1', count: 5 }), 1000);
    s.ingest(bombPart({ id: 'p1' }), 2000);
    s.tick(20_000);
    s.ingest(bombHeader({ id: 'h2', count: 5 }), 300_000);
    s.ingest(bombPart({ id: 'p2' }), 301_000);
    s.tick(400_000);
    expect(board(s)).toEqual([['CkPuffin', 5000]]);
  });

  it('still merges lines arriving shortly after the bomb closed', () => {
    const s = session();
    s.ingest(bombPart({ id: 'p1' }), 1000);
    s.tick(9000); // closed by silence with 1 sub
    s.ingest(bombHeader({ id: 'h1', count: 3 }), 20_000);
    expect(board(s)).toEqual([['CkPuffin', 1500]]);
  });
});
