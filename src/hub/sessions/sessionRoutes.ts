import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/mini';
import { HUB_PATHS } from '../../wire/hubPaths.ts';
import {
  MAX_SAVE_BYTES,
  SAVING_PAGES,
  SESSION_NAME,
  sessionSave,
} from '../../wire/sessionAnswers.ts';
import type { DropReason } from '../../wire/dropReasons.ts';
import type { Refusals } from '../Refusals.ts';
import { originRefusal, tokenRequestAllowed } from '../origin.ts';
import { reply } from '../reply.ts';
import { headerOf, pathOf, queryOf, readBody, requestOf } from '../readRequest.ts';
import { emptySession } from './sessionFile.ts';
import type { SessionStore, StoreResult } from './SessionStore.ts';

/**
 * `/hub/sessions`: the sessions the server keeps (SessionStore.ts), for this server's own pages
 * only: Host and Origin as every hub route checks them, and `Sec-Fetch-Site: same-origin` (what
 * a page's own fetch, keepalive or not, carries; a tool or another site's page does not).
 * - `GET /hub/sessions`: the list; `POST` `{ name }`: a new, empty session;
 * - `GET /hub/sessions/<name>?page=<page>`: the merged ledger and that page's snapshot;
 * - `POST /hub/sessions/<name>`: a page's save (sessionAnswers.ts); `PATCH` `{ name }`: rename;
 *   `DELETE`: forget it (the file is removed).
 * Every refusal is counted by reason on the hub's refusals and says why.
 */

const nameBody = z.object({ name: z.string().check(z.regex(SESSION_NAME)) });
const MAX_NAME_BODY = 200;

/** True for the paths this handles: `/hub/sessions` and anything under it. */
export function isSessionsPath(path: string): boolean {
  return path === HUB_PATHS.sessions || path.startsWith(`${HUB_PATHS.sessions}/`);
}

export async function sessionRoutes(
  store: SessionStore,
  refusals: Refusals,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const refuse = (status: number, refused: DropReason, detail: string) => {
    refusals.count(refused);
    reply(res, status, { refused, detail });
  };
  const foreign = originRefusal(requestOf(req));
  if (foreign) return refuse(403, foreign, 'pages of this server only');
  if (!tokenRequestAllowed(headerOf(req, 'sec-fetch-site')))
    return refuse(403, 'session-request', 'pages of this server only');
  const stored = <T>(result: StoreResult<T>, ok: (value: T) => void) => {
    if (result.ok) ok(result.value);
    else
      refuse(
        result.status,
        result.status === 400 ? 'bad-session' : 'session-not-saved',
        result.reason,
      );
  };
  const readJson = async (max: number): Promise<unknown> => {
    const body = await readBody(req, max);
    if (body === null) return refuse(413, 'oversized', `a body over ${max} bytes`);
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return refuse(400, 'not-json', 'a JSON body');
    }
  };

  const path = pathOf(req);
  const method = req.method ?? 'GET';
  if (path === HUB_PATHS.sessions) {
    if (method === 'GET') return reply(res, 200, store.list());
    if (method !== 'POST') return refuse(405, 'method', 'GET the list or POST { name }');
    const json = await readJson(MAX_NAME_BODY);
    if (json === undefined) return;
    const body = nameBody.safeParse(json);
    if (!body.success)
      return refuse(400, 'session-name', 'a name of 1 to 40 of A-Z, a-z, 0-9, _, -');
    return stored(store.create(body.data.name), (s) =>
      reply(res, 200, { done: 'created', name: s.name }),
    );
  }

  // A name is one path segment of the session= rule: `..`, `%2F`, dots and slashes are refused.
  const name = path.slice(HUB_PATHS.sessions.length + 1);
  if (!SESSION_NAME.test(name))
    return refuse(400, 'session-name', 'a session name is 1 to 40 of A-Z, a-z, 0-9, _, -');
  switch (method) {
    case 'GET': {
      const page = queryOf(req, 'page');
      return stored(store.get(name), (found) => {
        const session = found ?? emptySession(name, 0);
        const mine = (SAVING_PAGES as readonly string[]).includes(page)
          ? session.pages[page as (typeof SAVING_PAGES)[number]]
          : undefined;
        const { created, updated, likes } = session;
        const ledger = [...session.ledger];
        reply(res, 200, {
          name,
          created,
          updated,
          likes,
          ledger,
          snapshot: mine?.snapshot ?? null,
        });
      });
    }
    case 'POST': {
      const json = await readJson(MAX_SAVE_BYTES);
      if (json === undefined) return;
      const save = sessionSave.safeParse(json);
      if (!save.success)
        return refuse(400, 'bad-session', 'not a session save (sessionAnswers.ts)');
      return stored(store.save(name, save.data), () => reply(res, 200, { done: 'saved', name }));
    }
    case 'PATCH': {
      const json = await readJson(MAX_NAME_BODY);
      if (json === undefined) return;
      const body = nameBody.safeParse(json);
      if (!body.success)
        return refuse(400, 'session-name', 'a new name of 1 to 40 of A-Z, a-z, 0-9, _, -');
      return stored(store.rename(name, body.data.name), (s) =>
        reply(res, 200, { done: 'renamed', name: s.name }),
      );
    }
    case 'DELETE':
      return stored(store.remove(name), () => reply(res, 200, { done: 'deleted', name }));
    default:
      res.setHeader('Allow', 'GET, POST, PATCH, DELETE');
      return refuse(405, 'method', 'GET, POST, PATCH or DELETE');
  }
}
