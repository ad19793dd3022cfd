import { IsLiveRouteConfig, RoomIdRouteConfig } from 'tiktok-live-connector';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Refusals } from '../../../src/hub/Refusals';
import { tiktokLibrary } from '../../../src/hub/tiktok/tiktokLibrary';
import { TikTokLinks } from '../../../src/hub/tiktok/TikTokLinks';
import { tiktokLog } from '../../../src/hub/tiktok/tiktokLog';
import type { SignKey } from '../../../src/hub/tiktok/SignKey';
import type { Lookup, TikTokSettings } from '../../../src/hub/tiktok/tiktokSettings';
import { readTikTokStatus } from '../../../src/wire/tiktokLive';
import { LION, ROSE } from '../../fixtures/feeds/tiktok/connector';
import { startFakeTikTok, type FakeTikTok, type SignAnswer } from '../../servers/fakeTikTok';
import { follow, gift, like, streamEnd, subNotify } from '../../servers/tiktokMessages';
import { ManualLinkTimers, tempSignKey } from './tiktokDoubles';

/**
 * The hub's TikTok connections with the real tiktok-live-connector 2.5 (through tiktokLibrary.ts,
 * the one file that imports it) against the local fake of TikTok: rooms looked up at the sign
 * server only (GIFTGLOW_TIKTOK_LOOKUP=sign-server, passed as a setting), so nothing leaves
 * 127.0.0.1. The library runs on real time; the hub's waits are fired by hand.
 */

const KEY = 'sk_giftglow_test_0123456789';
let fake: FakeTikTok;
let links: TikTokLinks | null = null;

beforeEach(async () => {
  fake = await startFakeTikTok({ retryAfterS: 120 });
});

afterEach(async () => {
  links?.close();
  links = null;
  await fake.close();
});

function hub(options: { username?: string; key?: SignKey; lookup?: Lookup } = {}) {
  const settings: TikTokSettings = {
    signUrl: fake.signUrl,
    signKey: options.key ?? tempSignKey(),
    lookup: options.lookup ?? 'sign-server',
  };
  const timers = new ManualLinkTimers();
  const refusals = new Refusals();
  const lines: string[] = [];
  links = new TikTokLinks({
    open: tiktokLibrary(settings, { signTimeoutMs: 300 }),
    timers,
    random: () => 0.5,
    refusals,
    observer: tiktokLog((line) => lines.push(line), timers.now),
  });
  const got: string[] = [];
  const leave = links.subscribe(options.username ?? fake.username, { send: (t) => got.push(t) });
  expect(typeof leave).toBe('function');
  const statuses = () =>
    got.map((text) => readTikTokStatus(JSON.parse(text))).filter((s) => s !== null);
  const events = () =>
    got
      .map((text) => JSON.parse(text) as { event?: string; data?: { common?: { msgId?: string } } })
      .filter((frame) => frame.event !== undefined);
  const state = () => statuses().at(-1)?.state;
  /** Waits until the connection is in `wanted`. */
  const reach = (wanted: string) => vi.waitFor(() => expect(state()).toBe(wanted));
  /** From LIVE: the sign server answers `answer` from now on, the socket drops, the retry runs. */
  const dropAndRetry = async (answer: SignAnswer) => {
    await reach('live');
    fake.answerSign(answer);
    fake.dropSocket();
    await reach('retrying');
    timers.fireNext();
  };
  return { timers, refusals, lines, got, statuses, events, state, reach, dropAndRetry };
}

