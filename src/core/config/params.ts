import { z } from 'zod/mini';
import { DEFAULT_TIERS } from '../alerts/tiers';
import { TEMPLATE_FIELDS_TEXT } from '../text/template';
import { DEFAULT_SCALE } from '../event/value';
import {
  ascendingNumbers,
  factor,
  hexColour,
  joinList,
  list,
  numberIn,
  oneOf,
  onOff,
  pattern,
  showHide,
  spec,
  text,
  type ParamSpec,
} from './paramTypes';
import { GOAL_KINDS } from '../session/Tally';
import { FONTS, POSITIONS, QUALITIES, THEMES } from './choices';
import { FEED_FIELDS } from './feedParams';
import { ALERT_FIELDS } from './alertParams';
import { CREDITS_FIELDS } from './creditsParams';

/**
 * Every URL parameter of both pages, its default beside it: the table config.ts builds the one schema
 * from, and the start page and README table are generated from.
 */

const onOffText = (value: boolean) => (value ? 'on' : 'off');
const showHideText = (value: boolean) => (value ? 'show' : 'hide');
const word = z.string().check(z.maxLength(40));
const lower = z.transform((s: string) => s.toLowerCase());
const login = z.pipe(z.string().check(z.regex(/^[a-z0-9_.]{1,40}$/i)), lower);

