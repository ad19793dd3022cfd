import type { TikTokStatus } from './tiktokLive.ts';

/** Each state of the hub's TikTok connection in a streamer's words (see TIKTOK_STATES). */
const WORDS: Readonly<Record<TikTokStatus['state'], string>> = {
  connecting: 'connecting to TikTok',
  live: 'LIVE',
  'not-live': 'not LIVE right now',
  ended: 'the LIVE ended',
  'rate-limited': 'rate-limited by the sign server',
  'sign-unreachable': 'the sign server does not answer',
  'not-found': 'no TikTok account of that name',
  blocked: 'blocked by TikTok',
  retrying: 'reconnecting to TikTok',
};

/** A wait as a streamer reads it: "40 s", "4 min" (the hub's log says it the same way). */
export function inWords(ms: number): string {
  return ms < 90_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

/**
 * A status frame in words, the same on the overlay's badge and the start page: the state, the
 * hub's detail, and when it tries next ("rate-limited by the sign server: …; next try in 2 min").
 */
export function tiktokStatusText(
  status: Pick<TikTokStatus, 'state' | 'detail' | 'retryInMs'>,
): string {
  const parts = [status.detail.trim()];
  if (status.retryInMs !== undefined) parts.push(`next try in ${inWords(status.retryInMs)}`);
  const said = parts.filter((part) => part !== '');
  return said.length === 0 ? WORDS[status.state] : `${WORDS[status.state]}: ${said.join('; ')}`;
}
