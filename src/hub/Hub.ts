import type { DropReason } from '../wire/dropReasons.ts';
import type { StatusAnswer } from '../wire/hubAnswers.ts';
import { MAX_FRAME_CHARS } from '../wire/textFrame.ts';
import { judgeFrame } from './judgeFrame.ts';
import { originRefusal, type RequestOrigin } from './origin.ts';
import { RateLimit, type RateLimitOptions } from './RateLimit.ts';
import { Refusals } from './Refusals.ts';
import { bearerOf, sameToken } from './token.ts';

/**
 * The local event hub's rules, with no sockets in them (hubSocket.ts and hubRoutes.ts are glue):
 * who may connect, who may send, what is forwarded to whom, and what is refused and counted.
 * Overlays (`source=hub`) connect without a token and only receive; a sender shows the token, and
 * each of its frames is judged, rate-limited and forwarded to every other client.
 */

export interface HubClient {
  send(text: string): void;
}

export interface HubRequest extends RequestOrigin {
  authorization: string | undefined;
}

export interface HubOptions {
  token: string;
  clock: () => number;
  rate?: RateLimitOptions;
  /** Connected clients at most (overlays and senders). */
  maxClients?: number;
  maxFrameChars?: number;
}

export type Verdict =
  | { ok: true; status: 202; forwarded: number; overlays: number }
  | {
      ok: false;
      status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503 | 507;
      reason: DropReason;
      detail: string;
    };

export type Refusal = Extract<Verdict, { ok: false }>;

export const DEFAULT_RATE: RateLimitOptions = { burst: 30, perSecond: 10 };

export class Hub {
  readonly refusals = new Refusals();
  readonly #token: string;
  readonly #clock: () => number;
  readonly #rate: RateLimit;
  readonly #maxClients: number;
  readonly #maxFrameChars: number;
  /** Every client, and whether it is a sender (showed the token). */
  readonly #clients = new Map<HubClient, { sender: boolean }>();

  constructor(options: HubOptions) {
    this.#token = options.token;
    this.#clock = options.clock;
    this.#rate = new RateLimit(options.rate ?? DEFAULT_RATE);
    this.#maxClients = options.maxClients ?? 100;
    this.#maxFrameChars = options.maxFrameChars ?? MAX_FRAME_CHARS;
  }

  /** Overlays listening right now (clients without the token). */
  get overlays(): number {
    let n = 0;
    for (const { sender } of this.#clients.values()) if (!sender) n += 1;
    return n;
  }

  status(): StatusAnswer {
    const overlays = this.overlays;
    return { overlays, senders: this.#clients.size - overlays, refused: this.refusals.byReason() };
  }

  /** May this WebSocket upgrade go on? `sender`: it showed the token. A wrong token is refused. */
  admit(request: HubRequest): { ok: true; sender: boolean } | Refusal {
    const foreign = originRefusal(request);
    if (foreign) return this.refuse(403, foreign, "only this computer's own pages and tools");
    if (this.#clients.size >= this.#maxClients) {
      return this.refuse(503, 'full', `${this.#maxClients} clients already`);
    }
    if (request.authorization === undefined) return { ok: true, sender: false };
    if (!sameToken(bearerOf(request.authorization), this.#token)) {
      return this.refuse(401, 'bad-token', 'the token does not match');
    }
    return { ok: true, sender: true };
  }

  /** Adds a client admitted by `admit`; returns its leave. */
  join(client: HubClient, sender: boolean): () => void {
    this.#clients.set(client, { sender });
    return () => {
      this.#clients.delete(client);
      this.#rate.forget(senderKey(client));
    };
  }

  /** A frame a connected client sent: forwarded only from a sender, only when it is good. */
  fromClient(client: HubClient, text: string): Verdict {
    const known = this.#clients.get(client);
    if (!known?.sender) return this.refuse(401, 'no-token', 'overlays only receive');
    return this.#forward(senderKey(client), text, client);
  }

  /** `POST /hub/events`: checks, in order, where it comes from, the token, size, rate and frame. */
  post(request: HubRequest, body: string | null): Verdict {
    const refused = this.authorize(request);
    if (refused) return refused;
    if (body === null) return this.refuse(413, 'oversized', `body over ${this.#maxFrameChars}`);
    return this.#forward(`post:${request.origin ?? 'tool'}`, body, null);
  }

  /** May this request change anything? This computer's own, with the token; else counted. */
  authorize(request: HubRequest): Refusal | null {
    const foreign = originRefusal(request);
    if (foreign) return this.refuse(403, foreign, "only this computer's own pages and tools");
    const shown = bearerOf(request.authorization);
    if (shown === null) return this.refuse(401, 'no-token', 'send Authorization: Bearer <token>');
    if (!sameToken(shown, this.#token)) {
      return this.refuse(401, 'bad-token', 'the token does not match');
    }
    return null;
  }

  #forward(sender: string, text: string, from: HubClient | null): Verdict {
    const now = this.#clock();
    if (!this.#rate.take(sender, now))
      return this.refuse(429, 'rate', 'too many frames; slow down');
    const judged = judgeFrame(text, now, this.#maxFrameChars);
    if (!judged.ok) return this.refuse(400, judged.reason, judged.detail);
    for (const client of this.#clients.keys()) {
      if (client === from) continue;
      try {
        client.send(judged.text);
      } catch {
        this.refusals.count('send-failed');
      }
    }
    return { ok: true, status: 202, forwarded: judged.events, overlays: this.overlays };
  }

  /** A refusal, counted: of these rules, or of a route around them (the sign key's). */
  refuse(status: Refusal['status'], reason: DropReason, detail: string): Refusal {
    this.refusals.count(reason);
    return { ok: false, status, reason, detail };
  }
}

const keys = new WeakMap<HubClient, string>();
let next = 0;

/** A stable rate-limit key per connected client. */
function senderKey(client: HubClient): string {
  let key = keys.get(client);
  if (key === undefined) {
    next += 1;
    key = `ws:${next}`;
    keys.set(client, key);
  }
  return key;
}
