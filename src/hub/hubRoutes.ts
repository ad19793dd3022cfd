import type { IncomingMessage, ServerResponse } from 'node:http';
import { HUB_PATHS } from '../wire/hubPaths.ts';
import { MAX_FRAME_CHARS } from '../wire/textFrame.ts';
import type { Hub } from './Hub.ts';
import { mediaRoute } from './media/mediaRoute.ts';
import type { MediaFolder } from './media/MediaFolder.ts';
import { serveMedia } from './media/serveMedia.ts';
import { originRefusal, tokenRequestAllowed } from './origin.ts';
import { headerOf, pathOf, readBody, requestOf } from './readRequest.ts';
import { answerOf, reply } from './reply.ts';
import { rulesRoute } from './rules/rulesRoute.ts';
import type { RulesStore } from './rules/RulesStore.ts';
import { signKeyRoute } from './signKeyRoute.ts';
import { isSessionsPath, sessionRoutes } from './sessions/sessionRoutes.ts';
import type { SessionStore } from './sessions/SessionStore.ts';
import type { SignKey } from './tiktok/SignKey.ts';
import type { TikTokLinks } from './tiktok/TikTokLinks.ts';

/**
 * The hub's HTTP routes (named in src/wire/hubPaths.ts, answering as src/wire/hubAnswers.ts says),
 * each a few lines around Hub.ts's rules.
 * No route sends a CORS header: no other site may read an answer.
 */

type Next = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** What the routes answer for: the hub's rules, its TikTok connections, the token, the sign key. */
export interface HubParts {
  hub: Hub;
  tiktok: TikTokLinks;
  token: string;
  signKey: SignKey;
  /** The media folder and the saved alert rules (`/hub/media`, `/media/`, `/hub/rules`). */
  media: MediaFolder;
  rules: RulesStore;
  clock: () => number;
  /** The sessions kept (`/hub/sessions`). */
  sessions: SessionStore;
}

export function hubRoutes(parts: HubParts): Middleware {
  const { hub, token, signKey } = parts;
  const routes = new Map<string, Route>([
    [HUB_PATHS.events, (req, res) => void events(hub, req, res)],
    [HUB_PATHS.token, (req, res) => giveToken(hub, token, req, res)],
    [HUB_PATHS.status, (req, res) => status(parts, req, res)],
    [HUB_PATHS.signKey, (req, res) => void signKeyRoute(hub, signKey, req, res)],
    [HUB_PATHS.socket, (_req, res) => webSocketOnly(res)],
    [HUB_PATHS.tiktok, (_req, res) => webSocketOnly(res)],
    [HUB_PATHS.media, mediaRoute({ hub, folder: parts.media, clock: parts.clock })],
    [HUB_PATHS.rules, (req, res) => void rulesRoute(hub, parts.rules, req, res)],
  ]);
  return (req, res, next) => {
    const path = pathOf(req);
    const route = routes.get(path);
    if (route) route(req, res);
    else if (path.startsWith(HUB_PATHS.mediaFiles)) serveMedia(hub, parts.media, req, res);
    // The sessions the server keeps: their own routes (sessions/sessionRoutes.ts).
    else if (isSessionsPath(path)) void sessionRoutes(parts.sessions, hub.refusals, req, res);
    else next();
  };
}

/** `POST /hub/events`: a protocol v1 frame, judged and forwarded by the hub. */
async function events(hub: Hub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return reply(res, 405, { refused: 'method', detail: 'POST a protocol v1 frame' });
  }
  const body = await readBody(req, MAX_FRAME_CHARS * 4);
  const verdict = hub.post(requestOf(req), body);
  reply(res, verdict.status, answerOf(verdict));
}

/** `GET /hub/token`: to the start page only (`Sec-Fetch-Site: same-origin`); else counted. */
function giveToken(hub: Hub, token: string, req: IncomingMessage, res: ServerResponse): void {
  const foreign = originRefusal(requestOf(req));
  if (foreign !== null || !tokenRequestAllowed(headerOf(req, 'sec-fetch-site'))) {
    const refused = foreign ?? 'token-request';
    hub.refusals.count(refused);
    return reply(res, 403, { refused, detail: 'the start page only' });
  }
  reply(res, 200, { token });
}

/**
 * `GET /hub/status`: overlays, senders and refusals, each TikTok connection's state (never a
 * detail) and where the sign key comes from (never the key), for this computer only.
 */
function status(parts: HubParts, req: IncomingMessage, res: ServerResponse): void {
  const foreign = originRefusal(requestOf(req));
  if (foreign !== null) return reply(res, 403, { refused: foreign, detail: 'this computer only' });
  const links = parts.tiktok.states();
  const answer = { ...parts.hub.status(), signKey: parts.signKey.source };
  reply(res, 200, links.length > 0 ? { ...answer, tiktok: links } : answer);
}

/** `/hub` and `/hub/tiktok` asked for without an upgrade. */
function webSocketOnly(res: ServerResponse): void {
  reply(res, 426, { refused: 'upgrade', detail: 'a WebSocket URL' });
}
