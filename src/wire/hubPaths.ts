/**
 * The local hub's routes on the server that serves the pages (`npm start`), for the hub, the start
 * page and the overlays' `source=hub` alike. Apart from the answers (hubAnswers.ts): an overlay
 * needs the path and none of the schemas.
 */
export const HUB_PATHS = {
  /** WebSocket: overlays receive; a client with the token may also send. */
  socket: '/hub',
  /** POST a protocol v1 frame, with `Authorization: Bearer <token>`. */
  events: '/hub/events',
  /** GET the token: the start page only (a same-origin fetch). */
  token: '/hub/token',
  /** GET overlays and senders connected, and refusals by reason. */
  status: '/hub/status',
  /** WebSocket `?user=<username>`: one TikTok LIVE's events and states (tiktokLive.ts). */
  tiktok: '/hub/tiktok',
  /** POST `{ key }` (or `{ key: null }`) with the token: the start page keeps the sign key. */
  signKey: '/hub/tiktok/key',
  /**
   * GET the media folder's files; POST `?name=<file>` (the file's bytes) or DELETE `?name=` with
   * the token: the start page's uploads (mediaFiles.ts says what a file may be).
   */
  media: '/hub/media',
  /** GET `/media/<name>`: a file of the media folder, for the overlays and the start page. */
  mediaFiles: '/media/',
  /**
   * GET the saved alert rules (core/rules); PUT them with the token; a WebSocket here receives
   * the rules now and after every change, so an open overlay picks an edit up with no refresh.
   */
  rules: '/hub/rules',
  /**
   * The sessions the server keeps (issue 24; sessionAnswers.ts): GET the list, POST `{ name }`
   * a new one; `/hub/sessions/<name>`: GET it, POST a page's save, PATCH `{ name }`, DELETE.
   */
  sessions: '/hub/sessions',
} as const;
