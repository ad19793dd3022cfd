import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { heartbeatFrame } from '../../wire/heartbeat.ts';
import { HUB_PATHS } from '../../wire/hubPaths.ts';
import { rulesFrameText } from '../../wire/rulesFrame.ts';
import type { Hub, Refusal } from '../Hub.ts';
import { HEARTBEAT_MS } from '../hubSocket.ts';
import { originRefusal } from '../origin.ts';
import { pathOf, requestOf } from '../readRequest.ts';
import type { RulesStore } from './RulesStore.ts';

/** Pages watching the rules at once (a few overlays and the start page; a leak stops here). */
export const MAX_RULES_WATCHERS = 50;

/**
 * The WebSocket on `/hub/rules`: admitted as `/hub` is (this computer's own pages and tools only,
 * refused before it opens and counted), it hears the rules file now and after every save
 * (wire/rulesFrame.ts), and the hub's heartbeat. It sends nothing: what it sends is counted.
 * Returns the stop, which closes every watcher.
 */
export function attachRulesSocket(httpServer: Server, hub: Hub, store: RulesStore): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const beat = heartbeatFrame(HEARTBEAT_MS);

  function admit(req: IncomingMessage): Refusal | null {
    const foreign = originRefusal(requestOf(req));
    if (foreign) return hub.refuse(403, foreign, "only this computer's own pages and tools");
    if (wss.clients.size >= MAX_RULES_WATCHERS)
      return hub.refuse(503, 'full', `${MAX_RULES_WATCHERS} watchers already`);
    return null;
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(req) !== HUB_PATHS.rules) return; // Another socket's (the hub's, Vite's HMR).
    const refused = admit(req);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} ${refused.reason}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.send(rulesFrameText(store.read().file));
      ws.send(beat);
      ws.on('message', () => hub.refusals.count('no-token'));
      ws.on('error', () => ws.terminate());
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const unlisten = store.listen((file) => {
    const frame = rulesFrameText(file);
    for (const ws of wss.clients) ws.send(frame);
  });
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) ws.send(beat);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return () => {
    unlisten();
    clearInterval(heartbeat);
    httpServer.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
