import { afterEach, describe, expect, it } from 'vitest';
import { createTwitchFeed, ircConnection } from '../../../src/feeds/twitch/twitchFeed';
import * as lines from '../../fixtures/feeds/twitchLines';
import { startFakeTwitch, type FakeTwitch } from '../../servers/fakeTwitch';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';
import { SCALE } from './scale';

const servers: FakeTwitch[] = [];
const stops: Array<() => void> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const server of servers.splice(0)) await server.close();
});

async function twitch() {
  const server = await startFakeTwitch();
  servers.push(server);
  const timers = new ManualTimers();
  const rec = recordingSink();
  const feed = createTwitchFeed({
    channel: 'spirodonfl',
    irc: server.url,
    scale: SCALE,
    timers,
    random: () => 0.5,
  });
  const stop = feed.start(rec.sink);
  stops.push(stop);
  expect(await server.joined()).toBe('#spirodonfl');
  await rec.until(() => rec.last() === 'live');
  return { server, timers, rec, stop };
}

describe('the irc= override', () => {
  it.each([
    [
      'wss://irc-ws.chat.twitch.tv:443',
      { server: 'irc-ws.chat.twitch.tv', port: 443, secure: true },
    ],
    ['ws://127.0.0.1:4567', { server: '127.0.0.1', port: 4567, secure: false }],
    ['wss://chat.example.org', { server: 'chat.example.org', port: 443, secure: true }],
  ])('reads %s as a tmi.js connection', (irc, expected) => {
    expect(ircConnection(irc)).toEqual(expected);
  });

  it('refuses anything but ws:// and wss://', () => {
    expect(() => ircConnection('http://example.org')).toThrow(/ws:\/\//);
  });

  it('reports a feed with an unusable irc= as offline instead of throwing', () => {
    const rec = recordingSink();
    const feed = createTwitchFeed({ channel: 'abc', irc: 'not a url', scale: SCALE });
    stops.push(feed.start(rec.sink));
    expect(rec.last()).toBe('offline');
  });
});

describe('real tmi.js against a fake Twitch IRC server', () => {
  it('logs in anonymously and read-only: no token, a justinfan nick', async () => {
    const { server } = await twitch();
    expect(server.received).toContain('PASS SCHMOOPIIE');
    expect(server.received.some((l) => /^NICK justinfan\d+$/.test(l))).toBe(true);
    expect(server.received).toContain('JOIN #spirodonfl');
    expect(server.received.some((l) => l.startsWith('PRIVMSG'))).toBe(false);
  });

  it('turns replayed real lines into core events with exact counts', async () => {
    const { server, rec } = await twitch();
    server.send(lines.CHEER_100, lines.RESUB_PRIME, lines.BOMB_HEADER, lines.BOMB_BODY);
    server.send(lines.SUBGIFT_SINGLE, lines.SUB_TIER3, lines.RAID_54, lines.CHEER_0);
    await rec.until(() => rec.events.length === 7);
    expect(rec.events.map((e) => [e.kind, e.value, e.combo?.role ?? null])).toEqual([
      ['cheer', 100, null],
      ['sub', 500, null],
      ['giftsub', 2500, 'total'],
      ['giftsub', 500, 'part'],
      ['giftsub', 500, null],
      ['sub', 2500, null],
      ['raid', 0, null],
    ]);
    expect(rec.drops.map((d) => d.reason)).toEqual(['bad-number']);
  });

  it('reconnects with its own backoff after the server restarts, with one socket at a time', async () => {
    const { server, rec, timers } = await twitch();
    await server.restart();
    await rec.until(() => rec.last() === 'retrying');
    expect(timers.pending()).toEqual([500]);
    expect(server.accepted()).toBe(1);
    timers.fireNext();
    expect(await server.joined()).toBe('#spirodonfl');
    await rec.until(() => rec.last() === 'live');
    server.send(lines.CHEER_1);
    await rec.until(() => rec.events.length === 1);
    expect(server.accepted()).toBe(2);
    expect(server.clients()).toBe(1);
  });

  it('follows a RECONNECT from the server without a second socket', async () => {
    const { server, rec, timers } = await twitch();
    server.send(':tmi.twitch.tv RECONNECT');
    await rec.until(() => rec.last() === 'retrying');
    timers.fireNext();
    await rec.until(() => rec.last() === 'live');
    // tmi.js's own uncancellable reconnect timer (~1.5 s) must not open a second socket.
    await new Promise((wake) => setTimeout(wake, 1700));
    expect(server.accepted()).toBe(2);
    expect(server.clients()).toBe(1);
  });

  it('leaves no timer or socket behind on stop()', async () => {
    const { server, timers, stop } = await twitch();
    stop();
    expect(timers.pending()).toEqual([]);
    await expect.poll(() => server.clients()).toBe(0);
  });
});

describe('a Twitch server that is down', () => {
  it('retries with growing waits and says offline after five failed attempts', async () => {
    const server = await startFakeTwitch();
    const url = server.url;
    await server.close();
    const timers = new ManualTimers();
    const rec = recordingSink();
    stops.push(
      createTwitchFeed({
        channel: 'x_y',
        irc: url,
        scale: SCALE,
        timers,
        random: () => 0.999,
      }).start(rec.sink),
    );
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await rec.until(() => timers.pending().length === 1 && timers.pending()[0] !== 15_000);
      delays.push(timers.fireNext());
    }
    expect(delays).toEqual([999, 1998, 3996, 7992, 15984]);
    await rec.until(() => rec.last() === 'offline');
    expect(rec.statuses.map((s) => s.status)).toEqual([
      'connecting',
      'retrying',
      'retrying',
      'retrying',
      'retrying',
      'offline',
    ]);
  });
});
