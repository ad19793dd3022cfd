import { z } from 'zod/mini';
import {
  PLATFORMS,
  SUB_TIERS,
  type Combo,
  type CoreEvent,
  type Platform,
  type Sender,
} from '../core/event/events.ts';
import { bitPoints, giftPoints, subPoints, type ValueScale } from '../core/event/value.ts';
import { amount, idString, MAX_AMOUNT, millis, TEXT_MAX } from './fields.ts';
import { describeIssues } from '../core/zodIssues.ts';
import { drop, emit, type MapResult } from './mapResult.ts';

/**
 * Giftglow's own feed protocol, version 1 (documented in docs/feed-protocol.md): one JSON event,
 * or an array of them, per text frame. Made for tools that are not TikTok or Twitch libraries
 * (Streamer.bot, a script, the local hub's test buttons): a sender only says what happened; the overlay applies the
 * value scale. Unknown fields are ignored so v1 can grow without breaking old senders.
 */

export const PROTOCOL_VERSION = 1;

/**
 * Display text (names, pictures): cosmetic, so it never costs an event. Overlong text is cut (the
 * name sanitiser shows far less anyway); a value that is not text reads as absent.
 */
const text = z.catch(
  z.optional(
    z.pipe(
      z.string(),
      z.transform((s) => s.slice(0, TEXT_MAX)),
    ),
  ),
  undefined,
);
const tier = z._default(z.enum(SUB_TIERS), '1');
const positive = (what: string) => z.refine<number>((n) => n > 0, `${what} must be > 0`);

const user = z.object({
  id: idString,
  login: text,
  name: text,
  avatar: text,
});

const base = {
  v: z.literal(PROTOCOL_VERSION),
  id: idString,
  platform: z._default(z.enum(PLATFORMS), 'custom'),
  at: z.optional(millis),
  user,
  anonymous: z.optional(z.boolean()),
  /** A test alert: shown like any other, never on the board unless the overlay counts tests. */
  test: z.optional(z.boolean()),
};

export const protocolEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('gift'),
    gift: z.object({ id: idString, name: text, coins: amount, image: text }),
    /** How many so far; cumulative within a streak. */
    count: z._default(amount, 1),
    /** Streak id: every message of one streak repeats it, with a growing `count`. */
    streak: z.optional(idString),
    /** Ends the streak (ignored without `streak`). */
    end: z._default(z.boolean(), true),
  }),
  z.object({
    ...base,
    type: z.literal('cheer'),
    bits: amount.check(positive('bits')),
  }),
  z.object({ ...base, type: z.literal('sub'), tier, months: z._default(amount, 1) }),
  z.object({
    ...base,
    type: z.literal('giftsub'),
    tier,
    count: z._default(amount.check(positive('count')), 1),
    /** Gift-bomb id: the announcement carries `count` = all subs of the bomb... */
    bomb: z.optional(idString),
    /** ...and each single sub of it, if sent too, says `part: true` (never double-counted). */
    part: z._default(z.boolean(), false),
    recipient: text,
  }),
  z.object({ ...base, type: z.literal('follow') }),
  z.object({ ...base, type: z.literal('share') }),
  z.object({ ...base, type: z.literal('like'), count: z._default(amount, 1) }),
  z.object({ ...base, type: z.literal('raid'), viewers: z._default(amount, 0) }),
]);

export type ProtocolEvent = z.output<typeof protocolEvent>;

/** One event as a sender writes it (defaults left out, ids as strings): what builders type. */
export type ProtocolEventInput = z.input<typeof protocolEvent>;

/** One text frame: an event, or an array of events. */
export type ProtocolFrame = ProtocolEventInput | ProtocolEventInput[];

/** Maps one parsed JSON value of a frame: an event, or an array of events, each judged alone. */
export function mapProtocolFrame(
  json: unknown,
  scale: ValueScale,
  receivedAt: number,
): MapResult[] {
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return [drop('empty', 'empty array')];
  return items.map((item) => mapProtocolEvent(item, scale, receivedAt));
}

export function mapProtocolEvent(item: unknown, scale: ValueScale, receivedAt: number): MapResult {
  if (typeof item !== 'object' || item === null) return drop('bad-shape', 'not an object');
  const version = 'v' in item ? item.v : undefined;
  if (version !== PROTOCOL_VERSION) return drop('bad-version', `v=${String(version)}`);
  const parsed = protocolEvent.safeParse(item);
  if (!parsed.success) return drop('bad-shape', `ws ${describeIssues(parsed.error)}`);
  const e = parsed.data;
  if (e.type === 'gift' && e.gift.coins * e.count > MAX_AMOUNT) {
    return drop('bad-number', `gift of ${e.gift.coins} coins x ${e.count}`);
  }
  return emit(toCoreEvent(e, scale, receivedAt));
}

function toCoreEvent(e: ProtocolEvent, scale: ValueScale, receivedAt: number): CoreEvent {
  const sender = senderOf(e.platform, e.user, e.anonymous === true);
  const at = e.at ?? receivedAt;
  const common =
    e.test === true
      ? { id: e.id, platform: e.platform, at, sender, test: true }
      : { id: e.id, platform: e.platform, at, sender };
  const once = { ...common, combo: null, final: true };
  switch (e.type) {
    case 'gift': {
      const gift = { id: e.gift.id, name: e.gift.name ?? '', coins: e.gift.coins };
      const shown = e.gift.image === undefined ? gift : { ...gift, image: e.gift.image };
      const value = giftPoints(scale, e.gift.coins, e.count);
      const event = { ...once, kind: 'gift' as const, gift: shown, count: e.count, value };
      if (e.streak === undefined) return event;
      const combo: Combo = { key: `${sender.key}:${e.gift.id}:${e.streak}`, role: 'total' };
      return { ...event, combo, final: e.end };
    }
    case 'cheer':
      return { ...once, kind: 'cheer', bits: e.bits, value: bitPoints(scale, e.bits) };
    case 'sub':
      return {
        ...once,
        kind: 'sub',
        tier: e.tier,
        months: Math.max(e.months, 1),
        value: subPoints(scale, e.tier),
      };
    case 'giftsub': {
      const part = e.bomb !== undefined && e.part;
      const count = part ? 1 : e.count;
      const combo: Combo | null =
        e.bomb === undefined
          ? null
          : { key: `${e.platform}:bomb:${e.bomb}`, role: part ? 'part' : 'total' };
      const event = {
        ...common,
        kind: 'giftsub' as const,
        tier: e.tier,
        count,
        bomb: e.bomb !== undefined,
        combo,
        final: !part,
        value: subPoints(scale, e.tier, count),
      };
      return e.recipient === undefined ? event : { ...event, recipient: e.recipient };
    }
    case 'follow':
    case 'share':
      return { ...once, kind: e.type, value: 0 };
    case 'like':
      return { ...once, kind: 'like', count: e.count, value: 0 };
    case 'raid':
      return { ...once, kind: 'raid', viewers: e.viewers, value: 0 };
  }
}

function senderOf(platform: Platform, u: z.output<typeof user>, anonymous: boolean): Sender {
  const id = anonymous ? 'anonymous' : u.id;
  const login = u.login ?? '';
  const sender: Sender = { key: `${platform}:${id}`, id, login, name: u.name ?? login, anonymous };
  if (u.avatar !== undefined) sender.avatar = u.avatar;
  return sender;
}
