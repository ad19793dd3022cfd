import { z } from 'zod/mini';
import { joinList, listOf, numberIn, pattern, spec, wsUrl, type ParamSpec } from './paramTypes';
import { FEED_URLS, SOURCES } from './choices';
import { tiktokUsername } from './tiktokUsername';

/**
 * The feeds' URL parameters: where gifts come from and the addresses each source needs. The first
 * rows of the parameter table (params.ts spreads them first, so the README and the start page
 * list them first).
 */

const lower = z.transform((s: string) => s.toLowerCase());

/** A username as typed (`@Name`, a profile URL) becomes TikTok's own lower-case name. */
const username = z.pipe(
  z.string(),
  z.transform((raw: string, ctx) => {
    const check = tiktokUsername(raw);
    if (check.ok) return check.username;
    ctx.issues.push({ code: 'custom', message: check.why, input: raw });
    return z.NEVER;
  }),
);

export const FEED_FIELDS = {
  source: spec(
    listOf(SOURCES),
    ['demo'] as string[],
    `a comma list of ${SOURCES.join(', ')}`,
    'Where gifts come from',
    'both',
    joinList,
  ),
  tiktok: {
    ...spec(
      z.optional(username),
      undefined as string | undefined,
      'a TikTok username: 2 to 24 of a-z, 0-9, _ and ., with or without @',
      'Your TikTok @username (or your profile URL): npm start connects to your LIVE itself, no other app needed (source=tiktok)',
    ),
    // The rule's own reason ("never ends with a period") says more than `allowed`.
    why: (raw: string) => {
      const check = tiktokUsername(raw);
      return check.ok ? undefined : check.why;
    },
  },
  seed: spec(
    numberIn(0, 2147483647, true),
    1,
    'a whole number from 0 to 2147483647',
    'Seed of the demo feed: the same seed replays the same gifts',
  ),
  rate: spec(numberIn(1, 600), 30, 'a number from 1 to 600', 'Demo gifts per minute'),
  tikfinity: spec(
    wsUrl(),
    FEED_URLS.tikfinity,
    'a ws:// or wss:// URL',
    'TikFinity event WebSocket (source=tikfinity)',
  ),
  channel: spec(
    z.optional(z.pipe(pattern(/^[a-z0-9_]{2,25}$/i), lower)),
    undefined as string | undefined,
    'a Twitch login: 2 to 25 of a-z, 0-9, _',
    'Twitch channel to read (source=twitch)',
  ),
  irc: spec(
    wsUrl(),
    FEED_URLS.irc,
    'a ws:// or wss:// URL',
    'Twitch chat WebSocket (keep the default)',
  ),
  ws: spec(
    z.optional(wsUrl()),
    undefined as string | undefined,
    'a ws:// or wss:// URL',
    'Giftglow protocol WebSocket, e.g. a script or Streamer.bot (source=ws)',
  ),
  hub: spec(
    z.optional(wsUrl()),
    undefined as string | undefined,
    'a ws:// or wss:// URL',
    'Giftglow hub WebSocket (source=hub, and source=tiktok reaches TikTok through it); default: the /hub of the server that serves the page (npm start)',
  ),
} satisfies Record<string, ParamSpec<any>>;
