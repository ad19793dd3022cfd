import { z } from 'zod/mini';
import { PLATFORMS } from '../event/events.ts';

/**
 * The alert rules format (issue 23): an ordered list; the first rule whose `when` matches a moment
 * decides how it is shown (`then`). The same JSON is saved by `npm start` (`/hub/rules`), loaded by
 * `rules=<URL>` on a static host, and built on the start page. Every field is optional: `when: {}`
 * matches everything, `then: {}` changes nothing.
 */

/**
 * What a rule can match. `gift` is any gift (one-off or streak), `streak` a gift sent 2 or more
 * times in one streak, `giftsub` any gifted sub (a bomb too), `bomb` a community gift bomb, `sub` any
 * subscription (TikTok's too), `tiktoksub` a TikTok LIVE subscription, `likes` a like milestone.
 */
export const RULE_KINDS = [
  'gift',
  'streak',
  'cheer',
  'sub',
  'giftsub',
  'bomb',
  'tiktoksub',
  'follow',
  'share',
  'likes',
  'raid',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A media file's name in the media folder: no folders, no dots first, a known extension. */
export const MEDIA_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.()-]{0,79}\.(png|gif|apng|webp|webm)$/i;
export const SOUND_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.()-]{0,79}\.(mp3|ogg|oga|wav|webm)$/i;

/** At most this many rules (a list longer than a screenful is a mistake, not a setup). */
export const MAX_RULES = 100;

const range = z.object({
  min: z.optional(z.number().check(z.gte(0), z.lte(1e12))),
  max: z.optional(z.number().check(z.gte(0), z.lte(1e12))),
});
export type Range = z.output<typeof range>;

const oneOrMany = <T extends z.core.$ZodType>(item: T) => z.union([item, z.array(item)]);
const giftName = z.string().check(z.minLength(1), z.maxLength(60));

export const ruleWhen = z.object({
  platform: z.optional(z.enum(PLATFORMS)),
  kind: z.optional(oneOrMany(z.enum(RULE_KINDS))),
  /** A gift's name (case-insensitive) or its id. */
  gift: z.optional(oneOrMany(giftName)),
  /** Points of the moment on the one value scale (a streak's or bomb's so far). */
  points: z.optional(range),
  /** TikTok coins of the moment (a streak's so far). */
  coins: z.optional(range),
  /** How many: a streak's or bomb's size, bits, months, raiders, a like milestone. */
  count: z.optional(range),
});

export const ruleThen = z.object({
  /** false: no alert at all (the gift still counts on the board). */
  alert: z.optional(z.boolean()),
  /** The effect's tier, or none (a media file alone). Unset: the value's tier, or none with media. */
  effect: z.optional(
    z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('none')]),
  ),
  media: z.optional(z.string().check(z.regex(MEDIA_NAME))),
  sound: z.optional(
    z.object({
      file: z.string().check(z.regex(SOUND_NAME)),
      /** Percent of the page's `volume=`. */
      volume: z.optional(z.number().check(z.gte(0), z.lte(100))),
    }),
  ),
  /** The callout's text, with the placeholders of `template=`. */
  text: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  /** Seconds the alert plays (its media loops until then). */
  duration: z.optional(z.number().check(z.gte(1), z.lte(60))),
});

export const ruleSchema = z.object({
  name: z.optional(z.string().check(z.maxLength(60))),
  /** false keeps the rule in the list but out of play. */
  on: z.optional(z.boolean()),
  when: ruleWhen,
  then: ruleThen,
});

export type RuleWhen = z.output<typeof ruleWhen>;
export type RuleThen = z.output<typeof ruleThen>;
export type Rule = z.output<typeof ruleSchema>;

/** The file: `{ v: 1, rules: [...] }`. Rules are judged one by one (rules.ts), not here. */
export const rulesFile = z.object({ v: z.literal(1), rules: z.array(z.unknown()) });

export interface RulesDoc {
  v: 1;
  rules: Rule[];
}
