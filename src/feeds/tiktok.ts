import type { Sender } from '../core/events';
import { giftPoints, type ValueScale } from '../core/value';
import type { TikTokUserWire } from './tiktok.external';
import { parseLikeCount, parseTikTokBase, parseTikTokGift } from './tiktokParse';
import { streakKey, type StreakKeys } from './streakKeys';
import { drop, emit, ignore, MAX_AMOUNT, type MapResult } from './wire';

/**
 * TikTok LIVE payload -> core event. The streak rule becomes structural fields:
 * a streakable gift (giftType 1) fires once per combo step with a CUMULATIVE repeatCount and ends
 * with repeatEnd, so each step is a `total` of one combo; any other gift arrives once, with
 * repeatEnd false, and counts at once. Counting `coins x repeatCount` once is the core's job.
 */

/** TikFinity and the connector emit far more than gifts; these are read, the rest ignored. */
export type TikTokEventName = 'gift' | 'follow' | 'share' | 'like' | 'social';

export function tiktokSender(user: TikTokUserWire): Sender {
  const sender: Sender = {
    key: `tiktok:${user.userId}`,
    id: user.userId,
    login: user.login,
    name: user.nickname,
    anonymous: false,
  };
  if (user.avatar !== undefined) sender.avatar = user.avatar;
  return sender;
}

/** Maps one TikTok event by its name (TikFinity's `event`, the connector's event name). */
export function mapTikTok(
  event: string,
  data: unknown,
  scale: ValueScale,
  receivedAt: number,
  keys?: StreakKeys,
): MapResult {
  switch (event) {
    case 'gift':
      return mapGift(data, scale, receivedAt, keys);
    case 'follow':
    case 'share':
    case 'like':
      return mapSocial(event, data, receivedAt);
    case 'social':
      return mapLegacySocial(data, receivedAt);
    default:
      return ignore;
  }
}

/** `keys`: the connection's streak keys (same key string for every step), or none (tests). */
function mapGift(
  data: unknown,
  scale: ValueScale,
  receivedAt: number,
  keys: StreakKeys | undefined,
): MapResult {
  const parsed = parseTikTokGift(data);
  if (!parsed.ok) return drop('bad-shape', `tiktok gift ${parsed.problem}`);
  const g = parsed.data;
  if (g.msgId === undefined) return drop('missing-id', 'tiktok gift without msgId');
  const sender = tiktokSender(g.user);
  // "TikTok sends a streak gift at least twice": steps with a cumulative count, then repeatEnd.
  const streakable = g.giftType === 1 || g.combo;
  const count = streakable ? Math.max(g.repeatCount, 1) : g.repeatCount || 1;
  if (g.coins * count > MAX_AMOUNT) {
    return drop('bad-number', `tiktok gift of ${g.coins} coins x ${count}`);
  }
  let key: string | undefined;
  if (streakable)
    key = keys ? keys.key(sender, g.giftId, g.groupId) : streakKey(sender, g.giftId, g.groupId);
  const gift: { id: string; name: string; coins: number; image?: string } = {
    id: g.giftId,
    name: g.giftName,
    coins: g.coins,
  };
  if (g.image !== undefined) gift.image = g.image;
  return emit({
    kind: 'gift',
    id: g.msgId,
    platform: 'tiktok',
    at: g.createTime ?? receivedAt,
    sender,
    value: giftPoints(scale, g.coins, count),
    combo: key === undefined ? null : { key, role: 'total' },
    final: streakable ? g.repeatEnd : true,
    gift,
    count,
  });
}

function mapSocial(
  kind: 'follow' | 'share' | 'like',
  data: unknown,
  receivedAt: number,
): MapResult {
  const base = parseTikTokBase(data);
  if (!base.ok) return drop('bad-shape', `tiktok ${kind} ${base.problem}`);
  const { msgId, createTime, user } = base.data;
  if (msgId === undefined) return drop('missing-id', `tiktok ${kind} without msgId`);
  const common = {
    id: msgId,
    platform: 'tiktok' as const,
    at: createTime ?? receivedAt,
    sender: tiktokSender(user),
    value: 0,
    combo: null,
    final: true,
  };
  if (kind !== 'like') return emit({ kind, ...common });
  const likes = parseLikeCount(data);
  if (!likes.ok) return drop('bad-number', `tiktok like ${likes.problem}`);
  return emit({ kind: 'like', ...common, count: likes.data ?? 1 });
}

/** Connector v1 reports follows and shares as `social` with a `displayType` naming which. */
function mapLegacySocial(data: unknown, receivedAt: number): MapResult {
  const displayType =
    typeof data === 'object' && data !== null && 'displayType' in data ? data.displayType : '';
  if (typeof displayType !== 'string') return ignore;
  if (displayType.includes('follow')) return mapSocial('follow', data, receivedAt);
  if (displayType.includes('share')) return mapSocial('share', data, receivedAt);
  return ignore;
}
