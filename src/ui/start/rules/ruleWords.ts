import type { Platform } from '../../../core/event/events';
import { KNOWN_GIFTS } from '../../../core/event/knownGifts';
import type { RuleKind } from '../../../core/rules/ruleFormat';

/** The rule editor's choices in words (the rules file keeps the codes). */

export const KIND_WORDS: Record<RuleKind, string> = {
  gift: 'A gift (one or a streak)',
  streak: 'A streak (the same gift 2+ times)',
  cheer: 'A Twitch cheer',
  sub: 'A subscription',
  giftsub: 'A gifted sub',
  bomb: 'A gift bomb',
  tiktoksub: 'A TikTok LIVE subscription',
  follow: 'A follow',
  share: 'A share',
  likes: 'A like milestone',
  raid: 'A Twitch raid',
};

export const PLATFORM_WORDS: Record<Platform, string> = {
  tiktok: 'TikTok',
  twitch: 'Twitch',
  custom: 'Custom sender',
};

export const EFFECT_WORDS = {
  '': 'As its value says',
  '1': 'Tier 1 (small)',
  '2': 'Tier 2',
  '3': 'Tier 3',
  '4': 'Tier 4 (biggest)',
  none: 'None (media only)',
} as const;

/** The catalogue for the gift field's list: name, with its emoji and price. */
export const GIFT_OPTIONS = [...KNOWN_GIFTS.values()].map((gift) => ({
  value: gift.name,
  label: `${gift.emoji} ${gift.name} · ${gift.coins} coin${gift.coins === 1 ? '' : 's'} · id ${gift.id}`,
}));
