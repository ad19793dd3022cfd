import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebcastPushFrame } from 'tiktok-live-connector';
import { WebSocket, WebSocketServer } from 'ws';
import { fetchResult, pushFrame, type Draft } from './tiktokMessages';

/**
 * What tiktok-live-connector 2.5 talks to, on one 127.0.0.1 port, so the real library runs with no
 * network. The sign server answers `GET /webcast/rooms/<roomId>/connect` (the library's
 * fetchSignedWebSocketFromEulerRoute, through its Euler client) with a ProtoMessageFetchResult
 * naming the push socket, plus the headers the library requires (x-set-tt-cookie, x-room-id), and
 * `GET /webcast/anchors/<username>/room_id` (the SDK's retrieveRoomId, the route the library's
 * look-ups fall back to) with Euler's WebcastRoomIdRouteResponse: `is_live` and `room_id` for its
 * one user, 404 `user_not_found` for anyone else. The push socket sends WebcastPushFrames with
 * gzip'd message batches. Every byte is made by the library's own encoders (./tiktokMessages.ts).
 * Point the library at it with its `eulerApiInstance` option:
 * `new EulerStreamApiClient({ basePath: fake.signUrl })`.
 */
export interface FakeTikTok {
  /** http://127.0.0.1:<port>: the sign server's base path. */
  signUrl: string;
  /** ws://127.0.0.1:<port>/webcast/im/push/: the push socket the sign answer names. */
  pushUrl: string;
  roomId: string;
  /** The one TikTok user it knows (`giftglowtest` unless told). */
  username: string;
  /** Each room look-up received, in order (the path holds the username). */
  lookupRequests: URL[];
  /** The `x-api-key` header of each request to the sign server (either route), in order. */
  apiKeys: Array<string | undefined>;
  /** Each sign request received, in order (the path holds the room id, the query the client's). */
  signRequests: URL[];
  /** Each push socket request: the query holds room_id, cursor, internal_ext and the route params. */
  pushRequests: URL[];
  /** The payloadType of each frame the library sent: im_enter_room, then ack (and hb every 10 s). */
  received: string[];
  /** How the sign server answers from now on (`ok` at start). */
  answerSign(answer: SignAnswer): void;
  /** How the room look-up answers from now on (`live` at start). */
  answerLookup(answer: LookupAnswer): void;
  /** How the push server takes new sockets from now on (`ok` at start). */
  answerPush(answer: PushAnswer): void;
  /** Resolves once the library has entered the room (its im_enter_room frame) `times` times. */
  entered(times?: number): Promise<void>;
  /** Sends one push frame holding these messages to every socket; gives their msgIds. */
  send(...drafts: Draft[]): string[];
  /**
   * The next signed answer carries every message sent so far, as TikTok's first batch after a
   * reconnect repeats recent messages: the page must count none of them twice.
   */
  replayOnNextSign(): void;
  /** Sends a frame the library's decoder rejects (not a WebcastPushFrame). */
  sendGarbage(): void;
  /** Closes every socket: with a close frame when `code` is given, else by cutting the TCP link. */
  dropSocket(code?: number, reason?: string): void;
  close(): Promise<void>;
}

/**
 * `ok`: a signed answer. 429 (JSON `message` and `limit_label`; Retry-After `retryAfterS`, 30 s
 * unless told), 402 and 500: the sign server's refusals. `garbage`: 200 with every header but a
 * body that is not protobuf.
 * `stall`: the request is never answered (until close).
 */
export type SignAnswer = 'ok' | 429 | 402 | 500 | 'garbage' | 'stall';

/**
 * `live` / `offline`: 200 with `is_live` true or false (for its one user; 404 for anyone else).
 * 429 (with the same Retry-After as the sign server's), 500 and `stall` as the sign server's.
 */
export type LookupAnswer = 'live' | 'offline' | 429 | 500 | 'stall';

/** `blocked`: the upgrade is refused as TikTok does (`handshake-msg: DEVICE_BLOCKED`). */
export type PushAnswer = 'ok' | 'blocked' | 'stall';

const REFUSALS = {
  429: { message: 'Too many connections', limit_label: 'rate_limit_account_minute' },
  402: { message: 'This feature requires a paid plan' },
  500: { code: 500, message: 'Empty response payload' },
};

// A length-delimited field 1 claiming more bytes than follow: the protobuf reader throws.
const GARBAGE = Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]);

export interface FakeOptions {
  roomId?: string;
  username?: string;
  now?: () => number;
  /** The Retry-After of a 429, in seconds (30 unless told). */
  retryAfterS?: number;
  /** A fixed port (an e2e server is told SIGN_API_URL before the fake starts); else any free one. */
  port?: number;
}

