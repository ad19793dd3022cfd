import { z } from 'zod/mini';
import { PROTOCOL_VERSION } from './protocol.ts';

/**
 * TikTok LIVE by @username through the local hub (`npm start`): what an overlay and the hub say to
 * each other on `/hub/tiktok?user=<name>`. The hub holds one connection per username (the
 * tiktok-live-connector library is Node-only) and passes on what it reads as TikFinity does, one
 * `{event, data}` frame per event, so the page reads it with the same one TikTok reader. Between
 * those, the hub says how the connection stands in a status frame.
 */

/**
 * How the hub's connection to one LIVE stands, in a streamer's words (the detail says more):
 * - `connecting`: asking the sign server and opening TikTok's socket;
 * - `live`: connected; gifts flow;
 * - `not-live`: the account is not LIVE now; checked again every few minutes;
 * - `ended`: the LIVE ended; checked again like not-live, for the next one;
 * - `rate-limited`: the sign server refuses for now; retried when it says;
 * - `sign-unreachable`: the sign server does not answer (TikFinity is the fallback);
 * - `not-found`: no TikTok account of that name;
 * - `blocked`: TikTok asks for a captcha or blocks this computer (or an 18+ LIVE needs a login);
 * - `retrying`: the connection dropped or failed otherwise; retried with backoff.
 */
export const TIKTOK_STATES = [
  'connecting',
  'live',
  'not-live',
  'ended',
  'rate-limited',
  'sign-unreachable',
  'not-found',
  'blocked',
  'retrying',
] as const;

const status = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.literal('tiktok-status'),
  username: z.string().check(z.maxLength(24)),
  state: z.enum(TIKTOK_STATES),
  /** For people: why, and what happens next. */
  detail: z.string().check(z.maxLength(300)),
  /** When the next attempt comes (ms from now), when one is planned. */
  retryInMs: z.optional(z.int().check(z.nonnegative())),
});

export type TikTokStatus = z.output<typeof status>;

/** A status frame, as text to send. */
export function tiktokStatusFrame(frame: Omit<TikTokStatus, 'v' | 'type'>): string {
  const full: TikTokStatus = { v: PROTOCOL_VERSION, type: 'tiktok-status', ...frame };
  return JSON.stringify(full);
}

/** The status when `json` is a status frame, else null (an event frame, or junk). */
export function readTikTokStatus(json: unknown): TikTokStatus | null {
  const parsed = status.safeParse(json);
  return parsed.success ? parsed.data : null;
}
