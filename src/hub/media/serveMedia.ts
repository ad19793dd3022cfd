import { closeSync, createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HUB_PATHS } from '../../wire/hubPaths.ts';
import { isMediaFileName, MEDIA_NAME_RULE, MEDIA_TYPES } from '../../wire/mediaFiles.ts';
import type { Hub } from '../Hub.ts';
import { originRefusal } from '../origin.ts';
import { headerOf, pathOf, requestOf } from '../readRequest.ts';
import { answerOf, reply } from '../reply.ts';
import { byteRange } from './byteRange.ts';
import type { MediaFolder } from './MediaFolder.ts';

/**
 * `GET /media/<name>`: a file of the media folder, for the overlays and the start page. The Host
 * is checked (a DNS-rebinding page gets nothing), the name is decoded once and must pass the media
 * name rule (so `..`, `/`, `%2e%2e`, NUL never reach the file system), the type is the one its
 * first bytes say, and no other site may embed it (`Cross-Origin-Resource-Policy`). One byte range
 * is answered 206, as Chromium's <video> asks.
 */
export function serveMedia(
  hub: Hub,
  folder: MediaFolder,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const foreign = originRefusal(requestOf(req));
  if (foreign !== null)
    return reply(res, 403, answerOf(hub.refuse(403, foreign, 'this computer only')));
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return reply(res, 405, answerOf(hub.refuse(405, 'method', 'GET a media file')));
  }
  const name = nameOf(pathOf(req).slice(HUB_PATHS.mediaFiles.length));
  if (name === null)
    return reply(res, 404, answerOf(hub.refuse(404, 'media-name', MEDIA_NAME_RULE)));
  const file = folder.open(name);
  if (file === null) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    return void res.end('no such media file');
  }
  const range = byteRange(headerOf(req, 'range'), file.size);
  res.setHeader('Content-Type', MEDIA_TYPES[file.type].mime);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Accept-Ranges', 'bytes');
  if (range.kind === 'unsatisfiable') {
    closeSync(file.fd);
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${file.size}`);
    return void res.end();
  }
  const { start, end } = range.kind === 'part' ? range : { start: 0, end: file.size - 1 };
  res.statusCode = range.kind === 'part' ? 206 : 200;
  if (range.kind === 'part') res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
  res.setHeader('Content-Length', end - start + 1);
  if (req.method === 'HEAD') {
    closeSync(file.fd);
    return void res.end();
  }
  const stream = createReadStream('', { fd: file.fd, start, end });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** The name in the path, decoded once, or null when it is not a media file's name. */
function nameOf(encoded: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return isMediaFileName(name) ? name : null;
}