describe('the hub connected to TikTok LIVE by the real library', () => {
  it('looks the room up at the sign server, connects, and passes a LIVE on as frames', async () => {
    const { statuses, events, reach, got } = hub();
    await reach('live');
    await fake.entered();
    expect(statuses().map((s) => s.state)).toEqual(['connecting', 'connecting', 'live']);
    expect(fake.lookupRequests.map((url) => url.pathname)).toEqual([
      '/webcast/anchors/giftglowtest/room_id',
    ]);
    expect(fake.signRequests.map((url) => url.pathname)).toEqual([
      `/webcast/rooms/${fake.roomId}/connect`,
    ]);
    const ids: string[] = [];
    for (let n = 1; n <= 30; n++) {
      ids.push(...fake.send(gift({ gift: ROSE, repeatCount: n, groupId: '77' })));
    }
    ids.push(...fake.send(gift({ gift: ROSE, repeatCount: 30, repeatEnd: true, groupId: '77' })));
    ids.push(...fake.send(gift({ gift: LION })));
    ids.push(...fake.send(follow()));
    ids.push(...fake.send(like(3, 4_203), like(15, 4_218), like(1, 4_219)));
    ids.push(...fake.send(subNotify(2)));
    await vi.waitFor(() => expect(events()).toHaveLength(ids.length));
    // The library may reorder frames; the ids are TikTok's own, passed through untouched.
    expect(
      events()
        .map((e) => e.data?.common?.msgId)
        .sort(),
    ).toEqual(ids.sort());
    const names = events().map((e) => e.event);
    expect(names.filter((n) => n === 'gift')).toHaveLength(32);
    expect(names.filter((n) => n !== 'gift').sort()).toEqual([
      'follow',
      'like',
      'like',
      'like',
      'subNotify',
    ]);
    expect(got.join('\n')).not.toContain('"type":"Buffer"');
  });

  it('reconnects a dropped socket after the drop backoff, with a second sign request', async () => {
    const { reach, timers, lines } = hub();
    await reach('live');
    await fake.entered();
    fake.dropSocket();
    await reach('retrying');
    expect(timers.pending()).toEqual([2000]);
    timers.fireNext();
    await reach('live');
    await fake.entered(2);
    expect(fake.signRequests).toHaveLength(2);
    expect(fake.lookupRequests).toHaveLength(2);
    expect(lines).toEqual([
      '  TikTok @giftglowtest: connecting: asking whether @giftglowtest is LIVE',
      '  TikTok @giftglowtest: live: connected, gifts arrive',
      "  TikTok @giftglowtest: retrying: TikTok's socket closed (1006); next try in 2 s",
      '  TikTok @giftglowtest: live: connected, gifts arrive',
    ]);
  });

  it('takes a socket that opened and then says nothing for 2 min for dropped', async () => {
    const { reach, timers, statuses } = hub();
    await reach('live');
    expect(timers.pending()).toEqual([120_000]);
    timers.fireNext();
    await reach('retrying');
    expect(statuses().at(-1)?.detail).toBe('no word from TikTok for 2 min');
  });

  it("is rate-limited on a 429, and retries when the sign server's Retry-After says, not sooner", async () => {
    const { reach, timers, statuses, dropAndRetry } = hub();
    await dropAndRetry(429);
    await reach('rate-limited');
    expect(statuses().at(-1)).toMatchObject({
      detail:
        'the sign server limits connections for now (rate_limit_account_minute); a sign key raises the limit',
      retryInMs: 120_000,
    });
    expect(timers.pending()).toEqual([120_000]);
    expect(fake.signRequests).toHaveLength(2);
    fake.answerSign('ok');
    timers.fireNext();
    await reach('live');
    expect(fake.signRequests).toHaveLength(3);
  });

  it('says ended when the streamer ends the LIVE, and checks again for the next one', async () => {
    const { reach, timers } = hub();
    await reach('live');
    await fake.entered();
    fake.send(streamEnd());
    await reach('ended');
    expect(timers.pending()).toEqual([240_000]);
    fake.answerLookup('offline');
    timers.fireNext();
    await vi.waitFor(() => expect(fake.lookupRequests).toHaveLength(2));
    await reach('ended');
    expect(fake.signRequests).toHaveLength(1);
  });

  it.each([
    ['the look-up says not LIVE', 'not-live', /not LIVE/, () => fake.answerLookup('offline')],
    ['the look-up is refused with 429', 'rate-limited', /look-ups/, () => fake.answerLookup(429)],
    ['the look-up fails', 'sign-unreachable', /HTTP 500/, () => fake.answerLookup(500)],
    ['the look-up stalls', 'sign-unreachable', /timeout/, () => fake.answerLookup('stall')],
    ['the sign server wants a key', 'sign-unreachable', /key/, () => fake.answerSign(402)],
    ['the sign server fails', 'sign-unreachable', /HTTP 500/, () => fake.answerSign(500)],
    ['the sign answer is garbage', 'sign-unreachable', /read/, () => fake.answerSign('garbage')],
    ['the sign server stalls', 'sign-unreachable', /no answer/, () => fake.answerSign('stall')],
    ['TikTok blocks the socket', 'blocked', /DEVICE_BLOCKED/, () => fake.answerPush('blocked')],
  ])('when %s: %s', async (_, wanted, detail, arrange) => {
    arrange();
    const { reach, statuses, refusals } = hub();
    await reach(wanted);
    expect(statuses().at(-1)?.detail).toMatch(detail);
    expect(fake.pushRequests.length).toBeLessThanOrEqual(1);
    expect(refusals.byReason()).toEqual({});
  });

  it('says not-found for a username the sign server does not know', async () => {
    const { reach, statuses } = hub({ username: 'nobody.here' });
    await reach('not-found');
    expect(statuses().at(-1)?.detail).toMatch(/no TikTok account @nobody\.here/);
    expect(fake.signRequests).toEqual([]);
  });

  it('shows the sign key to the sign server only: never in a frame, a status or the log', async () => {
    const { reach, got, lines, dropAndRetry } = hub({ key: tempSignKey(KEY) });
    await dropAndRetry(402);
    await reach('sign-unreachable');
    expect(fake.apiKeys).toEqual([KEY, KEY, KEY, KEY]);
    expect(fake.signRequests.every((url) => !url.search.includes(KEY))).toBe(true);
    expect(JSON.stringify([got, lines, links?.states()])).not.toContain(KEY);
  });
  it('signs with a key saved while connected from the next attempt on, and anonymously once it is forgotten', async () => {
    const key = tempSignKey();
    const { reach, got, lines, dropAndRetry } = hub({ key });
    await reach('live');
    expect(fake.apiKeys).toEqual([undefined, undefined]);
    expect(key.save(KEY)).toEqual({ ok: true, source: 'file' });
    await dropAndRetry('ok');
    await reach('live');
    expect(fake.apiKeys).toEqual([undefined, undefined, KEY, KEY]);
    expect(key.save(null)).toEqual({ ok: true, source: 'none' });
    await dropAndRetry('ok');
    await reach('live');
    expect(fake.apiKeys.slice(4)).toEqual([undefined, undefined]);
    expect(JSON.stringify([got, lines, links?.states()])).not.toContain(KEY);
  });
});

