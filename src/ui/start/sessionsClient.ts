import { readAnswer } from '../../wire/hubAnswers';
import { HUB_PATHS } from '../../wire/hubPaths';
import {
  sessionAnswer,
  sessionDoneAnswer,
  sessionsAnswer,
  type SessionAnswer,
  type SessionsAnswer,
} from '../../wire/sessionAnswers';

/**
 * The start page's side of the sessions the server keeps (`/hub/sessions`, src/hub/sessions):
 * every answer read with its schema, every failure a sentence, never a throw. A start page not
 * served by npm start gets `null` lists: the section says where sessions live instead.
 */

export type Done = { ok: true } | { ok: false; why: string };

const NO_SERVER = 'no server keeps sessions here: run npm start and open its start page';

export class SessionsClient {
  readonly #base: string;

  constructor(pageHref: string) {
    this.#base = new URL(`.${HUB_PATHS.sessions}`, pageHref).href;
  }

  /** The sessions kept, or null when no server keeps them. */
  async list(): Promise<SessionsAnswer | null> {
    const text = await this.#call('GET', '');
    return text.ok ? readAnswer(sessionsAnswer, text.text) : null;
  }

  /** One session (its whole ledger), or null. */
  async get(name: string): Promise<SessionAnswer | null> {
    const text = await this.#call('GET', `/${encodeURIComponent(name)}`);
    return text.ok ? readAnswer(sessionAnswer, text.text) : null;
  }

  create(name: string): Promise<Done> {
    return this.#done('POST', '', { name });
  }

  rename(from: string, to: string): Promise<Done> {
    return this.#done('PATCH', `/${encodeURIComponent(from)}`, { name: to });
  }

  remove(name: string): Promise<Done> {
    return this.#done('DELETE', `/${encodeURIComponent(name)}`);
  }

  async #done(method: string, path: string, body?: unknown): Promise<Done> {
    const answer = await this.#call(method, path, body);
    if (!answer.ok) return answer;
    if (readAnswer(sessionDoneAnswer, answer.text)) return { ok: true };
    const refused = /"detail":"([^"]*)"/.exec(answer.text)?.[1];
    return { ok: false, why: refused ?? 'the server answered something unexpected' };
  }

  async #call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ ok: true; text: string } | { ok: false; why: string }> {
    try {
      const res = await fetch(`${this.#base}${path}`, {
        method,
        cache: 'no-store',
        ...(body === undefined
          ? {}
          : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return res.status === 404 && method === 'GET'
        ? { ok: false, why: NO_SERVER }
        : { ok: true, text };
    } catch {
      return { ok: false, why: NO_SERVER };
    }
  }
}
