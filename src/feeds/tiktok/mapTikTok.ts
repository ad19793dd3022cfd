import type { Sender } from '../../core/event/events';
import { KNOWN_GIFTS } from '../../core/event/knownGifts';
import { giftPoints, tiktokSubPoints, type ValueScale } from '../../core/event/value';
import { readTikTok, type TikTokRead } from './tiktok.external';
import { amount, MAX_AMOUNT, TEXT_MAX, URL_MAX } from '../../wire/fields';
import { drop, emit, ignore, type MapResult, type Note } from '../../wire/mapResult';

/**
 * TikTok LIVE payload -> core event. The streak rule becomes structural fields:
 * a streakable gift (giftType 1) fires once per combo step with a CUMULATIVE repeatCount and ends
 * with repeatEnd, so each step is a `total` of one combo; any other gift arrives once, with
 * repeatEnd false, and counts at once. Counting `coins x repeatCount` once is the core's job.
 *
 * Only a missing essential drops a gift: no sender at all (neither id nor handle), neither a gift
 * id nor a price, or a count that is not a positive whole number. Anything else degrades and says
 * so in a note: a name is cut, a picture left out, a missing message id or gift type replaced by a
 * safe choice.
 */

/** Maps one TikTok event by its name (TikFinity's `event`, the connector's event name). */
export function mapTikTok(
  event: string,
  data: unknown,
  scale: ValueScale,
  receivedAt: number,
): MapResult {
  switch (event) {
    case 'gift':
      return mapGift(readTikTok(data), scale, receivedAt);
    case 'follow':
    case 'share':
    case 'like':
      return mapSocial(event, readTikTok(data), receivedAt);
    case 'social':
      return mapLegacySocial(data, receivedAt);
    // A LIVE subscription: TikFinity (connector v1) says subscribe, connector 2.x subNotify.
    case 'subscribe':
    case 'subNotify':
      return mapSub(readTikTok(data), scale, receivedAt);
    default:
      return ignore;
  }
}

function mapGift(g: TikTokRead, scale: ValueScale, receivedAt: number): MapResult {
  const notes: Note[] = [];
  const sender = readSender(g, notes);
  if (!sender) return drop('no-sender', 'tiktok gift without a user id or handle');
  const known = g.giftId === undefined ? undefined : KNOWN_GIFTS.get(g.giftId);
  let coins = g.coins;
  if (coins === undefined) {
    if (g.giftId === undefined) return drop('no-gift', 'tiktok gift without a gift id or price');
    coins = known?.coins ?? 0;
    notes.push({ reason: 'no-price', detail: `tiktok gift ${g.giftId} without a price` });
  }
  const giftId = g.giftId ?? `coins-${coins}`;
  const count = readCount(g.count);
  if (count === undefined) return drop('bad-number', `tiktok gift count ${describe(g.count)}`);
  if (coins * count > MAX_AMOUNT) {
    return drop('bad-number', `tiktok gift of ${coins} coins x ${count}`);
  }
  // "TikTok sends a streak gift at least twice": steps with a cumulative count, then repeatEnd.
  // With no type at all the streak rule is the safe one: a lone gift then counts once after the
  // silence timeout, where a streak taken for lone gifts would count every step.
  let streakable = g.giftType === 1 || g.combo === true;
  if (g.giftType === undefined && g.combo === undefined) {
    streakable = true;
    notes.push({ reason: 'no-gift-type', detail: `tiktok gift ${giftId} without a type` });
  }
  const at = g.createTime ?? receivedAt;
  const id = g.msgId ?? syntheticId(sender, giftId, g, count, at, notes);
  const gift: { id: string; name: string; coins: number; image?: string } = {
    id: giftId,
    name: readText(g.giftName, 'gift-name', notes) ?? known?.name ?? '',
    coins,
  };
  const image = readPicture(g.giftImage, 'gift-picture', notes);
  if (image !== undefined) gift.image = image;
  return emit(
    {
      kind: 'gift',
      id,
      platform: 'tiktok',
      at,
      sender,
      value: giftPoints(scale, coins, count),
      combo: streakable ? { key: streakKey(sender, giftId, g.groupId), role: 'total' } : null,
      final: streakable ? g.repeatEnd === true : true,
      gift,
      count,
    },
    notes,
  );
}

function mapSocial(
  kind: 'follow' | 'share' | 'like',
  read: TikTokRead,
  receivedAt: number,
): MapResult {
  const notes: Note[] = [];
  const sender = readSender(read, notes);
  if (!sender) return drop('no-sender', `tiktok ${kind} without a user id or handle`);
  if (read.msgId === undefined) return drop('missing-id', `tiktok ${kind} without msgId`);
  const common = {
    id: read.msgId,
    platform: 'tiktok' as const,
    at: read.createTime ?? receivedAt,
    sender,
    value: 0,
    combo: null,
    final: true,
  };
  if (kind !== 'like') return emit({ kind, ...common }, notes);
  const likes = readCount(read.likeCount);
  if (likes === undefined)
    return drop('bad-number', `tiktok like count ${describe(read.likeCount)}`);
  const total = readTotal(read.totalLikes, notes);
  return emit({ kind: 'like', ...common, count: likes, ...(total ? { total } : {}) }, notes);
}

