import EulerStreamApiClient from 'tiktok-live-api-sdk';
import { TikTokLiveConnection, WebcastEvent } from 'tiktok-live-connector';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../../../src/core/event/value';
import { mapTikFinityJson } from '../../../src/feeds/tiktok/tikfinityFeed';
import type { MapResult } from '../../../src/wire/mapResult';
import { LION, ROSE, ZERODY } from '../../fixtures/feeds/tiktok/connector';
import { startFakeTikTok, type FakeTikTok } from '../../servers/fakeTikTok';
import { follow, gift, like, share, type Draft } from '../../servers/tiktokMessages';

/**
 * What tiktok-live-connector 2.5 itself emits, read by the one TikTok reader: the real library,
 * connected to the local fake of TikTok (its sign server and push socket, fed by the library's own
 * encoders), its events passed through JSON as the hub passes them on (`{event, data}`), then
 * mapped as a TikFinity frame is. No hand-made 2.x sample decides anything here.
 */

const NOW = 1_700_000_000_000;
let fake: FakeTikTok;
let connection: TikTokLiveConnection | null = null;

beforeEach(async () => {
  fake = await startFakeTikTok({ now: () => NOW });
});

afterEach(async () => {
  await connection?.disconnect();
  connection = null;
  await fake.close();
});

/** Sends drafts through the fake and returns each emitted event mapped, in msgId order. */
async function emitted(...drafts: Draft[]): Promise<{ event: string; result: MapResult }[]> {
  connection = new TikTokLiveConnection('giftglowtest', {
    fetchRoomInfoOnConnect: false,
    eulerApiInstance: new EulerStreamApiClient({ basePath: fake.signUrl }),
  });
  const seen: { event: string; data: unknown }[] = [];
  const names = [WebcastEvent.GIFT, WebcastEvent.LIKE, WebcastEvent.FOLLOW, WebcastEvent.SHARE];
  for (const event of names) {
    connection.on(event, ((data: unknown) => seen.push({ event, data })) as never);
  }
  await connection.connect(fake.roomId);
  await fake.entered();
  fake.send(...drafts);
  await expect.poll(() => seen.length).toBe(drafts.length);
  // The library unzips each frame on its own: events may arrive out of order (msgId restores it).
  const id = (s: { data: unknown }) =>
    String((s.data as { common: { msgId: string } }).common.msgId);
  return seen
    .sort((a, b) => (id(a) < id(b) ? -1 : 1))
    .map(({ event, data }) => {
      const json: unknown = JSON.parse(JSON.stringify({ event, data }));
      return { event, result: mapTikFinityJson(json, DEFAULT_SCALE, NOW) };
    });
}

const eventOf = (r: MapResult) => (r.kind === 'event' ? r.event : null);

describe('tiktok-live-connector 2.5 events, read by the one TikTok reader', () => {
  it('reads a Rose streak as steps of one combo, with cumulative counts and its end', async () => {
    const steps = [1, 5, 30].map((n, i) =>
      gift({ gift: ROSE, repeatCount: n, repeatEnd: i === 2, groupId: '77' }),
    );
    const events = (await emitted(...steps)).map((e) => eventOf(e.result));
    expect(events.map((e) => e?.kind === 'gift' && [e.count, e.final, e.value])).toEqual([
      [1, false, 1],
      [5, false, 5],
      [30, true, 30],
    ]);
    const keys = new Set(events.map((e) => e?.combo?.key));
    expect(keys.size).toBe(1);
    expect(events[0]?.sender).toMatchObject({
      id: ZERODY.userId,
      login: ZERODY.uniqueId,
      name: ZERODY.nickname,
    });
  });

  it('reads a Lion as one gift of 29,999 coins with its name and picture', async () => {
    const [lion] = await emitted(gift({ gift: LION }));
    const event = lion && eventOf(lion.result);
    expect(event).toMatchObject({
      kind: 'gift',
      count: 1,
      final: true,
      combo: null,
      value: 29_999,
      gift: { id: String(LION.id), name: 'Lion', coins: 29_999, image: LION.image },
    });
    expect(lion?.result.kind === 'event' && lion.result.notes).toEqual([]);
  });

  it('reads a like burst by its taps, and a follow and a share by who sent them', async () => {
    const events = (await emitted(like(15, 1200), follow(), share())).map((e) => eventOf(e.result));
    expect(events.map((e) => e?.kind)).toEqual(['like', 'follow', 'share']);
    expect(events[0]).toMatchObject({ kind: 'like', count: 15 });
    for (const e of events) expect(e?.sender.login).toBe(ZERODY.uniqueId);
  });
});
