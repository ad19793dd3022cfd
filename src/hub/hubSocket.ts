import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { heartbeatFrame } from '../wire/heartbeat.ts';
import { HUB_PATHS } from '../wire/hubPaths.ts';
import { MAX_FRAME_CHARS } from '../wire/textFrame.ts';
import type { Hub } from './Hub.ts';
import { pathOf, requestOf } from './readRequest.ts';
import { answerOf } from './reply.ts';
import type { TikTokLinks } from './tiktok/TikTokLinks.ts';
import { admitTikTok, listenTikTok } from './tiktokUpgrade.ts';

/** Overlays are told to expect a frame this often, so a dead hub connection is replaced. */
export const HEARTBEAT_MS = 15_000;

/**
 * The hub's WebSockets (`GET /hub` and `GET /hub/tiktok?user=`, upgraded): each upgrade is admitted
 * or turned down by the hub's rules before it opens; overlays hear every forwarded frame and a
 * heartbeat; a sender (it showed the token) may send frames and learns why one was refused; a
 * TikTok listener hears one username's LIVE (tiktokUpgrade.ts). Returns the stop, which closes all.
 */
export function attachHubSocket(httpServer: Server, hub: Hub, tiktok: TikTokLinks): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_CHARS * 4 });
  const beat = heartbeatFrame(HEARTBEAT_MS);

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOf(req);
    if (path !== HUB_PATHS.socket && path !== HUB_PATHS.tiktok) return; // Not ours (Vite's HMR).
    const admitted =
      path === HUB_PATHS.tiktok ? admitTikTok(hub, tiktok, req) : hub.admit(requestOf(req));
    if (!admitted.ok) {
      socket.end(`HTTP/1.1 ${admitted.status} ${admitted.reason}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!('username' in admitted)) return welcome(ws, admitted.sender);
      ws.send(beat);
      listenTikTok(ws, admitted.username, hub, tiktok);
    });
  });

  function welcome(ws: WebSocket, sender: boolean): void {
    const client = { send: (text: string) => ws.send(text) };
    const leave = hub.join(client, sender);
    if (!sender) ws.send(beat);
    ws.on('message', (data, isBinary) => {
      const verdict = isBinary
        ? hub.fromClient(client, '\u0000binary')
        : hub.fromClient(client, data.toString());
      // Overlays are not told anything: they only receive. A sender learns why a frame was refused.
      if (sender && !verdict.ok) ws.send(JSON.stringify(answerOf(verdict)));
    });
    ws.on('close', leave);
    ws.on('error', () => ws.terminate());
  }

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) ws.send(beat);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return () => {
    clearInterval(heartbeat);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
