import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  isMediaFileName,
  MAX_MEDIA_BYTES,
  MAX_MEDIA_FILES,
  MEDIA_NAME_RULE,
  uploadRefusal,
} from '../../wire/mediaFiles.ts';
import { errorCode } from '../errorCode.ts';
import type { Hub, Refusal } from '../Hub.ts';
import { originRefusal } from '../origin.ts';
import { RateLimit, type RateLimitOptions } from '../RateLimit.ts';
import { headerOf, queryOf, readBytes, requestOf } from '../readRequest.ts';
import { answerOf, reply } from '../reply.ts';
import type { MediaFolder } from './MediaFolder.ts';

/** Uploads and deletes from one page or tool: a dropped batch at once, then a few a second. */
export const MEDIA_RATE: RateLimitOptions = { burst: 30, perSecond: 3 };
/** Uploads read at once: each is held in memory (32 MB at most) until it is judged and written. */
export const MAX_UPLOADS_AT_ONCE = 4;

export interface MediaRouteParts {
  hub: Hub;
  folder: MediaFolder;
  clock: () => number;
}

/**
 * `/hub/media`: GET lists the folder (this computer only, no token: nothing in it is secret to
 * the streamer's own pages); POST `?name=` keeps the body as that file, DELETE `?name=` deletes
 * it, both admitted as `/hub/events` is (this computer's own pages, with the token) and
 * rate-limited (and 4 uploads read at once at most). An upload is judged by its first bytes (wire/mediaFiles.ts), capped while it
 * streams in, and written whole (temp file, then rename). Every refusal is counted.
 */
export function mediaRoute(parts: MediaRouteParts) {
  const rate = new RateLimit(MEDIA_RATE);
  let uploading = 0;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'GET') return list(parts, req, res);
    if (req.method !== 'POST' && req.method !== 'DELETE') {
      res.setHeader('Allow', 'GET, POST, DELETE');
      const refused = parts.hub.refuse(405, 'method', 'GET the list, POST or DELETE ?name=');
      return reply(res, 405, answerOf(refused));
    }
    const request = requestOf(req);
    const refused =
      parts.hub.authorize(request) ??
      (rate.take(`media:${request.origin ?? 'tool'}`, parts.clock())
        ? null
        : parts.hub.refuse(429, 'rate', 'too many uploads or deletes; slow down'));
    if (refused) return refuseUnread(res, refused);
    if (req.method === 'DELETE') return remove(parts, req, res);
    if (uploading >= MAX_UPLOADS_AT_ONCE) {
      const detail = `${MAX_UPLOADS_AT_ONCE} uploads at once already; send the next after one ends`;
      return refuseUnread(res, parts.hub.refuse(429, 'rate', detail));
    }
    uploading += 1;
    void upload(parts, req, res).finally(() => (uploading -= 1));
  };
}

function list({ hub, folder }: MediaRouteParts, req: IncomingMessage, res: ServerResponse): void {
  const foreign = originRefusal(requestOf(req));
  if (foreign !== null)
    return reply(res, 403, answerOf(hub.refuse(403, foreign, 'this computer only')));
  const { files, skipped } = folder.list();
  reply(res, 200, { folder: folder.path, files, skipped });
}

async function upload(
  { hub, folder }: MediaRouteParts,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const name = queryOf(req, 'name');
  const declared = Number(headerOf(req, 'content-length') ?? 0);
  const early =
    nameRefusal(hub, name) ??
    (declared > MAX_MEDIA_BYTES ? tooBig(hub) : null) ??
    (!folder.has(name) && folder.list().files.length >= MAX_MEDIA_FILES
      ? hub.refuse(507, 'media-full', `${MAX_MEDIA_FILES} files already: delete one first`)
      : null);
  if (early) return refuseUnread(res, early);
  const bytes = await readBytes(req, MAX_MEDIA_BYTES);
  if (bytes === null && !req.complete && req.socket.destroyed) return; // Gone: nobody to answer.
  if (bytes === null) return refuseUnread(res, tooBig(hub));
  const why = uploadRefusal(name, bytes.subarray(0, 16), bytes.length);
  if (why !== null) return reply(res, 415, answerOf(hub.refuse(415, 'media-type', why)));
  try {
    folder.save(name, bytes);
  } catch (error) {
    const detail = `could not write ${name} in ${folder.path}: ${errorCode(error)}`;
    return reply(res, 500, answerOf(hub.refuse(500, 'not-saved', detail)));
  }
  reply(res, 200, { done: 'saved', name });
}

function remove({ hub, folder }: MediaRouteParts, req: IncomingMessage, res: ServerResponse) {
  const name = queryOf(req, 'name');
  const refused = nameRefusal(hub, name);
  if (refused) return reply(res, refused.status, answerOf(refused));
  try {
    folder.remove(name);
  } catch (error) {
    const detail = `could not delete ${name} in ${folder.path}: ${errorCode(error)}`;
    return reply(res, 500, answerOf(hub.refuse(500, 'not-saved', detail)));
  }
  reply(res, 200, { done: 'deleted', name });
}

function nameRefusal(hub: Hub, name: string): Refusal | null {
  return isMediaFileName(name) ? null : hub.refuse(400, 'media-name', MEDIA_NAME_RULE);
}

function tooBig(hub: Hub): Refusal {
  return hub.refuse(413, 'oversized', `larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`);
}

/** A refusal sent before the body was read: the connection closes, so the rest is not read. */
function refuseUnread(res: ServerResponse, refused: Refusal): void {
  res.setHeader('Connection', 'close');
  reply(res, refused.status, answerOf(refused));
}
