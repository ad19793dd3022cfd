import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { SocketFactory } from '../../../src/feeds/socket/openSocket';
import { createTikfinityFeed } from '../../../src/feeds/tiktok/tikfinityFeed';
import { createWsFeed } from '../../../src/feeds/protocol/protocolFeed';
import { FLAT_LION, roseStreak, tikfinityFrame } from '../../fixtures/feeds/tiktok';
import { startFeedServer, type FeedServer } from '../../servers/feedServer';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';
import { SCALE } from './scale';

const nodeSocket: SocketFactory = (url) => new WebSocket(url) as never;
const servers: FeedServer[] = [];
const stops: Array<() => void> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const server of servers.splice(0)) await server.close();
});

async function tikfinity(random = () => 0.5) {
  const server = await startFeedServer();
  servers.push(server);
  const timers = new ManualTimers();
  const rec = recordingSink();
  const feed = createTikfinityFeed({
    url: server.url,
    scale: SCALE,
    timers,
    random,
    createSocket: nodeSocket,
  });
  const stop = feed.start(rec.sink);
  stops.push(stop);
  await server.waitForClients(1);
  await rec.until(() => rec.last() === 'live');
  return { server, timers, rec, stop };
}

describe('a TikFinity feed over a real local WebSocket', () => {
  it('goes connecting, then live, and delivers gifts with exact counts', async () => {
    const { server, rec } = await tikfinity();
    for (const step of roseStreak()) server.send(tikfinityFrame('gift', step));
    server.send(tikfinityFrame('gift', FLAT_LION));
    await rec.until(() => rec.events.length === 5);
    expect(rec.statuses.map((s) => s.status)).toEqual(['connecting', 'live']);
    expect(rec.events.map((e) => [e.value, e.final])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [3, true],
      [29999, true],
    ]);
  });

  it('drops bad frames with a counted reason while the connection stays up', async () => {
    const { server, rec } = await tikfinity();
    server.send(Buffer.from([1, 2, 3]));
    server.send('not json {');
    server.send('x'.repeat(70_000));
    server.send(JSON.stringify({ nope: true }));
    server.send(tikfinityFrame('gift', { ...FLAT_LION, userId: null, uniqueId: null }));
    server.send(tikfinityFrame('gift', { ...FLAT_LION, repeatCount: 1e12 }));
    server.send(tikfinityFrame('chat', { comment: 'hello' }));
    server.send(tikfinityFrame('gift', FLAT_LION));
    await rec.until(() => rec.events.length === 1);
    expect(rec.drops.map((d) => d.reason)).toEqual([
      'binary',
      'not-json',
      'oversized',
      'bad-shape',
      'no-sender',
      'bad-number',
    ]);
    expect(rec.statuses.map((s) => s.status)).toEqual(['connecting', 'live']);
    expect(server.accepted()).toBe(1);
  });

  it('reconnects after a server restart with backoff, one socket at a time, losing nothing after', async () => {
    const { server, rec, timers } = await tikfinity(() => 0.5);
    server.send(tikfinityFrame('gift', FLAT_LION));
    await rec.until(() => rec.events.length === 1);
    await server.restart();
    await rec.until(() => rec.last() === 'retrying');
    // The retry waits for its timer: no tight loop, no second socket meanwhile.
    expect(timers.pending()).toEqual([500]);
    expect(server.accepted()).toBe(1);
    timers.fireNext();
    await server.waitForClients(1);
    await rec.until(() => rec.last() === 'live');
    server.send(tikfinityFrame('gift', { ...FLAT_LION, msgId: 'after-restart' }));
    await rec.until(() => rec.events.length === 2);
    expect(rec.events.map((e) => e.id)).toEqual([FLAT_LION.msgId, 'after-restart']);
    expect(server.accepted()).toBe(2);
    expect(server.clients()).toBe(1);
  });

  it('backs off further while the server stays down, then says offline, and resets once stable', async () => {
    const { server, rec, timers } = await tikfinity(() => 0.999);
    await server.close();
    servers.length = 0;
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      await rec.until(() => timers.pending().length === 1 && timers.pending()[0] !== 10_000);
      delays.push(timers.fireNext());
    }
    expect(delays).toEqual([999, 1998, 3996, 7992, 15984, 29970]);
    expect(rec.last()).toBe('offline');
    // The server comes back on the same port; after a stable period the backoff starts over.
    const back = await startFeedServer({ port: server.port });
    servers.push(back);
    await rec.until(() => timers.pending().length === 1 && timers.pending()[0] !== 10_000);
    timers.fireNext();
    await rec.until(() => rec.last() === 'live');
    timers.pass(20_000);
    back.dropClients();
    await rec.until(() => rec.last() === 'retrying');
    expect(timers.pending()).toEqual([999]);
  });

  it('leaves no timer, socket or listener behind on stop()', async () => {
    const { server, rec, timers, stop } = await tikfinity();
    await server.restart();
    await rec.until(() => rec.last() === 'retrying');
    expect(timers.pending()).toHaveLength(1);
    stop();
    expect(timers.pending()).toEqual([]);
    const seen = rec.statuses.length;
    await new Promise((wake) => setTimeout(wake, 50));
    expect(server.clients()).toBe(0);
    expect(rec.statuses.length).toBe(seen);
  });

  it('closes its live socket on stop()', async () => {
    const { server, timers, stop } = await tikfinity();
    stop();
    await expect.poll(() => server.clients()).toBe(0);
    expect(timers.pending()).toEqual([]);
  });
});

