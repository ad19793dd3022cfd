import type { GiftSession } from '../core/session/GiftSession';
import type { LedgerEntry } from '../core/session/ledger';
import {
  loadSnapshot,
  snapshotSchema,
  storageKey,
  type KeyValueStore,
} from '../core/session/persist';
import { HUB_PATHS } from '../wire/hubPaths';
import {
  MAX_SAVE_ENTRIES,
  sessionAnswer,
  type SessionAnswer,
  type SessionSave,
} from '../wire/sessionAnswers';
import type { Log } from './log';

/**
 * The session kept by the server that serves the page (`npm start`, src/hub/sessions): asked for
 * once on start; when it answers, the page saves to it (throttled, and on pagehide with a
 * keepalive fetch). On a static host (no answer, or not from this computer) nothing more is
 * asked: the page keeps its session in its own storage exactly as before.
 */

/** Least time between two saves to the server. */
const SAVE_INTERVAL_MS = 5_000;
/** What a keepalive fetch may carry (Chromium refuses more than 64 KiB in flight). */
const KEEPALIVE_BYTES = 60_000;
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const ASK_TIMEOUT_MS = 3_000;

const sessionUrl = (name: string) => `${HUB_PATHS.sessions.slice(1)}/${encodeURIComponent(name)}`;

/** The server only keeps sessions for pages served from this computer (src/hub/origin.ts). */
function servedHere(): boolean {
  return (
    (location.protocol === 'http:' || location.protocol === 'https:') &&
    LOOPBACK.includes(location.hostname)
  );
}

/** The server's copy of `name` (with `page`'s own snapshot), or null: no server keeps sessions. */
export async function fetchServerSession(
  name: string,
  page?: string,
): Promise<SessionAnswer | null> {
  if (!servedHere()) return null;
  try {
    const query = page ? `?page=${encodeURIComponent(page)}` : '';
    // Relative to the page: overlays/… and the start page both reach /hub/sessions (base './').
    const base = location.pathname.includes('/overlays/') ? '../' : './';
    // A server that does not answer soon is no reason to keep the overlay from starting.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ASK_TIMEOUT_MS);
    try {
      const url = `${base}${sessionUrl(name)}${query}`;
      const res = await fetch(url, { cache: 'no-store', signal: abort.signal });
      if (!res.ok) return null;
      // Read here, not with hubAnswers.ts' readAnswer: that module would bring every hub answer's
      // schema into each overlay's bundle.
      const parsed = sessionAnswer.safeParse(await res.json());
      return parsed.success ? parsed.data : null;
    } finally {
      clearTimeout(timer);
    }
  } catch {
    return null;
  }
}

/**
 * Before the session is made: puts the server's snapshot of this page in its storage when the
 * storage holds none or an older one, so the session restores it as it would its own. Returns the
 * rows of the older one it replaced, as ledger entries, for the session to take in too (a gift this
 * page counted but never got to send is kept: the session takes the larger total of each gifter).
 */
export function preferServerSnapshot(
  server: SessionAnswer,
  store: KeyValueStore | undefined,
  name: string,
  page: string,
): [string, LedgerEntry][] {
  const parsed = snapshotSchema.safeParse(server.snapshot);
  if (!store || !parsed.success) return [];
  const key = storageKey(name, page);
  const local = loadSnapshot(store, key).snapshot;
  if (local && (local.savedAt ?? 0) >= (parsed.data.savedAt ?? 0)) return [];
  try {
    store.set(key, JSON.stringify(parsed.data));
  } catch {
    // Storage full or off: the session still takes the server's ledger in (adopt).
  }
  return (local?.rows ?? []).map(({ key: user, name: shown, login, platform, milli }) => [
    `e:${platform}:~${page}:${user}`,
    {
      user: { key: user, name: shown, login, platform },
      milli,
      items: 0,
      coins: 0,
      bits: 0,
      first: 0,
      last: 0,
    },
  ]);
}

/** Saves the session to the server: every 5 s when something changed, and on stop (pagehide). */
export function startServerSaves(parts: {
  session: GiftSession;
  store: KeyValueStore | undefined;
  name: string;
  page: SessionSave['page'];
  clock: () => number;
  log: Log;
}): () => void {
  const { session, store, name, page, clock, log } = parts;
  const url = `${location.pathname.includes('/overlays/') ? '../' : './'}${sessionUrl(name)}`;
  let sentSnapshot = '';
  let busy = false;

  const body = (entries: [string, LedgerEntry][], withSnapshot: boolean): string => {
    const text = withSnapshot ? readStore(store, storageKey(name, page)) : null;
    const save: SessionSave = {
      page,
      savedAt: clock(),
      entries,
      likes: session.goalValue('likes'),
      ...(text !== null && text !== sentSnapshot ? { snapshot: JSON.parse(text) as unknown } : {}),
    };
    return JSON.stringify(save);
  };

  const save = async () => {
    if (busy) return;
    session.save(clock());
    const entries = session.drainLedger();
    const now = readStore(store, storageKey(name, page));
    const rest = entries.splice(MAX_SAVE_ENTRIES);
    session.requeueLedger(rest);
    if (entries.length === 0 && (now === null || now === sentSnapshot)) return;
    busy = true;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body(entries, true),
      });
      // Read to its end: an answer left unread keeps its resource alive in the page (the media
      // soak counted one more Blink resource per save, every 5 s, for as long as OBS shows it).
      await res.text();
      if (!res.ok) throw new Error(`${res.status}`);
      if (now !== null) sentSnapshot = now;
    } catch (error) {
      session.requeueLedger(entries);
      log.problem('session:server', `session: the server did not keep the save (${String(error)})`);
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(() => void save(), SAVE_INTERVAL_MS);
  return () => {
    clearInterval(timer);
    session.save(clock());
    // The last save outlives the page: keepalive when it fits, without the snapshot if need be.
    const entries = session.drainLedger().slice(0, MAX_SAVE_ENTRIES);
    let text = body(entries, true);
    if (text.length > KEEPALIVE_BYTES) text = body(entries, false);
    const init: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: text,
    };
    void fetch(url, text.length <= KEEPALIVE_BYTES ? { ...init, keepalive: true } : init).catch(
      () => undefined,
    );
  };
}

function readStore(store: KeyValueStore | undefined, key: string): string | null {
  try {
    return store?.get(key) ?? null;
  } catch {
    return null;
  }
}
