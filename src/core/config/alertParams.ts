import { z } from 'zod/mini';
import { numberIn, onOff, spec, type ParamSpec } from './paramTypes';

/**
 * The alerts page's parameters for the moments beyond gifts (issue 23) and the alert rules: which
 * of follows, shares and like milestones get an alert, what a TikTok subscription is worth, and
 * where a static host keeps its rules file. params.ts spreads them into the one table.
 */

const onOffText = (value: boolean) => (value ? 'on' : 'off');

/** `https://…` or a path beside the page (`rules.json`); never another scheme. */
const rulesUrl = z
  .pipe(
    z.string(),
    z.transform((raw: string) => raw.trim()),
  )
  .check(z.refine((raw) => raw.length <= 500 && /^(https?:\/\/[^\s]+|[^\s:]+)$/i.test(raw)));

export const ALERT_FIELDS = {
  rules: spec(
    z.optional(rulesUrl),
    undefined as string | undefined,
    'an http(s) URL or a path beside the page, ending in a rules JSON file',
    'Alert rules from a file (a static host); served by npm start, the rules saved on the start page are used and a change shows at once',
    'alerts',
    (v) => v ?? '',
  ),
  follows: spec(
    onOff(),
    true,
    'on or off',
    'A compact thank-you for a follow (each user once per session)',
    'alerts',
    onOffText,
  ),
  shares: spec(
    onOff(),
    true,
    'on or off',
    'A compact thank-you for a share of the LIVE (each user once per session)',
    'alerts',
    onOffText,
  ),
  likes: spec(
    numberIn(0, 1e9, true),
    0,
    'a whole number from 0 to 1000000000 (0: off)',
    "An alert each time the room's likes pass another multiple of this number (0: no like alerts)",
    'alerts',
  ),
  tiktoksub: spec(
    numberIn(0, 100000),
    500,
    'a number from 0 to 100000',
    'Points per TikTok LIVE subscription (the default counts it like a Twitch Tier 1 sub)',
  ),
} satisfies Record<string, ParamSpec<any>>;
