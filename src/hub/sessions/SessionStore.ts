import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { supportersOf, totalsOf } from '../../core/session/supporters.ts';
import { SESSION_NAME, type SessionSave, type SessionsAnswer } from '../../wire/sessionAnswers.ts';
import { writeFileAtomic } from '../atomicFile.ts';
import {
  applySave,
  emptySession,
  readSessionText,
  sessionText,
  type SessionFile,
} from './sessionFile.ts';

/** What a store operation did, or why it did not (a sentence for people). */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; status: number; reason: string };

const fail = (status: number, reason: string) => ({ ok: false as const, status, reason });

/**
 * The sessions folder (`giftglow-data/sessions/`): one `<name>.json` per session, written whole
 * to a temp file and renamed over the old one (atomicFile.ts), so a SIGKILL or a power cut leaves
 * the last save or the one before, never half a file. Sessions are read once and kept in memory;
 * a file that cannot be read is listed as damaged and left alone, never overwritten.
 */
export class SessionStore {
  readonly #folder: string;
  readonly #clock: () => number;
  readonly #cache = new Map<string, SessionFile>();

  constructor(folder: string, clock: () => number) {
    this.#folder = folder;
    this.#clock = clock;
  }

  get folder(): string {
    return this.#folder;
  }

  /** Every session kept (newest first) and every file that could not be read, with why. */
  list(): SessionsAnswer {
    const sessions: SessionsAnswer['sessions'] = [];
    const damaged: SessionsAnswer['damaged'] = [];
    for (const file of this.#files()) {
      const name = file.slice(0, -'.json'.length);
      const read = this.#read(name);
      if (!read.ok) {
        damaged.push({ file, reason: read.reason });
        continue;
      }
      const session = read.value;
      if (!session) continue;
      const totals = totalsOf(supportersOf(session.ledger).gifters);
      const { created, updated } = session;
      sessions.push({ name, created, updated, gifters: totals.gifters, points: totals.points });
    }
    sessions.sort((a, b) => b.updated - a.updated);
    return { folder: this.#folder, sessions, damaged };
  }

  /** A session (null: none of that name yet). */
  get(name: string): StoreResult<SessionFile | null> {
    return this.#read(name);
  }

  /** Merges a page's save in and writes the file. */
  save(name: string, save: SessionSave): StoreResult<SessionFile> {
    const read = this.#read(name);
    if (!read.ok) return read;
    const now = this.#clock();
    const session = read.value ?? emptySession(name, now);
    // Applied to a copy: a refused or unwritten save leaves the kept session as it was.
    const next: SessionFile = {
      ...session,
      ledger: new Map(session.ledger),
      pages: { ...session.pages },
    };
    const problem = applySave(next, save, now);
    if (problem) return fail(400, problem);
    return this.#write(next);
  }

  /** An empty session of a new name (refused when the name is taken). */
  create(name: string): StoreResult<SessionFile> {
    const read = this.#read(name);
    if (!read.ok) return read;
    if (read.value) return fail(409, `a session named ${name} is kept already`);
    return this.#write(emptySession(name, this.#clock()));
  }

  rename(from: string, to: string): StoreResult<SessionFile> {
    const read = this.#read(from);
    if (!read.ok) return read;
    if (!read.value) return fail(404, `no session named ${from}`);
    const target = this.#read(to);
    if (!target.ok) return target;
    if (target.value) return fail(409, `a session named ${to} is kept already`);
    try {
      renameSync(this.#path(from), this.#path(to));
    } catch (error) {
      return fail(500, `could not rename the file (${codeOf(error)})`);
    }
    this.#cache.delete(from);
    const session = { ...read.value, name: to };
    this.#cache.set(to, session);
    return { ok: true, value: session };
  }

  remove(name: string): StoreResult<string> {
    if (!SESSION_NAME.test(name))
      return fail(400, 'a session name is 1 to 40 of A-Z, a-z, 0-9, _, -');
    try {
      rmSync(this.#path(name), { force: true });
    } catch (error) {
      return fail(500, `could not delete the file (${codeOf(error)})`);
    }
    this.#cache.delete(name);
    return { ok: true, value: name };
  }

  #path(name: string): string {
    return join(this.#folder, `${name}.json`);
  }

  #files(): string[] {
    try {
      return readdirSync(this.#folder)
        .filter((file) => file.endsWith('.json') && SESSION_NAME.test(file.slice(0, -5)))
        .sort();
    } catch {
      return [];
    }
  }

  #read(name: string): StoreResult<SessionFile | null> {
    if (!SESSION_NAME.test(name))
      return fail(400, 'a session name is 1 to 40 of A-Z, a-z, 0-9, _, -');
    const cached = this.#cache.get(name);
    if (cached) return { ok: true, value: cached };
    const path = this.#path(name);
    if (!existsSync(path)) return { ok: true, value: null };
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return fail(500, `${name}.json could not be read (${codeOf(error)})`);
    }
    const { session, problem } = readSessionText(text);
    if (!session) return fail(500, `${name}.json is damaged: ${problem}; it is left as it is`);
    // The file's own name wins over the name inside it (a file renamed by hand).
    const named = { ...session, name };
    this.#cache.set(name, named);
    return { ok: true, value: named };
  }

  #write(session: SessionFile): StoreResult<SessionFile> {
    try {
      writeFileAtomic(this.#path(session.name), sessionText(session));
    } catch (error) {
      return fail(500, `could not write ${session.name}.json (${codeOf(error)})`);
    }
    this.#cache.set(session.name, session);
    return { ok: true, value: session };
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