/**
 * A LIVE subscription: a sub of its own kind (no tiers), worth `tiktoksub=` points, ranked and
 * thanked like any sub; months from the payload (absent: a new sub). Deduped by msgId, so one
 * without it is dropped like a follow without it.
 */
function mapSub(read: TikTokRead, scale: ValueScale, receivedAt: number): MapResult {
  const notes: Note[] = [];
  const sender = readSender(read, notes);
  if (!sender) return drop('no-sender', 'tiktok subscription without a user id or handle');
  if (read.msgId === undefined) return drop('missing-id', 'tiktok subscription without msgId');
  const months = readCount(read.subMonths);
  if (months === undefined)
    notes.push({ reason: 'bad-number', detail: `tiktok sub months ${describe(read.subMonths)}` });
  return emit(
    {
      kind: 'sub',
      id: read.msgId,
      platform: 'tiktok',
      at: read.createTime ?? receivedAt,
      sender,
      value: tiktokSubPoints(scale),
      combo: null,
      final: true,
      tier: '1',
      months: months ?? 1,
      label: 'TikTok sub',
    },
    notes,
  );
}

/** The room's total likes: a whole number, or nothing (absent, 0 for unset, or unreadable). */
function readTotal(value: unknown, notes: Note[]): number | undefined {
  if (value === undefined || value === null || value === 0 || value === '0') return undefined;
  const parsed = amount.safeParse(value);
  if (parsed.success) return parsed.data;
  notes.push({ reason: 'bad-number', detail: `tiktok like total ${describe(value)} left out` });
  return undefined;
}

/** Connector v1 reports follows and shares as `social` with a `displayType` naming which. */
function mapLegacySocial(data: unknown, receivedAt: number): MapResult {
  const displayType =
    typeof data === 'object' && data !== null && 'displayType' in data ? data.displayType : '';
  if (typeof displayType !== 'string') return ignore;
  if (displayType.includes('follow')) return mapSocial('follow', readTikTok(data), receivedAt);
  if (displayType.includes('share')) return mapSocial('share', readTikTok(data), receivedAt);
  return ignore;
}

/** The sender, known by id (or, failing that, by handle). Undefined: nobody to credit. */
function readSender(read: TikTokRead, notes: Note[]): Sender | undefined {
  const handle = read.handle?.slice(0, TEXT_MAX) ?? '';
  const id = read.userId ?? (handle === '' ? undefined : `@${handle}`);
  if (id === undefined) return undefined;
  if (read.userId === undefined) notes.push({ reason: 'no-user-id', detail: `@${handle}` });
  const sender: Sender = {
    key: `tiktok:${id}`,
    id,
    login: handle,
    name: readText(read.nickname, 'name', notes) ?? '',
    anonymous: false,
  };
  const avatar = readPicture(read.avatar, 'avatar', notes);
  if (avatar !== undefined) sender.avatar = avatar;
  return sender;
}

/** A streak is keyed by sender, gift and group (a streak's steps share all three). */
export function streakKey(sender: Sender, giftId: string, groupId: string | undefined): string {
  return groupId === undefined ? `${sender.key}:${giftId}` : `${sender.key}:${giftId}:${groupId}`;
}

/** A count: a positive whole number. Absent or 0 (protobuf's "unset") means one. */
function readCount(value: unknown): number | undefined {
  if (value === undefined || value === null || value === 0 || value === '0') return 1;
  const parsed = amount.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Display text: cut when absurdly long (the name sanitiser shows far less anyway). */
function readText(value: unknown, what: string, notes: Note[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    notes.push({ reason: `bad-${what}`, detail: `tiktok ${what} ${describe(value)}` });
    return undefined;
  }
  if (value.length <= TEXT_MAX) return value;
  notes.push({
    reason: `long-${what}`,
    detail: `tiktok ${what} of ${value.length} characters cut`,
  });
  return value.slice(0, TEXT_MAX);
}

/** A picture is an http(s) URL of sane length; anything else means no picture. */
function readPicture(value: unknown, what: string, notes: Note[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && value.length <= URL_MAX && /^https?:\/\//i.test(value)) {
    return value;
  }
  notes.push({ reason: `bad-${what}`, detail: `tiktok ${what} ${describe(value)} left out` });
  return undefined;
}

/**
 * A gift without a message id still counts: its id is made from what it says, so a delivery of
 * the same message twice (a reconnect's replay) is still seen once.
 */
function syntheticId(
  sender: Sender,
  giftId: string,
  g: TikTokRead,
  count: number,
  at: number,
  notes: Note[],
): string {
  notes.push({ reason: 'no-msg-id', detail: `tiktok gift ${giftId} without msgId` });
  return `made:${sender.id}:${giftId}:${g.groupId ?? ''}:${count}:${g.repeatEnd === true ? 1 : 0}:${at}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 24)}${value.length > 24 ? '…' : ''}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}
