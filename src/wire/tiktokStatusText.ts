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

/**
 * A status frame in words, the same on the overlay's badge and the start page: the state, then the
 * hub's detail ("not LIVE right now: checking again in 3 min").
 */
export function tiktokStatusText(status: Pick<TikTokStatus, 'state' | 'detail'>): string {
  const words = WORDS[status.state];
  const detail = status.detail.trim();
  return detail === '' ? words : `${words}: ${detail}`;
}
