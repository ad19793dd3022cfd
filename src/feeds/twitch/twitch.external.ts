import { z } from 'zod/mini';
import type { SubTier } from '../../core/event/events';
import { amount, millis } from '../../wire/fields';

/**
 * The tmi.js `userstate` (IRC tags) as tmi.js 1.8.5 delivers it, not as Twitch sends it:
 * - "1" becomes `true` and "0" becomes `false` (except `bits`), so a count tag may be a boolean;
 * - an empty value (`display-name=`) becomes `null`;
 * - `\s`, `\:` and `\\` are already unescaped.
 * Unknown tags are ignored.
 */

/** A text tag: a string, or a boolean that was "1"/"0" on the wire, or null when empty. */
const tagText = z.pipe(
  z.optional(
    z.union([
      z.string().check(z.maxLength(2000)),
      z.pipe(
        z.boolean(),
        z.transform((b) => (b ? '1' : '0')),
      ),
      z.null(),
    ]),
  ),
  z.transform((v) => v ?? undefined),
);

/** A count tag: "5", or `true`/`false` for "1"/"0". */
const tagAmount = z.optional(
  z.union([
    amount,
    z.pipe(
      z.literal(true),
      z.transform(() => 1),
    ),
    z.pipe(
      z.literal(false),
      z.transform(() => 0),
    ),
  ]),
);

/** Twitch's sub plans (`msg-param-sub-plan`) and their tiers: the one table, read both ways. */
const SUB_PLANS = {
  Prime: 'prime',
  '1000': '1',
  '2000': '2',
  '3000': '3',
} as const satisfies Record<string, SubTier>;
type SubPlan = keyof typeof SUB_PLANS;

const plan = z.pipe(
  z.enum(Object.keys(SUB_PLANS) as [SubPlan, ...SubPlan[]]),
  z.transform((p) => SUB_PLANS[p]),
);

const PLAN_OF_TIER = Object.fromEntries(
  Object.entries(SUB_PLANS).map(([plan, tier]) => [tier, plan]),
) as Record<SubTier, SubPlan>;

/** The plan a tier was sent as ("Prime", "1000"): fallback bomb keys spell it as Twitch does. */
export function planOf(tier: SubTier): SubPlan {
  return PLAN_OF_TIER[tier];
}

export const userstate = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  'user-id': tagText,
  login: tagText,
  /** tmi.js adds `username` (from the IRC prefix) to PRIVMSG tags: a cheer has no `login`. */
  username: tagText,
  'display-name': tagText,
  'tmi-sent-ts': z.optional(millis),
  'msg-param-sub-plan': z.optional(plan),
  'msg-param-cumulative-months': tagAmount,
  'msg-param-mass-gift-count': tagAmount,
  'msg-param-sender-count': tagAmount,
  'msg-param-community-gift-id': tagText,
  'msg-param-recipient-display-name': tagText,
  'msg-param-recipient-user-name': tagText,
  'msg-param-viewerCount': tagAmount,
});

export type Userstate = z.output<typeof userstate>;

/** Cheer tags: `bits` is left as a string by tmi.js (an empty `bits=` stays `true`). */
export const cheerTags = z.object({ bits: amount });

/** The Twitch account that stands in for anonymous gifters. */
export const ANONYMOUS_LOGIN = 'ananonymousgifter';
export const ANONYMOUS_USER_ID = '274598607';