describe('the default look-up (tiktok.com first), with tiktok.com switched off by the library', () => {
  // The library's own skip flags leave its sign-server fallback: the default path runs, no network.
  const flags = [IsLiveRouteConfig, RoomIdRouteConfig];
  const skips = ['skipFetchRoomInfoFromHtmlRoute', 'skipFetchRoomInfoFromApiLiveRoute'] as const;

  beforeAll(() => {
    for (const config of flags) for (const skip of skips) config[skip] = true;
  });

  afterAll(() => {
    for (const config of flags) for (const skip of skips) config[skip] = false;
  });

  it('asks fetchIsLive, then lets connect() find the room, and connects', async () => {
    for (const config of flags)
      expect(config).toMatchObject({ [skips[0]]: true, [skips[1]]: true });
    const { reach } = hub({ lookup: 'tiktok' });
    await reach('live');
    expect(fake.lookupRequests).toHaveLength(2);
    expect(fake.signRequests).toHaveLength(1);
  });

  it('is not-live when fetchIsLive says so, and retrying when every look-up fails', async () => {
    fake.answerLookup('offline');
    const offline = hub({ lookup: 'tiktok' });
    await offline.reach('not-live');
    links?.close();
    const unknown = hub({ lookup: 'tiktok', username: 'nobody.here' });
    await unknown.reach('retrying');
    expect(unknown.statuses().at(-1)?.detail).toBe(
      'could not tell whether the account is LIVE (every look-up failed)',
    );
  });
});
