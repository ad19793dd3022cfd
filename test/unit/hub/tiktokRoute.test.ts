import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachHub, type HubServer } from '../../../src/hub/hubServer';
import type { TikTokSettings } from '../../../src/hub/tiktok/tiktokSettings';
import { eventsAnswer, readAnswer, statusAnswer } from '../../../src/wire/hubAnswers';
import { readTikTokStatus } from '../../../src/wire/tiktokLive';
import { LION } from '../../fixtures/feeds/tiktok/connector';
import { startFakeTikTok, type FakeTikTok } from '../../servers/fakeTikTok';
import { gift } from '../../servers/tiktokMessages';
import { tempDataFolder } from './tempDataFolder';
import { ManualLinkTimers, tempSignKey } from './tiktokDoubles';
import { wsClient } from './wsClient';

/**
 * `/hub/tiktok?user=<username>` on a real HTTP server, with the real library against the fake of
 * TikTok behind it: who may listen, which usernames, and what a listening page hears.
 */

const TOKEN = 'y'.repeat(43);
const KEY = 'sk_route_test_0123456789';
const open: Array<{ close(): void }> = [];
let fake: FakeTikTok;

beforeEach(async () => {
  fake = await startFakeTikTok();
});

afterEach(async () => {
  for (const item of open.splice(0).reverse()) item.close();
  await fake.close();
});

async function serve(): Promise<{ port: number; hub: HubServer; timers: ManualLinkTimers }> {
  const timers = new ManualLinkTimers();
  const server: Server = createServer((req, res) => {
    hub.middleware(req, res, () => res.writeHead(404).end());
  });
  const settings: TikTokSettings = {
    signUrl: fake.signUrl,
    signKey: tempSignKey(KEY),
    lookup: 'sign-server',
  };
  const hub = attachHub(server, {
    token: TOKEN,
    settings,
    tiktok: { timers, random: () => 0.5 },
    data: tempDataFolder(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => server.close() }, hub);
  return { port: (server.address() as AddressInfo).port, hub, timers };
}

function listen(port: number, user: string, headers: Record<string, string> = {}) {
  const url = `ws://127.0.0.1:${port}/hub/tiktok?user=${encodeURIComponent(user)}`;
  const client = wsClient(url, headers, open);
  const states = () =>
    client.got
      .map((text) => readTikTokStatus(JSON.parse(text))?.state)
      .filter((s) => s !== undefined);
  return { ...client, states };
}

async function status(port: number) {
  return readAnswer(
    statusAnswer,
    await (await fetch(`http://127.0.0.1:${port}/hub/status`)).text(),
  );
}

describe('the /hub/tiktok route', () => {
  it('refuses a username that is not one, before the upgrade, and counts it', async () => {
    const { port, hub } = await serve();
    for (const user of ['', '../../etc/passwd', 'a', 'x'.repeat(25), 'ends.', 'spa ce', 'é']) {
      await expect(listen(port, user).ready).rejects.toThrow('400');
    }
    expect(hub.hub.refusals.byReason()).toEqual({ 'bad-username': 7 });
    expect(hub.tiktok.states()).toEqual([]);
    expect(fake.lookupRequests).toEqual([]);
  });

  it('turns down another site, as /hub does', async () => {
    const { port, hub } = await serve();
    const foreign = listen(port, 'giftglowtest', { Origin: 'https://evil.test' });
    await expect(foreign.ready).rejects.toThrow('403');
    // A DNS-rebinding page arrives under its own host name, with a matching Origin.
    const rebound = listen(port, 'giftglowtest', {
      Host: `evil.test:${port}`,
      Origin: `http://evil.test:${port}`,
    });
    await expect(rebound.ready).rejects.toThrow('403');
    expect(hub.hub.refusals.byReason()).toEqual({ 'foreign-origin': 1, 'foreign-host': 1 });
    expect(fake.lookupRequests).toEqual([]);
    const plain = await fetch(`http://127.0.0.1:${port}/hub/tiktok?user=giftglowtest`);
    expect(plain.status).toBe(426);
    expect(readAnswer(eventsAnswer, await plain.text())).toMatchObject({ refused: 'upgrade' });
  });

  it('gives a page a heartbeat, the statuses and the events of the LIVE; the status route its state', async () => {
    const { port } = await serve();
    const page = listen(port, '@GiftGlowTest', { Origin: `http://localhost:${port}` });
    await page.ready;
    await vi.waitFor(() => expect(page.states().at(-1)).toBe('live'));
    expect(JSON.parse(page.got[0] ?? '')).toEqual({ v: 1, type: 'heartbeat', every: 15_000 });
    expect(page.states()).toEqual(['connecting', 'connecting', 'live']);
    await fake.entered();
    const [msgId] = fake.send(gift({ gift: LION }));
    await vi.waitFor(() => expect(page.got.at(-1)).toContain(`"msgId":"${msgId}"`));
    expect(JSON.parse(page.got.at(-1) ?? '')).toMatchObject({
      event: 'gift',
      data: { giftId: '6369' },
    });
    const answer = await status(port);
    expect(answer?.tiktok).toEqual([{ username: 'giftglowtest', state: 'live' }]);
    expect(answer?.signKey).toBe('env');
    expect(JSON.stringify([answer, page.got])).not.toContain(KEY);
  });

  it('unsubscribes a page that closes; the connection goes after the grace period', async () => {
    const { port, hub, timers } = await serve();
    const page = listen(port, 'giftglowtest');
    await page.ready;
    await vi.waitFor(() => expect(page.states().at(-1)).toBe('live'));
    page.ws.send('{"v":1,"type":"gift"}');
    await vi.waitFor(() => expect(hub.hub.refusals.byReason()).toEqual({ 'no-token': 1 }));
    page.ws.close();
    await vi.waitFor(() => expect(timers.pending()).toContain(30_000));
    expect(timers.fireNext()).toBe(30_000);
    expect(hub.tiktok.states()).toEqual([]);
    expect((await status(port))?.tiktok).toBeUndefined();
  });
});
