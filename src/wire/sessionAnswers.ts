import { z } from 'zod/mini';
import { ledgerSchema } from '../core/session/ledger.ts';

/**
 * The sessions the server keeps (`/hub/sessions`, hubPaths.ts), as both ends see them: what a page
 * saves, and what the routes answer. Refusals are the hub's usual `{ refused, detail }`.
 */

/** A session's name: the `session=` parameter's own rule, so a name is never a path. */
export const SESSION_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/** The pages that save their session (the credits and the start page only read). */
export const SAVING_PAGES = ['alerts', 'board', 'goal'] as const;

/** Largest save body: a page's snapshot (bounded by the session's limits) and its new entries. */
export const MAX_SAVE_BYTES = 4 * 1024 * 1024;

/** Ledger entries one save may carry (a page sends more in the next save). */
export const MAX_SAVE_ENTRIES = 5_000;

const count = z.int().check(z.nonnegative());
const time = z.number().check(z.nonnegative());

/** `POST /hub/sessions/<name>`: what a page counted since its last save, and its own snapshot. */
export const sessionSave = z.object({
  page: z.enum(SAVING_PAGES),
  savedAt: time,
  entries: ledgerSchema.check(z.maxLength(MAX_SAVE_ENTRIES)),
  likes: count,
  /** The page's own snapshot (core/session/persist.ts), checked with its schema. */
  snapshot: z.optional(z.unknown()),
});
export type SessionSave = z.output<typeof sessionSave>;

/** One kept session, as listed. */
const sessionSummary = z.object({
  name: z.string(),
  created: time,
  updated: time,
  gifters: count,
  points: z.number(),
});

/** `GET /hub/sessions`: the sessions kept, newest first, and the files that could not be read. */
export const sessionsAnswer = z.object({
  folder: z.string(),
  sessions: z.array(sessionSummary),
  damaged: z.array(z.object({ file: z.string(), reason: z.string() })),
});

/** `GET /hub/sessions/<name>?page=<page>`: the merged ledger and that page's own snapshot. */
export const sessionAnswer = z.object({
  name: z.string(),
  created: time,
  updated: time,
  ledger: ledgerSchema,
  likes: count,
  /** The asking page's snapshot as it last saved it (null: none kept). */
  snapshot: z.nullable(z.unknown()),
});

/** 200 from a save, a rename, a delete or a fresh start. */
export const sessionDoneAnswer = z.object({
  done: z.enum(['saved', 'renamed', 'deleted', 'created']),
  name: z.string(),
});

export type SessionsAnswer = z.output<typeof sessionsAnswer>;
export type SessionAnswer = z.output<typeof sessionAnswer>;
export type SessionDoneAnswer = z.output<typeof sessionDoneAnswer>;
