import type { z } from 'zod/mini';
import {
  firstString,
  flatGift,
  flatUserWire,
  hasUserId,
  likeCount,
  nested20Gift,
  nested23Gift,
  nestedUserWire,
  streakWire,
  TEXT_MAX,
  tiktokBase,
  URL_MAX,
  type TikTokGiftWire,
  type TikTokUserWire,
  type TikTokWire,
} from './tiktok.external';
import { describeIssues } from './wire';
import {
  INVALID,
  isRecord,
  optional,
  readAmount,
  readFlag,
  readId,
  readMillis,
  readText,
  type Read,
} from './wireRead';

/**
 * TikTok payloads read once: the shape is picked by a structural look, a plain reader takes a good
 * payload (every gift of a live stream), and only a payload it refuses goes through the zod schema
 * of tiktok.external.ts, which refuses it too and names the field. test/unit/feeds/readers.test.ts
 * holds each reader to its schema.
 */

export type Parsed<T> = { ok: true; data: T } | { ok: false; problem: string };

function viaSchema<T>(schema: z.ZodMiniType<T>, raw: unknown): Parsed<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, problem: describeIssues(parsed.error) };
}

function parsed<T>(read: Read<T>, schema: z.ZodMiniType<T>, raw: unknown): Parsed<T> {
  return read === INVALID ? viaSchema(schema, raw) : { ok: true, data: read };
}

/** A gift in any of the three shapes, picked by its structure. */
export function parseTikTokGift(raw: unknown): Parsed<TikTokGiftWire> {
  return parsed(readTikTokGift(raw), giftSchemaFor(raw), raw);
}

function giftSchemaFor(raw: unknown): z.ZodMiniType<TikTokGiftWire> {
  if (isRecord(raw) && 'gift' in raw) return nested23Gift;
  return isRecord(raw) && 'giftDetails' in raw ? nested20Gift : flatGift;
}

/** The fast path alone: the gift, or INVALID for anything its schema would refuse. */
export function readTikTokGift(raw: unknown): Read<TikTokGiftWire> {
  if (isRecord(raw) && 'gift' in raw) return readNested23Gift(raw);
  return isRecord(raw) && 'giftDetails' in raw ? readNested20Gift(raw) : readFlatGift(raw);
}

/** Sender and message id of any TikTok event; like the schema's union, nested wins over flat. */
export function parseTikTokBase(raw: unknown): Parsed<TikTokWire> {
  return parsed(readTikTokBase(raw), tiktokBase, raw);
}

export function readTikTokBase(raw: unknown): Read<TikTokWire> {
  const nested = readNestedBase(raw);
  return nested === INVALID ? readFlatBase(raw) : nested;
}

/** How many taps a like stands for (undefined: one). */
export function parseLikeCount(raw: unknown): Parsed<number | undefined> {
  const count = isRecord(raw) ? optional(raw.likeCount, readAmount) : INVALID;
  if (count !== INVALID) return { ok: true, data: count };
  const slow = viaSchema(likeCount, raw);
  return slow.ok ? { ok: true, data: slow.data.likeCount } : slow;
}

const readString = (value: unknown) => readText(value, TEXT_MAX);
const readUrl = (value: unknown) => readText(value, URL_MAX);
const readUrls = (value: unknown) => (Array.isArray(value) ? firstString(value) : INVALID);

/** `{ [key]: urls }`, optional (profilePicture.url, avatarThumb.urlList, gift images). */
function readPicture(value: unknown, key: string): Read<{ url: string | undefined } | undefined> {
  if (value === undefined) return undefined;
  const url = isRecord(value) ? readUrls(value[key]) : INVALID;
  return url === INVALID ? INVALID : { url };
}

function readFlatUser(raw: Record<string, unknown>): Read<TikTokUserWire> {
  const userId = readId(raw.userId);
  const uniqueId = optional(raw.uniqueId, readString);
  const nickname = optional(raw.nickname, readString);
  const profilePictureUrl = optional(raw.profilePictureUrl, readUrl);
  if (userId === INVALID || uniqueId === INVALID || nickname === INVALID) return INVALID;
  if (profilePictureUrl === INVALID) return INVALID;
  return flatUserWire({ userId, uniqueId, nickname, profilePictureUrl });
}

function readNestedUser(value: unknown): Read<TikTokUserWire> {
  if (!isRecord(value)) return INVALID;
  const userId = optional(value.userId, readId);
  const idStr = optional(value.idStr, readId);
  const uniqueId = optional(value.uniqueId, readString);
  const displayId = optional(value.displayId, readString);
  const nickname = optional(value.nickname, readString);
  const picture = readPicture(value.profilePicture, 'url');
  const thumb = readPicture(value.avatarThumb, 'urlList');
  if (userId === INVALID || idStr === INVALID || uniqueId === INVALID) return INVALID;
  if (displayId === INVALID || nickname === INVALID || picture === INVALID) return INVALID;
  if (thumb === INVALID) return INVALID;
  const avatarThumb = thumb && { urlList: thumb.url };
  const user = {
    userId,
    idStr,
    uniqueId,
    displayId,
    nickname,
    profilePicture: picture,
    avatarThumb,
  };
  return hasUserId(user) ? nestedUserWire(user) : INVALID;
}

