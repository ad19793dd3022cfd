import type { Config } from '../config/config';
import type { Moment } from './moment';

/** The alerts page's parameters that choose which thank-yous it shows. */
export type ThanksParams = Pick<Config, 'follows' | 'shares' | 'likes'>;

/**
 * Which moments the alerts page shows, by its own parameters. The session has already decided the
 * facts (a user's first follow or share, a like milestone crossed; core/session/Thanked.ts); this
 * decides only what one page shows: `follows=off` and `shares=off` hide those thank-yous, and
 * `likes=0` hides like milestones. Hidden moments still counted for goals and the board.
 *
 *     const shows = thanksFilter(config);
 *     if (shows(moment)) queue.push(moment, now);
 */
export function thanksFilter(params: ThanksParams): (moment: Pick<Moment, 'kind'>) => boolean {
  const { follows, shares, likes } = params;
  const likeAlerts = likes > 0;
  return (moment) => {
    switch (moment.kind) {
      case 'follow':
        return follows;
      case 'share':
        return shares;
      case 'like':
        return likeAlerts;
      default:
        return true;
    }
  };
}
