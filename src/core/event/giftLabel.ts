import { exhaustive, type CoreEvent } from './events';
import { sanitizeName } from '../text/names';
import { tierLabel } from './value';

/** What an event gives, as a short label for the callout: "Rose", "Bits", "Tier 1 sub". */
export function giftLabel(event: CoreEvent): string {
  switch (event.kind) {
    case 'gift':
      // Gift names are feed text too (and follow the streamer's language): sanitise like names.
      return sanitizeName(event.gift.name, '', { maxGraphemes: 32, fallback: 'Gift' });
    case 'cheer':
      return 'Bits';
    case 'sub':
      return event.label ?? `${tierLabel(event.tier)} sub`;
    case 'giftsub':
      return event.count === 1 && !event.bomb
        ? `${tierLabel(event.tier)} gift sub`
        : `${tierLabel(event.tier)} gift subs`;
    case 'follow':
      return 'Follow';
    case 'raid':
      return 'Raid';
    case 'like':
      return 'Likes';
    case 'share':
      return 'Share';
    default:
      return exhaustive(event);
  }
}

/** How many of it: streak count, bits, months of a sub, subs in a bomb, raiders, likes. */
export function countOf(event: CoreEvent): number {
  switch (event.kind) {
    case 'gift':
    case 'giftsub':
    case 'like':
      return event.count;
    case 'cheer':
      return event.bits;
    case 'sub':
      return event.months;
    case 'raid':
      return event.viewers;
    case 'follow':
    case 'share':
      return 1;
    default:
      return exhaustive(event);
  }
}
