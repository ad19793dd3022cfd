import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachHub, type HubServer } from '../../../src/hub/hubServer';
import { eventsAnswer, readAnswer, statusAnswer, tokenAnswer } from '../../../src/wire/hubAnswers';
import { tempDataFolder } from './tempDataFolder';
import { tempSignKey } from './tiktokDoubles';
import { wsClient } from './wsClient';

/** The hub's thin glue on a real HTTP server: upgrades, who may send, what each client hears. */

const TOKEN = 'y'.repeat(43);
const open: Array<{ close(): void }> = [];

afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close();
});

async function serve(): Promise<{ port: number; hub: HubServer }> {
  const server: Server = createServer((req, res) => {
    hub.middleware(req, res, () => res.writeHead(404).end());
  });
  const settings = {
    signUrl: 'http://127.0.0.1:9',
    signKey: tempSignKey(),
    lookup: 'tiktok' as const,
  };
  const hub = attachHub(server, { token: TOKEN, settings, data: tempDataFolder() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => server.close() }, hub);
  return { port: (server.address() as AddressInfo).port, hub };
}

function client(port: number, headers: Record<string, string> = {}) {
  return wsClient(`ws://127.0.0.1:${port}/hub`, headers, open);
}

const lion = JSON.stringify({
  v: 1,
  type: 'gift',
  id: 'ws-lion',
  test: true,
  user: { id: '1', name: 'Leo' },
  gift: { id: '6369', name: 'Lion', coins: 29999 },
});

describe('the hub on a server', () => {
  it('greets an overlay with a heartbeat and forwards what a sender with the token sends', async () => {
    const { port, hub } = await serve();
    const overlay = client(port);
    await overlay.ready;
    await vi.waitFor(() => expect(overlay.got[0]).toContain('"heartbeat"'));
    const tool = client(port, { Authorization: `Bearer ${TOKEN}` });
    await tool.ready;
    expect(hub.hub.status()).toMatchObject({ overlays: 1, senders: 1 });
    tool.ws.send(lion);
    await vi.waitFor(() => expect(overlay.got).toContain(lion));
    tool.ws.send('{"v":1,"type":"gift"}');
    await vi.waitFor(() => expect(tool.got.join()).toContain('"refused":"bad-shape"'));
    expect(readAnswer(eventsAnswer, tool.got.at(-1) ?? '')).toMatchObject({ refused: 'bad-shape' });
    expect(overlay.got.filter((text) => !text.includes('heartbeat'))).toEqual([lion]);
  });

  it('lets an overlay only receive: its frames go nowhere and are counted', async () => {
    const { port, hub } = await serve();
    const [a, b] = [client(port), client(port)];
    await Promise.all([a.ready, b.ready]);
    a.ws.send(lion);
    await vi.waitFor(() => expect(hub.hub.refusals.byReason()).toEqual({ 'no-token': 1 }));
    expect(b.got.every((text) => text.includes('heartbeat'))).toBe(true);
  });

  it('turns down a WebSocket from another site, or with a wrong token, before it opens', async () => {
    const { port } = await serve();
    await expect(client(port, { Origin: 'https://evil.test' }).ready).rejects.toThrow('403');
    await expect(client(port, { Authorization: 'Bearer wrong' }).ready).rejects.toThrow('401');
  });

  it('answers the status and refuses the token to anything but a same-origin fetch', async () => {
    const { port } = await serve();
    const base = `http://127.0.0.1:${port}/hub`;
    const status = await (await fetch(`${base}/status`)).text();
    expect(readAnswer(statusAnswer, status)).toEqual({
      overlays: 0,
      senders: 0,
      refused: {},
      signKey: 'none',
    });
    const tool = await fetch(`${base}/token`);
    expect(tool.status).toBe(403);
    expect(readAnswer(eventsAnswer, await tool.text())).toMatchObject({ refused: 'token-request' });
    const same = await fetch(`${base}/token`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(readAnswer(tokenAnswer, await same.text())).toEqual({ token: TOKEN });
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${base}/events`);
    expect(get.status).toBe(405);
    expect(readAnswer(eventsAnswer, await get.text())).toMatchObject({ refused: 'method' });
    const plain = await fetch(base);
    expect(plain.status).toBe(426);
    expect(readAnswer(eventsAnswer, await plain.text())).toMatchObject({ refused: 'upgrade' });
  });
});
