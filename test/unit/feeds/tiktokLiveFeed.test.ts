import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseParams } from '../../../src/core/config/config';
import { createFeeds } from '../../../src/feeds/createFeeds';
import { hubUrlOf } from '../../../src/feeds/protocol/hubUrl';
import type { SocketFactory } from '../../../src/feeds/socket/openSocket';
import { createTikTokLiveFeed } from '../../../src/feeds/tiktok/tiktokLiveFeed';
import { heartbeatFrame } from '../../../src/wire/heartbeat';
import { tiktokStatusFrame, TIKTOK_STATES, type TikTokStatus } from '../../../src/wire/tiktokLive';
import type { TikFinityFrame } from '../../fixtures/feeds/tiktok/connector';
import { startFeedServer, type FeedServer } from '../../servers/feedServer';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';
import { SCALE } from './scale';

/**
 * source=tiktok: the hub's /hub/tiktok socket, played by a local WebSocket server. What the
 * page's feed makes of the hub's status frames, heartbeats and the TikFinity-style event frames
 * (made by the connector's own code: frames.json).
 */

const frames = JSON.parse(
  readFileSync(new URL('../../fixtures/feeds/tiktok/frames.json', import.meta.url), 'utf8'),
) as Record<string, TikFinityFrame[]>;

const servers: FeedServer[] = [];
const stops: Array<() => void> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const server of servers.splice(0)) await server.close();
});

/** Each hub state: the page's status for it, and the text the badge shows (the hub's detail last). */
const STATE_CASES: Array<[TikTokStatus['state'], string, string]> = [
  ['connecting', 'connecting', 'connecting to TikTok: asking the sign server'],
  ['live', 'live', 'LIVE: connected'],
  ['not-live', 'offline', 'not LIVE right now: checking again in 3 min'],
  ['ended', 'offline', 'the LIVE ended: checking again in 3 min'],
  ['rate-limited', 'retrying', 'rate-limited by the sign server: retrying in 10 min'],
  ['sign-unreachable', 'retrying', 'the sign server does not answer: use TikFinity meanwhile'],
  ['not-found', 'offline', 'no TikTok account of that name: check the spelling'],
  ['blocked', 'offline', 'blocked by TikTok: an 18+ LIVE needs TikFinity'],
  ['retrying', 'retrying', 'reconnecting to TikTok: retrying in 4 s'],
];

const REACHING = { status: 'connecting', detail: 'reaching TikTok through the hub' };

/** A feed for `username` on a local server standing in for the hub; records the URLs it opened. */
async function tiktok(username = 'giftglow.fan') {
  const server = await startFeedServer();
  servers.push(server);
  const timers = new ManualTimers();
  const rec = recordingSink();
  const opened: string[] = [];
  const createSocket: SocketFactory = (url) => {
    opened.push(url);
    return new WebSocket(url) as never;
  };
  const hubUrl = `ws://127.0.0.1:${server.port}/hub`;
  const feed = createTikTokLiveFeed({
    username,
    hubUrl,
    scale: SCALE,
    timers,
    random: () => 0.5,
    createSocket,
  });
  stops.push(feed.start(rec.sink));
  await server.waitForClients(1);
  // Open on the page's side too: the connect timeout is cleared (there is no 'live' to wait for).
  await rec.until(() => timers.pending().length === 0);
  const status = (frame: Omit<TikTokStatus, 'v' | 'type' | 'username'>) =>
    server.send(tiktokStatusFrame({ username, ...frame }));
  return { server, timers, rec, opened, feed, status };
}

