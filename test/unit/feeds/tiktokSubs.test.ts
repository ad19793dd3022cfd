import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapTikFinityJson } from '../../../src/feeds/tiktok/tikfinityFeed';
import type { CoreEvent } from '../../../src/core/event/events';
import { likeFrame, type TikFinityFrame } from '../../fixtures/feeds/tiktok/connector';
import { connector2Scenes, type HubFrame } from '../../fixtures/feeds/tiktok/connector2';
import { board, session } from '../core/helpers';
import { SCALE } from './scale';

/**
 * TikTok LIVE subscriptions and like totals, from frames made by the producers' own code:
 * TikFinity's `subscribe` by tiktok-live-connector v1.2.3 (frames.json), the hub's `subNotify`
 * and `like` by tiktok-live-connector 2.5 against the local fake of TikTok (connector2.json).
 */

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/feeds/tiktok/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, (TikFinityFrame | HubFrame)[]>;
const v1 = read('frames.json');
const v2 = read('connector2.json');

const NOW = 1_700_000_000_000;
const eventsOf = (frames: readonly unknown[], scale = SCALE): CoreEvent[] =>
  frames.flatMap((frame) => {
    const result = mapTikFinityJson(JSON.parse(JSON.stringify(frame)), scale, NOW);
    return result.kind === 'event' ? [result.event] : [];
  });

describe('TikTok LIVE subscriptions', () => {
  it('are the committed connector2.json (run regenerate2.ts after changing a scene)', async () => {
    expect(v2).toEqual(await connector2Scenes());
  });

  it.each<[string, (TikFinityFrame | HubFrame)[], string, number]>([
    ["TikFinity's subscribe (connector v1)", v1.subscribe ?? [], 'Zerody Tester', 1],
    ["TikFinity's renewal of 6 months", v1.subscribeMonths ?? [], 'Zerody Tester', 6],
    ["the hub's subNotify (connector 2.5)", (v2.subNotify ?? []).slice(0, 1), 'Zerody Tester', 3],
    ["the hub's subNotify by another viewer", (v2.subNotify ?? []).slice(1), 'Mia', 1],
  ])('read %s as a sub worth tiktoksub= points', (_, frames, name, months) => {
    const [event] = eventsOf(frames);
    expect(event).toMatchObject({
      kind: 'sub',
      platform: 'tiktok',
      tier: '1',
      months,
      value: 500,
      label: 'TikTok sub',
      combo: null,
      final: true,
      sender: { name },
    });
  });

  it('drop a subscription without a msgId (it could not be deduped), with the reason', () => {
    const frame = structuredClone(v1.subscribe?.[0]) as TikFinityFrame;
    delete frame.data.msgId;
    expect(mapTikFinityJson(frame, SCALE, NOW)).toMatchObject({
      kind: 'drop',
      reason: 'missing-id',
    });
  });

  it('are worth what tiktoksub= says', () => {
    const [event] = eventsOf(v1.subscribe ?? [], { ...SCALE, tiktokSub: 250 });
    expect(event?.value).toBe(250);
  });

  it('rank on the board, are thanked by name, and count once when delivered twice', () => {
    const s = session();
    const frames = [...(v1.subscribe ?? []), ...(v1.subscribe ?? []), ...(v2.subNotify ?? [])];
    const moments = eventsOf(frames).map((event, i) => s.ingest(event, 1000 + i * 1000));
    expect(moments.map((m) => m && [m.name, m.gift, m.count, m.value])).toEqual([
      ['Zerody Tester', 'TikTok sub', 1, 500],
      null,
      ['Zerody Tester', 'TikTok sub', 3, 500],
      ['Mia', 'TikTok sub', 1, 500],
    ]);
    expect(s.drops).toEqual({ duplicate: 1 });
    expect(board(s)).toEqual([
      ['Zerody Tester', 1000],
      ['Mia', 500],
    ]);
  });
});

describe("TikTok like events carry the room's total", () => {
  it.each<[string, unknown[], [number, number | undefined][]]>([
    [
      'connector 2.5 (total)',
      v2.like ?? [],
      [
        [15, 1200],
        [30, 1230],
      ],
    ],
    ['connector v1 (totalLikeCount)', [likeFrame('7137749190944231009', 15)], [[15, 4215]]],
  ])('read from %s', (_, frames, expected) => {
    const likes = eventsOf(frames).map((e) => e.kind === 'like' && [e.count, e.total]);
    expect(likes).toEqual(expected);
  });

  it.each<[number, (number | null)[]]>([
    [100, [1200, null]],
    [1000, [null, null]],
  ])(
    'with likes=%i thank the liker whose taps carried the total past a multiple',
    (step, counts) => {
      // 15 taps took the room from 1,185 to 1,200, then 30 more to 1,230.
      const s = session({ likeStep: step });
      const moments = eventsOf(v2.like ?? []).map((event, i) => s.ingest(event, 1000 + i * 1000));
      expect(moments.map((m) => m && m.count)).toEqual(counts);
      expect(s.goalValue('likes')).toBe(45);
    },
  );
});