describe('a Giftglow-protocol feed', () => {
  it('delivers one event or an array per frame, and drops wrong shapes without closing', async () => {
    const server = await startFeedServer();
    servers.push(server);
    const rec = recordingSink();
    const timers = new ManualTimers();
    stops.push(
      createWsFeed({ url: server.url, scale: SCALE, timers, createSocket: nodeSocket }).start(
        rec.sink,
      ),
    );
    await server.waitForClients(1);
    const user = { id: '7', name: 'Ann' };
    server.send(JSON.stringify({ v: 1, type: 'cheer', id: 'c1', user, bits: 50 }));
    server.send(
      JSON.stringify([
        { v: 1, type: 'follow', id: 'f1', user },
        { v: 1, type: 'cheer', id: 'c2', user, bits: 'NaN' },
      ]),
    );
    server.send(
      JSON.stringify({
        v: 1,
        type: 'gift',
        id: 'g1',
        user,
        gift: { id: 'rose', coins: 1 },
        count: 3,
      }),
    );
    await rec.until(() => rec.events.length === 3);
    expect(rec.events.map((e) => [e.id, e.value])).toEqual([
      ['c1', 50],
      ['f1', 0],
      ['g1', 3],
    ]);
    expect(rec.drops.map((d) => d.reason)).toEqual(['bad-shape']);
    expect(server.accepted()).toBe(1);
  });

  it('replaces a socket that misses the heartbeats it promised, but not a quiet one that never promised', async () => {
    const server = await startFeedServer();
    servers.push(server);
    const rec = recordingSink();
    const timers = new ManualTimers();
    stops.push(
      createWsFeed({
        url: server.url,
        scale: SCALE,
        timers,
        random: () => 0.5,
        createSocket: nodeSocket,
      }).start(rec.sink),
    );
    await server.waitForClients(1);
    await rec.until(() => rec.last() === 'live');
    expect(timers.pending()).toEqual([]);
    server.send(JSON.stringify({ v: 1, type: 'heartbeat', every: 5000 }));
    await rec.until(() => timers.pending().length === 1);
    expect(timers.pending()).toEqual([15_000]);
    timers.fireNext();
    expect(rec.statuses.at(-1)).toEqual({
      status: 'retrying',
      detail: 'silent for 15 s; retrying in 1 s',
    });
    timers.fireNext();
    await rec.until(() => rec.last() === 'live');
    expect(server.accepted()).toBe(2);
    await expect.poll(() => server.clients()).toBe(1);
  });
});
