import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { heartbeatFrame } from '../wire/heartbeat.ts';
import type { EventsAnswer, StatusAnswer, TokenAnswer } from '../wire/hubAnswers.ts';
import { HUB_PATHS } from '../wire/hubPaths.ts';
import { MAX_FRAME_CHARS } from '../wire/textFrame.ts';
import { Hub, type HubRequest, type Verdict } from './Hub.ts';
import { originRefusal, tokenRequestAllowed } from './origin.ts';

/**
 * The hub's sockets and HTTP routes on the server that serves the pages (`npm start`): the thin
 * glue around Hub.ts, which holds every rule.
 * - `GET  /hub` (WebSocket): overlays receive; a client with the token may also send.
 * - `POST /hub/events`: a protocol v1 frame in the body, `Authorization: Bearer <token>`.
 * - `GET  /hub/token`: the token, for the start page only (same-origin fetch).
 * - `GET  /hub/status`: overlays connected, senders, refusals by reason.
 * No route sends a CORS header: no other site may read an answer.
 */

/** Overlays are told to expect a frame this often, so a dead hub connection is replaced. */
export const HEARTBEAT_MS = 15_000;

type Next = (error?: unknown) => void;

export interface HubServer {
  hub: Hub;
  /** Connect-style middleware for the /hub/* routes. */
  middleware(req: IncomingMessage, res: ServerResponse, next: Next): void;
  /** Stops the heartbeat and closes every hub socket. */
  close(): void;
}

export function attachHub(httpServer: Server, options: { token: string }): HubServer {
  const hub = new Hub({ token: options.token, clock: () => Date.now() });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_CHARS * 4 });
  const beat = heartbeatFrame(HEARTBEAT_MS);

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(req) !== HUB_PATHS.socket) return; // Not ours (Vite's HMR socket in dev).
    const admitted = hub.admit(requestOf(req));
    if (!admitted.ok) {
      socket.end(`HTTP/1.1 ${admitted.status} ${admitted.reason}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => welcome(ws, admitted.sender));
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
      if (sender && !verdict.ok) ws.send(JSON.stringify(answer(verdict)));
    });
    ws.on('close', leave);
    ws.on('error', () => ws.terminate());
  }

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) ws.send(beat);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function close(): void {
    clearInterval(heartbeat);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  }
  httpServer.once('close', close);

  function middleware(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const path = pathOf(req);
    if (path === HUB_PATHS.events) return void events(req, res);
    if (path === HUB_PATHS.token) return token(req, res);
    if (path === HUB_PATHS.status) return status(req, res);
    if (path === HUB_PATHS.socket)
      return reply(res, 426, { refused: 'upgrade', detail: 'a WebSocket URL' });
    next();
  }

  async function events(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return reply(res, 405, { refused: 'method', detail: 'POST a protocol v1 frame' });
    }
    const body = await readBody(req, MAX_FRAME_CHARS * 4);
    const verdict = hub.post(requestOf(req), body);
    reply(res, verdict.status, answer(verdict));
  }

  function token(req: IncomingMessage, res: ServerResponse): void {
    const foreign = originRefusal(requestOf(req));
    const fetchSite = header(req, 'sec-fetch-site');
    if (foreign !== null || !tokenRequestAllowed(fetchSite)) {
      hub.refusals.count(foreign ?? 'token-request');
      return reply(res, 403, {
        refused: foreign ?? 'token-request',
        detail: 'the start page only',
      });
    }
    reply(res, 200, { token: options.token });
  }

  function status(req: IncomingMessage, res: ServerResponse): void {
    const foreign = originRefusal(requestOf(req));
    if (foreign !== null)
      return reply(res, 403, { refused: foreign, detail: 'this computer only' });
    reply(res, 200, hub.status());
  }

  return { hub, middleware, close };
}

function answer(verdict: Verdict): EventsAnswer {
  return verdict.ok
    ? { forwarded: verdict.forwarded, overlays: verdict.overlays }
    : { refused: verdict.reason, detail: verdict.detail };
}

/** Every answer is one of src/wire/hubAnswers.ts, as JSON. */
function reply(
  res: ServerResponse,
  status: number,
  body: EventsAnswer | TokenAnswer | StatusAnswer,
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function requestOf(req: IncomingMessage): HubRequest {
  return {
    host: header(req, 'host'),
    origin: header(req, 'origin'),
    port: req.socket.localPort ?? 0,
    authorization: header(req, 'authorization'),
  };
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0]?.replace(/\/+$/, '') ?? '';
}

/** The body as text, or null once it grows past `maxBytes` (the rest is not read). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}
