import type { TikTokStatus } from '../../wire/tiktokLive.ts';
import { RateLimit } from '../RateLimit.ts';
import { inWords } from '../../wire/tiktokStatusText.ts';
import type { LinkStatus } from './TikTokLink.ts';
import type { TikTokObserver } from './TikTokLinks.ts';

/**
 * The TikTok lines of the `npm start` log: each state change of a connection printed once, in a
 * streamer's words, with when the next attempt comes. Capped per username (10 lines at once, then
 * one every 6 minutes) so a flapping connection cannot flood the terminal.
 */

const LABELS: Record<TikTokStatus['state'], string> = {
  connecting: 'connecting',
  live: 'live',
  'not-live': 'not LIVE right now',
  ended: 'the LIVE ended',
  'rate-limited': 'rate-limited by the sign server',
  'sign-unreachable': 'sign server unreachable',
  'not-found': 'username not found',
  blocked: 'blocked by TikTok',
  retrying: 'retrying',
};

export function tiktokLog(print: (line: string) => void, now: () => number): TikTokObserver {
  const cap = new RateLimit({ burst: 10, perSecond: 1 / 360 });
  const printed = new Map<string, TikTokStatus['state']>();
  const muted = new Set<string>();

  function line(username: string, text: string): void {
    if (cap.take(username, now())) {
      muted.delete(username);
      print(`  TikTok @${username}: ${text}`);
    } else if (!muted.has(username)) {
      muted.add(username);
      print(`  TikTok @${username}: changing often; the next changes are not all printed`);
    }
  }

  return {
    status(username, status: LinkStatus) {
      const was = printed.get(username);
      // A retry's "connecting" is news only the first time; its outcome is the next line.
      if (was === status.state || (was !== undefined && status.state === 'connecting')) return;
      printed.set(username, status.state);
      const next =
        status.retryAt === undefined ? '' : `; next try in ${inWords(status.retryAt - now())}`;
      line(username, `${LABELS[status.state]}: ${status.detail}${next}`);
    },
    closed(username) {
      printed.delete(username);
      line(username, 'closed: no page listens any more');
    },
  };
}