describe('a TikTok feed through the hub', () => {
  it("opens the hub's TikTok socket for the user, and stays connecting while only the hub answers", async () => {
    const { rec, opened, feed, server } = await tiktok();
    expect(feed.name).toBe('tiktok');
    expect(opened).toEqual([`ws://127.0.0.1:${server.port}/hub/tiktok?user=giftglow.fan`]);
    // Let the open land: no 'live' may follow it.
    server.send(heartbeatFrame(5000));
    await rec.until(() => rec.statuses.length >= 2);
    expect(rec.statuses).toEqual([REACHING, REACHING]);
  });

  it.each(STATE_CASES)(
    'shows the hub state %s as %s, with the state in words before its detail',
    async (state, shown, text) => {
      const { rec, status } = await tiktok();
      status({ state, detail: text.slice(text.indexOf(': ') + 2) });
      await rec.until(() => rec.statuses.some((s) => s.detail === text));
      expect(rec.statuses.at(-1)).toEqual({ status: shown, detail: text });
    },
  );

  it('has a page status for every state the hub can send', () => {
    expect(STATE_CASES.map(([state]) => state)).toEqual([...TIKTOK_STATES]);
  });

  it('says the state alone when the hub gives no detail', async () => {
    const { rec, status } = await tiktok();
    status({ state: 'live', detail: '' });
    await rec.until(() => rec.last() === 'live');
    expect(rec.statuses.at(-1)).toEqual({ status: 'live', detail: 'LIVE' });
  });

  it('reads the events with the one TikTok reader: a Rose streak counted by its steps, a Lion', async () => {
    const { rec, status, server } = await tiktok();
    status({ state: 'live', detail: '' });
    for (const frame of [...(frames.roseStreak ?? []), ...(frames.lion ?? [])]) {
      server.send(JSON.stringify(frame));
    }
    await rec.until(() => rec.events.length === 5);
    expect(rec.events.map((e) => [e.platform, e.sender.name, e.value, e.final])).toEqual([
      ['tiktok', 'Zerody Tester', 1, false],
      ['tiktok', 'Zerody Tester', 2, false],
      ['tiktok', 'Zerody Tester', 3, false],
      ['tiktok', 'Zerody Tester', 3, true],
      ['tiktok', 'Zerody Tester', 29_999, true],
    ]);
    expect(rec.drops).toEqual([]);
  });

  it('drops a bad frame with a counted reason and keeps the socket', async () => {
    const { rec, status, server } = await tiktok();
    server.send('not json {');
    server.send(JSON.stringify({ v: 1, type: 'tiktok-status', state: 'bored' }));
    status({ state: 'live', detail: '' });
    await rec.until(() => rec.last() === 'live');
    expect(rec.drops.map((d) => d.reason)).toEqual(['not-json', 'bad-shape']);
    expect(server.accepted()).toBe(1);
  });

  it('replaces a socket that misses the heartbeats the hub promised, and is connecting again until the hub says live', async () => {
    const { rec, status, server, timers } = await tiktok();
    status({ state: 'live', detail: '' });
    server.send(heartbeatFrame(5000));
    await rec.until(() => timers.pending().length === 1);
    expect(timers.pending()).toEqual([15_000]);
    timers.fireNext();
    expect(rec.statuses.at(-1)).toEqual({
      status: 'retrying',
      detail: 'silent for 15 s; retrying in 1 s',
    });
    timers.fireNext();
    await server.waitForClients(1);
    // Open again: the watchdog, kept from the promise, is armed again in place of the connect timeout.
    await rec.until(() => timers.pending().join() === '15000');
    expect(rec.statuses.at(-1)).toEqual(REACHING);
    status({ state: 'live', detail: '' });
    await rec.until(() => rec.last() === 'live');
    expect(server.accepted()).toBe(2);
  });

  it('says retrying when the hub goes away, and leaves nothing behind on stop()', async () => {
    const { rec, status, server, timers } = await tiktok();
    status({ state: 'live', detail: '' });
    await rec.until(() => rec.last() === 'live');
    server.dropClients();
    await rec.until(() => rec.last() === 'retrying');
    stops.pop()?.();
    expect(timers.pending()).toEqual([]);
  });
});

describe('the URL of the TikTok socket', () => {
  it("is the page's own server, or hub= when given, with the name encoded", () => {
    const pageHub = hubUrlOf('http://localhost:4173/overlays/alerts.html?source=tiktok');
    const opened: string[] = [];
    const createSocket: SocketFactory = (url) => {
      opened.push(url);
      throw new Error('no socket in this test');
    };
    for (const hubUrl of [pageHub, 'wss://example.test/giftglow/hub', 'ws://127.0.0.1:4292/']) {
      const feed = createTikTokLiveFeed({ username: 'a_b.c', hubUrl, scale: SCALE, createSocket });
      feed.start(recordingSink().sink)();
    }
    expect(opened).toEqual([
      'ws://localhost:4173/hub/tiktok?user=a_b.c',
      'wss://example.test/giftglow/hub/tiktok?user=a_b.c',
      'ws://127.0.0.1:4292/hub/tiktok?user=a_b.c',
    ]);
  });

  it.each(['../x', 'a b', 'a&user=b', 'a?b', 'a/b', 'a#b', '%2e%2e', 'x'.repeat(25)])(
    'is never reached by a username that would break it: %s',
    (name) => {
      const { config, issues } = parseParams(
        `?source=tiktok&tiktok=${encodeURIComponent(name)}&hub=ws://127.0.0.1:9/hub`,
      );
      expect(config.tiktok).toBeUndefined();
      expect(issues.map((i) => i.param)).toEqual(['tiktok', 'tiktok']);
      expect(createFeeds(config, { timers: new ManualTimers() })).toEqual([]);
    },
  );
});

describe('source=tiktok from the URL config', () => {
  it('runs beside Twitch on one board, each source its own feed', () => {
    const { config } = parseParams('?source=tiktok,twitch&tiktok=@GiftGlow&channel=abc');
    const feeds = createFeeds(config, { timers: new ManualTimers(), hubUrl: 'ws://h:1/hub' });
    expect(feeds.map((f) => f.name)).toEqual(['tiktok', 'twitch']);
  });

  it('says what to do without a hub (a page from disk or a static host)', () => {
    const { config } = parseParams('?source=tiktok&tiktok=giftglow');
    const [feed] = createFeeds(config, { timers: new ManualTimers() });
    const rec = recordingSink();
    feed?.start(rec.sink)();
    expect(feed?.name).toBe('tiktok');
    expect(rec.statuses).toEqual([
      {
        status: 'offline',
        detail: 'TikTok by username needs npm start; use TikFinity otherwise',
      },
    ]);
  });
});