export const FIELDS = {
  ...FEED_FIELDS,
  session: spec(
    pattern(/^[A-Za-z0-9_-]{1,40}$/),
    'default',
    '1 to 40 of A-Z, a-z, 0-9, _, -',
    'Session name: the board is kept per session across reloads; use a new name to start a fresh board',
  ),
  block: spec(
    list(word, 200),
    [] as string[],
    'a comma list of up to 200 words',
    'Blocklist: names containing these words are masked or get no callout (gifts still count)',
    'both',
    joinList,
  ),
  blockaction: spec(
    oneOf(['mask', 'skip']),
    'mask',
    'mask or skip',
    'What a blocked name gets: mask shows "A•••", skip shows no callout',
  ),
  hide: spec(
    list(login, 200),
    [] as string[],
    'a comma list of logins',
    'Logins kept off the board (e.g. your own test account)',
    'both',
    joinList,
  ),
  coin: spec(
    factor(0, 100),
    DEFAULT_SCALE.coin,
    'a number from 0 to 100 (3 decimals at most)',
    'Points per TikTok coin',
  ),
  bit: spec(
    factor(0, 100),
    DEFAULT_SCALE.bit,
    'a number from 0 to 100 (3 decimals at most)',
    'Points per Twitch bit',
  ),
  tier1: spec(
    factor(0, 100000),
    DEFAULT_SCALE.tier1,
    'a number from 0 to 100000',
    'Points per Tier 1 or Prime sub',
  ),
  tier2: spec(
    factor(0, 100000),
    DEFAULT_SCALE.tier2,
    'a number from 0 to 100000',
    'Points per Tier 2 sub',
  ),
  tier3: spec(
    factor(0, 100000),
    DEFAULT_SCALE.tier3,
    'a number from 0 to 100000',
    'Points per Tier 3 sub',
  ),
  streak: spec(
    numberIn(1, 60),
    8,
    'a number of seconds from 1 to 60',
    'A streak or gift bomb silent this long is finished with what arrived',
  ),
  template: spec(
    z.pipe(text(120), z.string().check(z.minLength(1))),
    'Thank you, {name}!',
    `text of 1 to 120 characters; ${TEMPLATE_FIELDS_TEXT} are filled in`,
    'Callout text',
    'alerts',
  ),
  min: spec(
    numberIn(0, 1e9),
    0,
    'a number of points from 0 to 1000000000',
    'Gifts below this many points get only a compact callout (or none)',
    'alerts',
  ),
  minaction: spec(
    oneOf(['compact', 'none']),
    'compact',
    'compact or none',
    'What a gift below min gets',
    'alerts',
  ),
  duration: spec(
    numberIn(1, 30),
    5,
    'a number of seconds from 1 to 30',
    'How long one alert shows',
    'alerts',
  ),
  tiers: spec(
    ascendingNumbers(3, 0, 1e9),
    [...DEFAULT_TIERS],
    '3 ascending numbers, comma separated',
    'Points where tiers 2, 3 and 4 begin (below the first: tier 1)',
    'alerts',
    joinList,
  ),
  maxqueue: spec(
    numberIn(1, 100, true),
    20,
    'a whole number from 1 to 100',
    'Most alerts waiting; beyond it small ones are merged or dropped',
    'alerts',
  ),
  theme: spec(oneOf(THEMES), 'glow', THEMES.join(', '), 'Look of alerts and board'),
  accent: spec(
    z.optional(hexColour()),
    undefined as string | undefined,
    'a colour #rgb or #rrggbb (the # may be left out)',
    "Accent colour (default: the theme's)",
    'both',
    (v) => (v ?? '').replace('#', ''),
  ),
  font: spec(oneOf(FONTS), 'system', FONTS.join(', '), 'Font family'),
  scale: spec(numberIn(0.5, 3), 1, 'a number from 0.5 to 3', 'Size of callouts and board'),
  position: spec(
    oneOf(POSITIONS),
    'bottom',
    POSITIONS.join(', '),
    'Where callouts appear',
    'alerts',
  ),
  sound: spec(onOff(), false, 'on or off', 'Play a sound with each alert', 'alerts', onOffText),
  volume: spec(numberIn(0, 100), 60, 'a number from 0 to 100', 'Sound volume in percent', 'alerts'),
  quality: spec(
    oneOf(QUALITIES),
    'auto',
    QUALITIES.join(', '),
    'Effects: high (full), light (calmer, half resolution, flat shadows) or auto (light on a slow GPU, e.g. OBS with hardware acceleration off)',
    'alerts',
  ),
  fps: spec(
    z.union([oneOf(['auto']), numberIn(10, 120, true)]),
    'auto' as 'auto' | number,
    'auto or a whole number from 10 to 120',
    'Most frames per second the effects draw; auto: the display rate (OBS: 30 or 60), at most 30 on a slow GPU, lower while frames run late',
    'alerts',
  ),
  issues: spec(
    showHide(),
    true,
    'show or hide',
    'Show configuration problems on the page',
    'both',
    showHideText,
  ),
  status: spec(
    showHide(),
    true,
    'show or hide',
    'Show the connection status badge when not live',
    'both',
    showHideText,
  ),
  top: spec(numberIn(1, 20, true), 5, 'a whole number from 1 to 20', 'Rows on the board'),
  title: spec(text(60), 'Top gifters', 'text of up to 60 characters', 'Board title'),
  board: spec(
    onOff(),
    false,
    'on or off',
    'Show the board inside the alerts page too',
    'alerts',
    onOffText,
  ),
  goal: spec(
    z.optional(numberIn(1, 1e9, true)),
    undefined as number | undefined,
    'a whole number from 1 to 1000000000',
    'Goal target: the goal page shows its bar; set on the alerts page, the bar shows there too',
    'goal',
  ),
  goalkind: spec(
    oneOf(GOAL_KINDS),
    'points',
    GOAL_KINDS.join(', '),
    "What counts towards the goal: points (the board's scale), TikTok coins, likes, follows (once per user) or gifts",
    'goal',
  ),
  goaltitle: spec(
    text(60),
    '',
    'text of up to 60 characters',
    'Goal label (default: names what counts, e.g. "Like goal")',
    'goal',
  ),
  goalstart: spec(
    numberIn(0, 1e9, true),
    0,
    'a whole number from 0 to 1000000000',
    'Already counted when the overlay started (a goal begun earlier): added to the goal',
    'goal',
  ),
  goalrepeat: spec(
    onOff(),
    false,
    'on or off',
    'A reached goal rolls over to the next multiple (off: the bar stays full)',
    'goal',
    onOffText,
  ),
  counttests: spec(
    onOff(),
    false,
    'on or off',
    "Count test alerts (the start page's Test buttons) on the board, for a rehearsal session; off: shown, never counted",
    'both',
    onOffText,
  ),
  ...ALERT_FIELDS,
  ...CREDITS_FIELDS,
} satisfies Record<string, ParamSpec<any>>;