export async function startFakeTikTok(options: FakeOptions = {}): Promise<FakeTikTok> {
  const roomId = options.roomId ?? '7137728632142843000';
  const username = options.username ?? 'giftglowtest';
  const now = options.now ?? Date.now;
  const retryAfter = String(options.retryAfterS ?? 30);
  const lookupRequests: URL[] = [];
  const apiKeys: Array<string | undefined> = [];
  const signRequests: URL[] = [];
  const pushRequests: URL[] = [];
  const received: string[] = [];
  const held = new Set<ServerResponse | Socket>();
  let signAnswer: SignAnswer = 'ok';
  let pushAnswer: PushAnswer = 'ok';
  let lookupAnswer: LookupAnswer = 'live';
  let lastId = 7_300_000_000_000_000_000n;
  let waiters: Array<() => void> = [];
  let closed: Promise<void> | undefined;
  const nextId = () => String(++lastId);
  /** Every message sent, for a replay in the next signed answer. */
  const sent: Array<{ method: string; msgId: string; payload: Uint8Array }> = [];
  let replay = false;

  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['x-api-key'];
    if (/^\/webcast\/rooms\/\d+\/connect$/.test(url.pathname)) {
      apiKeys.push(Array.isArray(key) ? key[0] : key);
      signRequests.push(url);
      sign(res);
    } else if (/^\/webcast\/anchors\/[^/]+\/room_id$/.test(url.pathname)) {
      apiKeys.push(Array.isArray(key) ? key[0] : key);
      lookupRequests.push(url);
      lookUp(res, decodeURIComponent(url.pathname.split('/')[3] ?? ''));
    } else res.writeHead(404).end();
  });
  server.on('upgrade', (req, socket: Socket, head) => {
    pushRequests.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    if (pushAnswer === 'stall') return void held.add(socket);
    if (pushAnswer === 'blocked') {
      return void socket.end('HTTP/1.1 403 Forbidden\r\nhandshake-msg: DEVICE_BLOCKED\r\n\r\n');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer) => {
      received.push(WebcastPushFrame.decode(data).payloadType);
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const pushUrl = `ws://127.0.0.1:${port}/webcast/im/push/`;

  function sign(res: ServerResponse): void {
    if (signAnswer === 'stall') return void held.add(res);
    if (signAnswer === 'ok' || signAnswer === 'garbage') {
      const body =
        signAnswer === 'garbage'
          ? GARBAGE
          : fetchResult({
              ...batchHead(),
              messages: replay ? [...sent] : [],
              pushServer: pushUrl,
              routeParams: { wrss: 'fake' },
            });
      res.writeHead(200, {
        'content-type': 'application/x-protobuf',
        'x-set-tt-cookie': 'ttwid=1%7Cfake%7C1700000000; Path=/',
        'x-room-id': roomId,
      });
      replay = false;
      return void res.end(body);
    }
    refuse(res, signAnswer);
  }

  function refuse(res: ServerResponse, status: keyof typeof REFUSALS): void {
    const headers = status === 429 ? { 'retry-after': retryAfter } : {};
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(REFUSALS[status]));
  }

  /** As Euler Stream's WebcastRoomIdRouteResponse (tiktok-live-api-sdk's types). */
  function lookUp(res: ServerResponse, who: string): void {
    if (lookupAnswer === 'stall') return void held.add(res);
    if (typeof lookupAnswer === 'number') return refuse(res, lookupAnswer);
    const routes_attempted = ['fake_room_info'];
    const json = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (who !== username) {
      return json(404, { code: 404, ok: false, message: 'user_not_found', routes_attempted });
    }
    const live = lookupAnswer === 'live';
    json(200, { code: 200, ok: true, routes_attempted, is_live: live, room_id: roomId });
  }

  function batchHead() {
    const at = now();
    return {
      cursor: `t-${at}_r-1_d-1_u-1_h-1`,
      internalExt: `fake_ext:${roomId}|t:${at}`,
      now: at,
    };
  }

  function broadcast(frame: Uint8Array): void {
    for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  }

  return {
    signUrl: `http://127.0.0.1:${port}`,
    pushUrl,
    roomId,
    username,
    lookupRequests,
    apiKeys,
    signRequests,
    pushRequests,
    received,
    answerSign: (answer) => void (signAnswer = answer),
    answerPush: (answer) => void (pushAnswer = answer),
    answerLookup: (answer) => void (lookupAnswer = answer),
    entered(times = 1) {
      const done = () => received.filter((type) => type === 'im_enter_room').length >= times;
      return new Promise((resolve) => {
        const check = () => {
          if (!done()) return;
          waiters = waiters.filter((w) => w !== check);
          resolve();
        };
        waiters.push(check);
        check();
      });
    },
    send(...drafts) {
      const createTime = now();
      const messages = drafts.map((draft) => {
        const msgId = nextId();
        return {
          method: draft.method,
          msgId,
          payload: draft.encode({ msgId, roomId, createTime }),
        };
      });
      sent.push(...messages);
      broadcast(pushFrame(nextId(), { ...batchHead(), messages }));
      return messages.map((m) => m.msgId);
    },
    replayOnNextSign() {
      replay = true;
    },
    sendGarbage: () => broadcast(GARBAGE),
    dropSocket(code, reason) {
      for (const ws of wss.clients) {
        if (code === undefined) ws.terminate();
        else ws.close(code, reason);
      }
    },
    close() {
      closed ??= new Promise((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        for (const item of held) item.destroy();
        server.closeAllConnections();
        wss.close(() => server.close(() => resolve()));
      });
      return closed;
    },
  };
}
