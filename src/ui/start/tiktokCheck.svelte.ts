import { readFrame } from '../../wire/textFrame';
import { readTikTokStatus, type TikTokStatus } from '../../wire/tiktokLive';
import { tiktokSocketUrl } from '../../wire/tiktokSocketUrl';

/**
 * The start page's LIVE check for a TikTok username: the same `/hub/tiktok?user=` socket an overlay
 * opens, so it shows the state exactly as the hub reports it, and it shares the hub's one
 * connection for that name. It asks only after a pause in typing: every name asked for is a
 * connection (and a sign request) on the hub's side, and "gif", "gift", "giftg" are not the name.
 */

export type LiveCheck =
  { kind: 'asking' } | { kind: 'status'; status: TikTokStatus } | { kind: 'closed'; why: string };

/** The part of a browser WebSocket the check uses. */
export interface CheckSocket {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(): void;
}

/** The browser's timers by default; a test's own (feeds' ManualTimers fit). */
interface CheckTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: CheckTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};

export interface CheckDeps {
  createSocket?: (url: string) => CheckSocket;
  timers?: CheckTimers;
  /** The pause in typing before asking. */
  settleMs?: number;
  /** A hub that says nothing this long does not know /hub/tiktok (an older npm start). */
  answerMs?: number;
}

const CLOSED = 'the hub closed the check';
const SILENT = 'the hub did not answer for TikTok: restart npm start with the latest Giftglow';
const NO_URL = 'no hub here';

export class TikTokCheck {
  check = $state<LiveCheck>({ kind: 'asking' });

  readonly #hubUrl: string | undefined;
  readonly #create: (url: string) => CheckSocket;
  readonly #timers: CheckTimers;
  readonly #settleMs: number;
  readonly #answerMs: number;

  /** `hubUrl`: the hub's WebSocket, the /hub of the server that served the page. */
  constructor(hubUrl: string | undefined, deps: CheckDeps = {}) {
    this.#hubUrl = hubUrl;
    this.#create = deps.createSocket ?? ((url) => new WebSocket(url) as unknown as CheckSocket);
    this.#timers = deps.timers ?? browserTimers;
    this.#settleMs = deps.settleMs ?? 1000;
    this.#answerMs = deps.answerMs ?? 15_000;
  }

  /** Asks the hub about `username` (checked by the caller) until stopped; returns the stop. */
  watch(username: string): () => void {
    const url = this.#hubUrl && tiktokSocketUrl(this.#hubUrl, username);
    if (!url) {
      this.check = { kind: 'closed', why: NO_URL };
      return () => undefined;
    }
    this.check = { kind: 'asking' };
    let socket: CheckSocket | null = null;
    let timer: unknown = null;
    const clear = () => {
      if (timer !== null) this.#timers.clearTimeout(timer);
      timer = null;
    };
    const close = (why: string | null) => {
      clear();
      if (socket) socket.onmessage = socket.onclose = null;
      socket?.close();
      socket = null;
      if (why !== null) this.check = { kind: 'closed', why };
    };
    const open = () => {
      try {
        socket = this.#create(url);
      } catch (error) {
        close(`cannot open ${url}: ${String(error)}`);
        return;
      }
      timer = this.#timers.setTimeout(() => close(SILENT), this.#answerMs);
      socket.onmessage = (event) => {
        const frame = readFrame(event.data);
        const status = frame.ok ? readTikTokStatus(frame.json) : null;
        if (!status) return; // heartbeats, and the LIVE's events: the overlays show those
        clear();
        this.check = { kind: 'status', status };
      };
      socket.onclose = () => close(CLOSED);
      // An error is always followed by close; kept after close, for a socket closed while opening.
      socket.onerror = () => undefined;
    };
    timer = this.#timers.setTimeout(open, this.#settleMs);
    return () => close(null);
  }
}
