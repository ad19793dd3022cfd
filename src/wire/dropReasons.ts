import { SESSION_DROP_REASONS } from '../core/session/sessionDrops.ts';

/**
 * Every reason a frame, an event or a hub request is dropped or refused: a short stable code,
 * counted by reason (`window.__giftglow.feed`, the session's drops, the hub's `GET /hub/status`),
 * with what it means. One list, so a typo in a `drop()` fails tsc, and docs/feed-protocol.md
 * repeats it word for word (a unit test holds them together).
 */
export const DROP_REASONS = {
  // The frame gate of every socket (textFrame.ts) and of the hub.
  binary: 'a binary frame: only text frames are read',
  oversized:
    'a frame over 64 KiB of text, or a request body to the hub over 256 KB (600 bytes for a sign key, 32 MB for a media file)',
  'not-json': 'a text frame (or a request body) that is not JSON',
  'handler-error': 'reading a frame threw (a bug): counted, and the connection stays open',
  // Protocol v1 and the platform mappings (TikTok, TikFinity, Twitch).
  empty: 'an empty array of events',
  'bad-version': 'an event whose `v` is not 1',
  'bad-shape':
    'an event that does not have the shape of its type (a field missing or of a wrong type)',
  'bad-number': 'an amount that is negative, fractional, not a number or absurdly large',
  'no-sender': 'a TikTok event with neither a user id nor a handle',
  'no-gift': 'a TikTok gift with neither a gift id nor a price',
  'missing-id': 'a TikTok event without its message id (`msgId`)',
  // The session (src/core/session/GiftSession.ts), after a mapping kept the event.
  ...SESSION_DROP_REASONS,
  // The hub's refusals (src/hub): nothing of a refused frame is forwarded.
  'too-many': 'a frame of more than 101 events',
  ignored: 'an event an overlay would not show: nothing to forward',
  'no-token': 'a sender without `Authorization: Bearer <token>`, or an overlay that sent a frame',
  'bad-token': 'the wrong token',
  'foreign-origin': 'a request from a web page of another site (its `Origin`)',
  'foreign-host': 'a request to another host name than localhost or 127.0.0.1 (DNS rebinding)',
  'token-request': 'the token asked for by anything but the start page (`Sec-Fetch-Site`)',
  rate: 'more than 30 frames at once or 10 a second from one sender (media uploads and deletes: 30 at once, then 3 a second; 4 uploads read at a time)',
  full: 'a WebSocket beyond the 100 clients the hub serves at once (50 on `/hub/rules`)',
  'send-failed': 'a frame the hub could not pass on to one of its clients',
  method:
    'a request with a method its route does not take (`/hub/events` and `/hub/tiktok/key` take only POST)',
  upgrade: 'a plain request to `/hub` or `/hub/tiktok`, which are WebSocket URLs',
  // The hub's TikTok connections (src/hub/tiktok): `/hub/tiktok?user=<username>`.
  'bad-username': 'a request to `/hub/tiktok` whose `user` is not a TikTok username',
  'tiktok-full': 'a TikTok username beyond the 5 the hub connects at once, or a 21st page on one',
  'tiktok-error':
    'an unexpected error from the TikTok library: counted, and the connection goes on',
  'bad-key':
    'a sign key to save that is not one word of 8 to 256 printable ASCII characters, or a body that is not `{"key": ...}`',
  'key-not-saved': 'a sign key the hub could not write to its file (or could not forget)',
  // The media folder and the saved alert rules (src/hub/media, src/hub/rules).
  'media-name':
    'a media file name with a folder, `..`, a character or an ending the media folder does not take',
  'media-type':
    'an upload that is empty, not a PNG, GIF, WebP, WebM, MP3, Ogg or WAV file by its first bytes, or not the type its name says',
  'media-full': 'a new file for a media folder that already holds 500',
  'not-rules':
    'a body to `PUT /hub/rules` that is JSON but not a rules file (`{"v":1,"rules":[...]}`)',
  'not-saved':
    'a media file or the rules the hub could not write to (or delete from) its data folder',
  // The sessions the server keeps (src/hub/sessions): `/hub/sessions`.
  'session-name': 'a session name that is not 1 to 40 of A-Z, a-z, 0-9, _, - (a path trick, say)',
  'session-request':
    'a request to `/hub/sessions` from anything but a page of this server (`Sec-Fetch-Site`)',
  'bad-session':
    'a session save, rename or new session whose body is not what `/hub/sessions` takes',
  'session-not-saved': 'a session the hub could not read (a damaged file), keep (full) or write',
} as const satisfies Record<string, string>;

export type DropReason = keyof typeof DROP_REASONS;

/** The codes alone, as zod's enum wants them (Object.keys types its answer as string[]). */
export const DROP_REASON_CODES = Object.keys(DROP_REASONS) as [DropReason, ...DropReason[]];
