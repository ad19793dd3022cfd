import type { Platform } from '../../core/event/events';
import type { Moment } from '../../core/alerts/moment';
import type { Alert, AlertKind } from '../../core/alerts/AlertQueue';
import type { Tier } from '../../core/alerts/tiers';
import { KNOWN_GIFTS } from '../../core/event/knownGifts';
import { formatWhole } from '../format';

/** What one callout shows: plain data, already text (names are sanitised by the core). */
export interface CalloutView {
  key: string;
  kind: AlertKind;
  tier: Tier;
  platform: Platform | 'mixed';
  /** The gifter (for a summary: the biggest gifters folded into it). */
  names: string[];
  gift: string;
  /** Emoji of a well-known gift, shown beside its name ('' when unknown). */
  emoji: string;
  count: number;
  /** Several different gifts coalesced: the counts are in the gift label. */
  mixed: boolean;
  value: number;
  /** A combo still climbing. */
  live: boolean;
  leaving: boolean;
  /** A rule's own text with the placeholders of `template=` (null: the page's template). */
  text: string | null;
  /**
   * What the count counts when it is an amount, not "how many of the gift": "10,000 likes" for a
   * like milestone, "42 raiders", "100 bits", "3 months" of a sub. Null: the count reads "x5".
   */
  unit: string | null;
}

/** The units of the kinds whose count is an amount (core/event/giftLabel.ts countOf). */
const UNITS: Partial<Record<Moment['kind'], [one: string, many: string]>> = {
  like: ['like', 'likes'],
  raid: ['raider', 'raiders'],
  cheer: ['bit', 'bits'],
  sub: ['month', 'months'],
};

const MAX_GIFTS = 3;

/** Turns a queue alert (one moment, a gifter's coalesced moments, or a summary) into a callout. */
export function calloutOf(alert: Alert): CalloutView {
  const base = {
    key: alert.key,
    kind: alert.kind,
    tier: alert.tier,
    leaving: false,
    text: alert.look.text ?? null,
  };
  if (alert.summary) {
    const { count, value, names } = alert.summary;
    return {
      ...base,
      platform: 'mixed',
      names,
      gift: 'gifts',
      emoji: '',
      count,
      mixed: false,
      value,
      live: false,
      unit: null,
    };
  }
  const first = alert.moments[0];
  const counts = new Map<string, number>();
  let count = 0;
  let value = 0;
  for (const m of alert.moments) {
    counts.set(m.gift, (counts.get(m.gift) ?? 0) + m.count);
    count += m.count;
    value += m.value;
  }
  const gifts = [...counts.keys()];
  const mixed = gifts.length > 1;
  // Several different gifts: each keeps its own count in the label ("Rose x5 + Cap").
  const labels = [...counts].map(([g, n]) => (mixed && n > 1 ? `${g} x${formatWhole(n)}` : g));
  const gift =
    labels.length > MAX_GIFTS ? `${labels.slice(0, MAX_GIFTS).join(' + ')} …` : labels.join(' + ');
  const known = first?.giftId === undefined ? undefined : KNOWN_GIFTS.get(first.giftId);
  return {
    ...base,
    platform: first?.platform ?? 'custom',
    names: first ? [first.name] : [],
    gift,
    emoji: gifts.length === 1 && known ? known.emoji : '',
    count,
    mixed,
    value,
    live: alert.moments.some((m) => !m.final),
    unit: mixed || !first ? null : unitOf(first.kind, count),
  };
}

function unitOf(kind: Moment['kind'], count: number): string | null {
  const unit = UNITS[kind];
  return unit ? unit[count === 1 ? 0 : 1] : null;
}