type Common = { msgId: string | undefined; createTime: number | undefined };

function readCommon(value: unknown): Read<Common> {
  if (!isRecord(value)) return INVALID;
  const msgId = optional(value.msgId, readId);
  const createTime = optional(value.createTime, readMillis);
  return msgId === INVALID || createTime === INVALID ? INVALID : { msgId, createTime };
}

function readNestedBase(raw: unknown): Read<TikTokWire> {
  if (!isRecord(raw)) return INVALID;
  const common = readCommon(raw.common);
  const user = readNestedUser(raw.user);
  return common === INVALID || user === INVALID
    ? INVALID
    : { msgId: common.msgId, createTime: common.createTime, user };
}

function readFlatBase(raw: unknown): Read<TikTokWire> {
  if (!isRecord(raw)) return INVALID;
  const common = readCommon(raw);
  const user = readFlatUser(raw);
  return common === INVALID || user === INVALID
    ? INVALID
    : { msgId: common.msgId, createTime: common.createTime, user };
}

/** giftId, repeatCount, repeatEnd, groupId: the same in every shape. */
function readStreak(raw: Record<string, unknown>) {
  const giftId = readId(raw.giftId);
  const repeatCount = optional(raw.repeatCount, readAmount);
  const repeatEnd = optional(raw.repeatEnd, readFlag);
  const groupId = optional(raw.groupId, readId);
  if (giftId === INVALID || repeatCount === INVALID || repeatEnd === INVALID) return INVALID;
  return groupId === INVALID ? INVALID : streakWire({ giftId, repeatCount, repeatEnd, groupId });
}

/** One literal (no spreads: V8 copies spread objects slowly, and this runs for every gift). */
function gift(
  streak: ReturnType<typeof streakWire>,
  base: TikTokWire,
  giftName: string | undefined,
  giftType: number,
  combo: boolean,
  coins: number,
  image: string | undefined,
): TikTokGiftWire {
  return {
    giftId: streak.giftId,
    repeatCount: streak.repeatCount,
    repeatEnd: streak.repeatEnd,
    groupId: streak.groupId,
    msgId: base.msgId,
    createTime: base.createTime,
    user: base.user,
    giftName: giftName ?? '',
    giftType,
    combo,
    coins,
    image,
  };
}

function readFlatGift(raw: unknown): Read<TikTokGiftWire> {
  const base = readFlatBase(raw);
  if (base === INVALID || !isRecord(raw)) return INVALID;
  const streak = readStreak(raw);
  const giftType = readAmount(raw.giftType);
  const coins = readAmount(raw.diamondCount);
  const giftName = optional(raw.giftName, readString);
  const image = optional(raw.giftPictureUrl, readUrl);
  if (streak === INVALID || giftType === INVALID || coins === INVALID) return INVALID;
  if (giftName === INVALID || image === INVALID) return INVALID;
  return gift(streak, base, giftName, giftType, false, coins, image);
}

function readNested20Gift(raw: Record<string, unknown>): Read<TikTokGiftWire> {
  const base = readNestedBase(raw);
  const streak = readStreak(raw);
  const d = raw.giftDetails;
  if (base === INVALID || streak === INVALID || !isRecord(d)) return INVALID;
  const giftType = readAmount(d.giftType);
  const coins = readAmount(d.diamondCount);
  const giftName = optional(d.giftName, readString);
  const image = readPicture(d.giftImage, 'url');
  if (giftType === INVALID || coins === INVALID || giftName === INVALID) return INVALID;
  if (image === INVALID) return INVALID;
  return gift(streak, base, giftName, giftType, false, coins, image?.url);
}

function readNested23Gift(raw: Record<string, unknown>): Read<TikTokGiftWire> {
  const base = readNestedBase(raw);
  const streak = readStreak(raw);
  const g = raw.gift;
  if (base === INVALID || streak === INVALID || !isRecord(g)) return INVALID;
  const giftType = readAmount(g.type);
  const combo = optional(g.combo, (v) => (typeof v === 'boolean' ? v : INVALID));
  const coins = readAmount(g.diamondCount);
  const giftName = optional(g.name, readString);
  const image = readPicture(g.image, 'urlList');
  if (giftType === INVALID || combo === INVALID || coins === INVALID) return INVALID;
  if (giftName === INVALID || image === INVALID) return INVALID;
  return gift(streak, base, giftName, giftType, combo === true, coins, image?.url);
}
