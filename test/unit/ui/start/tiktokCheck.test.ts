import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { TikTokCheck, type CheckSocket } from '../../../../src/ui/start/tiktokCheck.svelte';
import { heartbeatFrame } from '../../../../src/wire/heartbeat';
import { tiktokStatusFrame } from '../../../../src/wire/tiktokLive';
import { startFeedServer, type FeedServer } from '../../../servers/feedServer';
import { ManualTimers } from '../../feeds/manualTimers';
import { recordingSink } from '../../feeds/recordingSink';

/** The start page's LIVE check against a local server standing in for the hub's TikTok socket. */

const servers: FeedServer[] = [];
const stops: Array<() => void> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const server of servers.splice(0)) await server.close();
});

const { until } = recordingSink();

async function setup() {
  const server = await startFeedServer();
  servers.push(server);
  const timers = new ManualTimers();
  const opened: string[] = [];
  const check = new TikTokCheck(`ws://127.0.0.1:${server.port}/hub`, {
    timers,
    createSocket: (url) => {
      opened.push(url);
      return new WebSocket(url) as unknown as CheckSocket;
    },
  });
  return { server, timers, opened, check };
}

describe('the LIVE check of the start page', () => {
  it('asks only after a pause in typing, one socket for the name that stayed', async () => {
    const { server, timers, opened, check } = await setup();
    for (const name of ['gi', 'gif', 'giftglow']) {
      check.watch(name)();
    }
    stops.push(check.watch('giftglow'));
    expect(check.check).toEqual({ kind: 'asking' });
    expect(opened).toEqual([]);
    expect(timers.pending()).toEqual([1000]);
    timers.fireNext();
    expect(opened).toEqual([`ws://127.0.0.1:${server.port}/hub/tiktok?user=giftglow`]);
    await server.waitForClients(1);
    expect(server.accepted()).toBe(1);
  });

  it("shows the hub's states as they come, past heartbeats and events", async () => {
    const { server, timers, check } = await setup();
    stops.push(check.watch('giftglow'));
    timers.fireNext();
    await server.waitForClients(1);
    server.send(heartbeatFrame(15_000));
    server.send(JSON.stringify({ event: 'like', data: {} }));
    server.send('not json {');
    server.send(tiktokStatusFrame({ username: 'giftglow', state: 'not-live', detail: 'later' }));
    await until(() => check.check.kind === 'status');
    expect(check.check).toMatchObject({ kind: 'status', status: { state: 'not-live' } });
    // The first word came: no more waiting for one.
    expect(timers.pending()).toEqual([]);
    server.send(tiktokStatusFrame({ username: 'giftglow', state: 'live', detail: '' }));
    await until(() => check.check.kind === 'status' && check.check.status.state === 'live');
  });

  it('says when the hub closes the check, or never says a word (an npm start without /hub/tiktok)', async () => {
    const { server, timers, check } = await setup();
    stops.push(check.watch('giftglow'));
    timers.fireNext();
    await server.waitForClients(1);
    expect(timers.pending()).toEqual([15_000]);
    timers.fireNext();
    expect(check.check).toMatchObject({ kind: 'closed', why: /did not answer for TikTok/ });
    await expect.poll(() => server.clients()).toBe(0);

    stops.push(check.watch('giftglow'));
    timers.fireNext();
    await server.waitForClients(1);
    server.dropClients();
    await until(() => check.check.kind === 'closed');
    expect(check.check).toEqual({ kind: 'closed', why: 'the hub closed the check' });
  });

  it('closes its socket and timers on stop', async () => {
    const { server, timers, check } = await setup();
    const stop = check.watch('giftglow');
    timers.fireNext();
    await server.waitForClients(1);
    stop();
    expect(timers.pending()).toEqual([]);
    await expect.poll(() => server.clients()).toBe(0);
    expect(check.check).toEqual({ kind: 'asking' });
  });

  it('has nothing to ask without a hub', () => {
    const check = new TikTokCheck(undefined);
    check.watch('giftglow')();
    expect(check.check).toEqual({ kind: 'closed', why: 'no hub here' });
  });
});
