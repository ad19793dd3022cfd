import { z } from 'zod/mini';
import { ledgerSchema, mergeInto, type Ledger } from '../../core/session/ledger.ts';
import { snapshotSchema } from '../../core/session/persist.ts';
import { SAVING_PAGES, type SessionSave } from '../../wire/sessionAnswers.ts';

/**
 * One session as the server keeps it (`sessions/<name>.json`): every page's ledger merged
 * (core/session/ledger.ts), the most likes any page counted, and each page's own latest snapshot
 * (what that page would keep in its storage), so a page whose storage was lost gets it back.
 */

/** Keys a session's ledger holds at most (a save bringing more new ones is refused). */
export const MAX_LEDGER_KEYS = 100_000;

const time = z.number().check(z.nonnegative());
const pageCopy = z.object({ savedAt: time, snapshot: snapshotSchema });

export const sessionFileSchema = z.object({
  v: z.literal(1),
  name: z.string(),
  created: time,
  updated: time,
  ledger: ledgerSchema,
  likes: z.int().check(z.nonnegative()),
  pages: z.partialRecord(z.enum(SAVING_PAGES), pageCopy),
});

export interface SessionFile {
  name: string;
  created: number;
  updated: number;
  ledger: Ledger;
  likes: number;
  pages: z.output<typeof sessionFileSchema>['pages'];
}

export function emptySession(name: string, now: number): SessionFile {
  return { name, created: now, updated: now, ledger: new Map(), likes: 0, pages: {} };
}

/** The file's text for a session. */
export function sessionText(session: SessionFile): string {
  const { ledger, ...rest } = session;
  return JSON.stringify({ v: 1, ...rest, ledger: [...ledger] });
}

/** A session file's text read back, or the reason it cannot be. */
export function readSessionText(
  text: string,
): { session: SessionFile; problem: null } | { session: null; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { session: null, problem: 'not JSON (cut short or edited)' };
  }
  const parsed = sessionFileSchema.safeParse(json);
  if (!parsed.success) return { session: null, problem: 'not a Giftglow session file (v1)' };
  const { v: _, ledger, ...rest } = parsed.data;
  return { session: { ...rest, ledger: new Map(ledger) }, problem: null };
}

/**
 * Merges one page's save into the session: its entries into the ledger (never lowering anything),
 * likes as the most counted, its snapshot when newer than the one kept. Null when it is taken;
 * else why it is refused (nothing of it is kept then).
 */
export function applySave(session: SessionFile, save: SessionSave, now: number): string | null {
  let snapshot = null;
  if (save.snapshot !== undefined) {
    const parsed = snapshotSchema.safeParse(save.snapshot);
    if (!parsed.success) return 'the snapshot is not a Giftglow session snapshot (v1)';
    snapshot = parsed.data;
  }
  const fresh = save.entries.filter(([key]) => !session.ledger.has(key)).length;
  if (session.ledger.size + fresh > MAX_LEDGER_KEYS)
    return `the session holds ${MAX_LEDGER_KEYS} entries: start a fresh one`;
  mergeInto(session.ledger, save.entries);
  session.likes = Math.max(session.likes, save.likes);
  const kept = session.pages[save.page];
  if (snapshot && (!kept || kept.savedAt <= save.savedAt))
    session.pages[save.page] = { savedAt: save.savedAt, snapshot };
  session.updated = Math.max(session.updated, now);
  return null;
}
