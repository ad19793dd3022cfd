import type { TikTokLiveConnection } from 'tiktok-live-connector';
import { readRoomIdAnswer } from './roomIdAnswer.ts';
import { classifyError, shortText } from './tiktokFailure.ts';
import {
  failure,
  type Check,
  type Connected,
  type OpenTikTok,
  type SessionListener,
  type TikTokPort,
} from './tiktokPort.ts';
import type { Lookup, TikTokSettings } from './tiktokSettings.ts';

/**
 * The one file in src/ that reaches tiktok-live-connector 2.5 and its Euler Stream client
 * (tiktok-live-api-sdk): the port TikTokLink.ts drives, in values, never throws. Both are loaded
 * with import() on first use, so a library that fails to load is a state of a connection, never a
 * crash of `npm start`. The library does not reconnect by itself: each attempt is a new
 * TikTokLiveConnection, so a late answer of an old one can be dropped whole.
 */

type Library = typeof import('tiktok-live-connector');
type Sdk = typeof import('tiktok-live-api-sdk');
type EulerClient = InstanceType<Sdk['default']>;
/** The sign server's client, and the key it was made with (null: anonymous). */
type Signer = { key: string | null; euler: EulerClient };

export interface LibraryOptions {
  /** The sign server's answer is awaited this long (the library itself waits forever). */
  signTimeoutMs?: number;
}

/** The events passed on to the overlays, by the library's names (the page's reader reads them). */
const FORWARDED = ['gift', 'like', 'follow', 'share', 'subNotify'] as const;

/** Errors the library also reports as `error` events while the call that failed rejects. */
const ANSWERED = /^(Error while connecting|Failed to retrieve)/;

let loading: Promise<[Library, Sdk]> | null = null;

function load(): Promise<[Library, Sdk]> {
  if (!loading) {
    loading = Promise.all([import('tiktok-live-connector'), import('tiktok-live-api-sdk')]);
    // A failed load is tried again at the next attempt (a reinstall while npm start runs).
    loading.catch(() => (loading = null));
  }
  return loading;
}

export function tiktokLibrary(settings: TikTokSettings, options: LibraryOptions = {}): OpenTikTok {
  return async (username) => {
    const [library, sdk] = await load();
    let signer: Signer | null = null;
    // Asked at each attempt: a key saved on the start page meanwhile makes a new client.
    const signerNow = () => {
      const key = settings.signKey.current();
      if (signer?.key !== key)
        signer = { key, euler: eulerClient(library, sdk, settings, key, options) };
      return signer;
    };
    return new LibraryPort(library, signerNow, username, settings.lookup);
  };
}

function eulerClient(
  library: Library,
  sdk: Sdk,
  settings: TikTokSettings,
  key: string | null,
  options: LibraryOptions,
): EulerClient {
  return new sdk.default({
    basePath: settings.signUrl,
    ...(key ? { apiKey: key } : {}),
    // Replaces the client's defaults whole: keep validateStatus, or a 429 would not be read,
    // and the User-Agent the library's own client sends.
    baseOptions: {
      timeout: options.signTimeoutMs ?? 15_000,
      validateStatus: () => true,
      headers: { 'User-Agent': `tiktok-live-connector/${library.VERSION} ${process.platform}` },
    },
  });
}

class LibraryPort implements TikTokPort {
  readonly lookupCostsSign: boolean;
  readonly #library: Library;
  readonly #signerNow: () => Signer;
  readonly #username: string;
  /** The client of this attempt: made again by check(), which starts each one. */
  #signer: Signer;
  /** The room the last sign-server look-up named (connect() then skips its own look-up). */
  #roomId: string | null = null;

  constructor(library: Library, signerNow: () => Signer, username: string, lookup: Lookup) {
    this.#library = library;
    this.#signerNow = signerNow;
    this.#signer = signerNow();
    this.#username = username;
    this.lookupCostsSign = lookup === 'sign-server';
  }

  async check(): Promise<Check> {
    this.#signer = this.#signerNow();
    if (this.lookupCostsSign) return this.#checkAtSignServer();
    // Scrapes tiktok.com first (no sign request), then TikTok's API, then the sign server.
    try {
      return { ok: true, live: await this.#connection().fetchIsLive() };
    } catch (error) {
      return this.#failure(error);
    }
  }

  /**
   * GIFTGLOW_TIKTOK_LOOKUP=sign-server: one request to the route the library's composite look-ups
   * fall back to (what its RoomIdRouteConfig / IsLiveRouteConfig skip flags would leave), read
   * whole; its room id goes to connect(), which then looks nothing up on tiktok.com.
   */
  async #checkAtSignServer(): Promise<Check> {
    try {
      const answer = readRoomIdAnswer(
        await this.#signer.euler.anchors.retrieveRoomId(this.#username),
      );
      if (!answer.ok) return answer;
      this.#roomId = answer.roomId;
      return { ok: true, live: answer.live };
    } catch (error) {
      return failure('sign-unreachable', shortText(error, this.#signer.key));
    }
  }

  async connect(listener: SessionListener): Promise<Connected> {
    const connection = this.#connection();
    let open = true;
    const on = (event: string, handler: (data: never) => void) =>
      connection.on(
        event as never,
        ((data: never) => {
          if (open) handler(data);
        }) as never,
      );
    for (const name of FORWARDED) on(name, (data) => listener.event(name, data));
    on('websocketData', () => listener.activity());
    on('streamEnd', () => listener.streamEnd());
    on('disconnected', (data: { code?: unknown; reason?: unknown }) =>
      listener.dropped(`TikTok's socket closed (${closeText(data)})`),
    );
    // An error listener also keeps an `error` event from ever being thrown.
    on('error', (data: { info?: unknown; exception?: unknown }) => {
      const info = String(data?.info ?? '');
      if (!ANSWERED.test(info))
        listener.error(`${info}: ${shortText(data?.exception, this.#signer.key)}`);
    });
    const close = () => {
      open = false;
      connection.disconnect().catch(() => undefined);
    };
    try {
      await connection.connect(this.lookupCostsSign ? (this.#roomId ?? undefined) : undefined);
      return { ok: true, close };
    } catch (error) {
      close();
      return this.#failure(error);
    }
  }

  #connection(): TikTokLiveConnection {
    return new this.#library.TikTokLiveConnection(this.#username, {
      // Liveness is checked first (check()); room info would be one more request to TikTok.
      fetchRoomInfoOnConnect: false,
      eulerApiInstance: this.#signer.euler,
    });
  }

  #failure(error: unknown) {
    return classifyError(error, this.#library, this.#signer.key);
  }
}

function closeText(data: { code?: unknown; reason?: unknown } | undefined): string {
  const code = typeof data?.code === 'number' ? String(data.code) : '?';
  const reason = typeof data?.reason === 'string' ? data.reason.slice(0, 60) : '';
  return reason ? `${code} ${reason}` : code;
}
