import type { Platform } from '../../../core/event/events';
import type { Range, Rule, RuleKind, RuleThen, RuleWhen } from '../../../core/rules/ruleFormat';

/**
 * One rule as the editor's fields hold it: text where the streamer types (an empty field is
 * "any"), so a half-typed number is never lost; `ruleOf` turns it into the rules format, leaving
 * out every empty field. A rule read from a file and never touched comes back out the same.
 */
export interface RuleDraft {
  /** Stable while the list is reordered (keyed #each, focus kept on Move up/down). */
  key: number;
  name: string;
  on: boolean;
  platform: Platform | '';
  /** The kinds, joined by commas: '' for any kind, 'gift' for one, 'gift,streak' from a file. */
  kind: string;
  /** Gift names or ids, joined by commas ('' for any gift). */
  gift: string;
  points: RangeDraft;
  coins: RangeDraft;
  count: RangeDraft;
  /** false: no alert at all. */
  alert: boolean;
  effect: '' | '1' | '2' | '3' | '4' | 'none';
  media: string;
  sound: string;
  /** Percent of the page's volume=. */
  volume: number;
  text: string;
  duration: string;
}

export interface RangeDraft {
  min: string;
  max: string;
}

export const RANGE_FIELDS = ['points', 'coins', 'count'] as const;

export function emptyDraft(key: number): RuleDraft {
  return {
    key,
    name: '',
    on: true,
    platform: '',
    kind: '',
    gift: '',
    points: { min: '', max: '' },
    coins: { min: '', max: '' },
    count: { min: '', max: '' },
    alert: true,
    effect: '',
    media: '',
    sound: '',
    volume: 100,
    text: '',
    duration: '',
  };
}

export function draftOf(rule: Rule, key: number): RuleDraft {
  const { when, then } = rule;
  const list = (value: string | readonly string[] | undefined) =>
    value === undefined ? '' : typeof value === 'string' ? value : value.join(', ');
  return {
    key,
    name: rule.name ?? '',
    on: rule.on !== false,
    platform: when.platform ?? '',
    kind: list(when.kind).replace(/ /g, ''),
    gift: list(when.gift),
    points: rangeDraft(when.points),
    coins: rangeDraft(when.coins),
    count: rangeDraft(when.count),
    alert: then.alert !== false,
    effect: then.effect === undefined ? '' : then.effect === 'none' ? 'none' : `${then.effect}`,
    media: then.media ?? '',
    sound: then.sound?.file ?? '',
    volume: then.sound?.volume ?? 100,
    text: then.text ?? '',
    duration: then.duration === undefined ? '' : String(then.duration),
  };
}

/** The rule in the rules format. Numbers that are not numbers are left as typed: parseRules names them. */
export function ruleOf(draft: RuleDraft): Rule {
  const when: RuleWhen = {};
  if (draft.platform) when.platform = draft.platform;
  const kinds = split(draft.kind) as RuleKind[];
  if (kinds.length > 0) when.kind = kinds.length === 1 ? kinds[0] : kinds;
  const gifts = split(draft.gift);
  if (gifts.length > 0) when.gift = gifts.length === 1 ? gifts[0] : gifts;
  for (const field of RANGE_FIELDS) {
    const range = rangeOf(draft[field]);
    if (range) when[field] = range;
  }
  const then: RuleThen = {};
  if (!draft.alert) then.alert = false;
  if (draft.effect) then.effect = draft.effect === 'none' ? 'none' : tierOf(draft.effect);
  if (draft.media) then.media = draft.media;
  if (draft.sound)
    then.sound =
      draft.volume === 100 ? { file: draft.sound } : { file: draft.sound, volume: draft.volume };
  if (draft.text.trim()) then.text = draft.text.trim();
  if (draft.duration.trim()) then.duration = numberOf(draft.duration);
  const rule: Rule = { when, then };
  if (draft.name.trim()) rule.name = draft.name.trim();
  if (!draft.on) rule.on = false;
  return rule;
}

/** A rule's name as the page says it: its own, else what it matches ("Lion", "any gift"). */
export function titleOf(draft: RuleDraft, position: number): string {
  if (draft.name.trim()) return draft.name.trim();
  const what = draft.gift.trim() || (draft.kind ? draft.kind.replace(/,/g, ' or ') : 'anything');
  return `Rule ${position}: ${what}`;
}

function rangeDraft(range: Range | undefined): RangeDraft {
  return { min: range?.min?.toString() ?? '', max: range?.max?.toString() ?? '' };
}

function rangeOf(draft: RangeDraft): Range | null {
  const range: Range = {};
  if (draft.min.trim()) range.min = numberOf(draft.min);
  if (draft.max.trim()) range.max = numberOf(draft.max);
  return range.min === undefined && range.max === undefined ? null : range;
}

/** A typed number; text that is not one stays NaN, which the schema refuses with the field's name. */
function numberOf(text: string): number {
  return Number(text.trim());
}

function tierOf(effect: '1' | '2' | '3' | '4'): 1 | 2 | 3 | 4 {
  return Number(effect) as 1 | 2 | 3 | 4;
}

function split(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
