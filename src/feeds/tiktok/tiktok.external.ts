import { z } from 'zod/mini';
import { amount, flag, idString, millis } from '../../wire/fields';

/**
 * The one reader of a TikTok event's `data`, whatever produced it. Each field is read where the
 * producers we know put it, in this order: tiktok-live-connector v1's flat object (TikFinity's
 * `data`, which also carries v1's compatibility object `gift: {gift_id, repeat_count, repeat_end,
 * gift_type}` and, from TikTok's gift list, `extendedGiftInfo`), the connector's 2.0-2.2
 * `giftDetails`, its 2.3+ `gift`/`user`/`common`, and services that put the sender under `user`
 * beside flat gift fields. No key picks a "shape": a field is simply looked for in each place.
 *
 * Reading never fails: a field of the wrong type reads as absent (`lenient`), so a field Giftglow
 * does not use can never decide anything. Whether what was read is enough is the mapping's call
 * (mapTikTok.ts): only a missing essential drops a gift. Ids stay strings (they are 64-bit).
 */

/** A value of the wrong type reads as absent: the mapping decides what absence costs. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
/** A field judged later (a count, a name, a picture): taken as it is. */
const raw = z.optional(z.unknown());
/** A list of picture URLs (`url`, `urls`, `urlList`, `url_list`): judged later, first one wins. */
const pictureList = lenient(z.array(z.unknown()));

/** The sender's fields beside the event's own (v1). */
const flatUser = {
  userId: lenient(idString),
  uniqueId: lenient(z.string()),
  nickname: raw,
  profilePictureUrl: raw,
};

/** `user` of the connector's 2.0-2.2 (`userId`, `uniqueId`), 2.3+ (`id`/`idStr`, `displayId`). */
const nestedUser = z.object({
  ...flatUser,
  id: lenient(idString),
  idStr: lenient(idString),
  displayId: lenient(z.string()),
  profilePicture: lenient(z.object({ url: pictureList, urls: pictureList })),
  avatarThumb: lenient(z.object({ urlList: pictureList, url_list: pictureList })),
});

const giftKind = {
  diamondCount: lenient(amount),
  diamond_count: lenient(amount),
  name: raw,
  type: lenient(amount),
  combo: lenient(z.boolean()),
};

/** The places a field may be, each read only when the places before it lacked the field. */
const places = {
  common: z.object({ msgId: lenient(idString), createTime: lenient(millis) }),
  user: nestedUser,
  /** v1's compatibility object, or 2.3+'s gift. */
  gift: z.object({
    gift_id: lenient(idString),
    repeat_count: raw,
    repeat_end: lenient(flag),
    gift_type: lenient(amount),
    id: lenient(idString),
    ...giftKind,
    image: lenient(z.object({ urlList: pictureList, url_list: pictureList })),
  }),
  giftDetails: z.object({
    giftType: lenient(amount),
    diamondCount: lenient(amount),
    giftName: raw,
    giftImage: lenient(z.object({ url: pictureList, giftPictureUrl: raw })),
  }),
  /** The entry of TikTok's gift list that the connector attaches (`enableExtendedGiftInfo`). */
  extendedGiftInfo: z.object({
    id: lenient(idString),
    ...giftKind,
    image: lenient(z.object({ url_list: pictureList })),
  }),
};

/** The event's own typed fields (v1 flat, and the flat fields 2.x keeps). */
const own = {
  msgId: idString,
  createTime: millis,
  userId: idString,
  uniqueId: z.string(),
  giftId: idString,
  repeatEnd: flag,
  groupId: idString,
  giftType: amount,
  diamondCount: amount,
};
type Own = typeof own;

const each = <W>(wrap: (schema: z.ZodMiniType) => W) =>
  Object.fromEntries(Object.entries(own).map(([name, schema]) => [name, wrap(schema)]));

/**
 * The typed fields, read two ways: `exact` takes a frame whose fields all have their types (every
 * real frame, read without a refusal-catching wrapper per field), and `tolerant`, only for a frame
 * `exact` refused, reads a field of the wrong type as absent, so it never decides anything.
 */
const exact = z.object(each(z.optional) as { [K in keyof Own]: z.ZodMiniOptional<Own[K]> });
const tolerant = z.object(
  each(lenient) as { [K in keyof Own]: z.ZodMiniCatch<z.ZodMiniOptional<Own[K]>> },
);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A place, read when first asked for: its fields, or undefined when it is missing or no object. */
function place<T>(schema: z.ZodMiniType<T>, value: unknown): () => T | undefined {
  let read: { value: T | undefined } | undefined;
  return () => {
    if (!read) {
      const parsed = value === undefined ? undefined : schema.safeParse(value);
      read = { value: parsed?.success ? parsed.data : undefined };
    }
    return read.value;
  };
}

/** What a TikTok event says, each field taken from the first place that had it. */
export interface TikTokRead {
  msgId: string | undefined;
  createTime: number | undefined;
  /** The platform user id. */
  userId: string | undefined;
  /** The handle (`@name`). */
  handle: string | undefined;
  /** Display name, as sent (judged when mapped: a name is cosmetic). */
  nickname: unknown;
  /** Avatar URL, as sent (cosmetic). */
  avatar: unknown;
  giftId: string | undefined;
  /** Count as sent: cumulative within a streak; an essential, judged when mapped. */
  count: unknown;
  repeatEnd: boolean | undefined;
  groupId: string | undefined;
  /** 1: streakable. Undefined when no producer said. */
  giftType: number | undefined;
  /** 2.3+ and the gift list say `combo: true` for streakable gifts (read when no type is). */
  combo: boolean | undefined;
  /** Coin price of one gift. */
  coins: number | undefined;
  giftName: unknown;
  giftImage: unknown;
  likeCount: unknown;
  /** The room's total likes after a like event, as sent. */
  totalLikes: unknown;
  /** Months of a LIVE subscription, as sent (v1 a number, 2.x a decimal string). */
  subMonths: unknown;
}

/**
 * Reads one event's `data`; never fails (anything but an object reads as an empty one). The fields
 * judged later (names, pictures, counts) and the other places are taken as they are; only the typed
 * fields go through zod.
 */
export function readTikTok(data: unknown): TikTokRead {
  const input = isRecord(data) ? data : {};
  const read = exact.safeParse(input);
  const d = read.success ? read.data : tolerant.parse(input);
  const common = place(places.common, input.common);
  const user = place(places.user, input.user);
  const gift = place(places.gift, input.gift);
  const details = place(places.giftDetails, input.giftDetails);
  const listed = place(places.extendedGiftInfo, input.extendedGiftInfo);
  const giftType =
    d.giftType ?? gift()?.gift_type ?? details()?.giftType ?? gift()?.type ?? listed()?.type;
  return {
    msgId: d.msgId ?? common()?.msgId,
    createTime: d.createTime ?? common()?.createTime,
    userId: d.userId ?? user()?.userId ?? user()?.idStr ?? user()?.id,
    handle: d.uniqueId ?? user()?.uniqueId ?? user()?.displayId,
    nickname: input.nickname ?? user()?.nickname,
    avatar:
      input.profilePictureUrl ??
      user()?.profilePictureUrl ??
      user()?.profilePicture?.url?.[0] ??
      user()?.profilePicture?.urls?.[0] ??
      user()?.avatarThumb?.urlList?.[0] ??
      user()?.avatarThumb?.url_list?.[0],
    giftId: d.giftId ?? gift()?.gift_id ?? gift()?.id ?? listed()?.id,
    count: input.repeatCount ?? gift()?.repeat_count,
    repeatEnd: d.repeatEnd ?? gift()?.repeat_end,
    groupId: d.groupId,
    giftType,
    combo: giftType === undefined ? (gift()?.combo ?? listed()?.combo) : undefined,
    coins:
      d.diamondCount ??
      details()?.diamondCount ??
      gift()?.diamondCount ??
      gift()?.diamond_count ??
      listed()?.diamond_count,
    giftName: input.giftName ?? details()?.giftName ?? gift()?.name ?? listed()?.name,
    giftImage:
      input.giftPictureUrl ??
      details()?.giftImage?.giftPictureUrl ??
      details()?.giftImage?.url?.[0] ??
      gift()?.image?.urlList?.[0] ??
      gift()?.image?.url_list?.[0] ??
      listed()?.image?.url_list?.[0],
    // v1 (TikFinity) says likeCount; 2.x's WebcastLikeMessage says count (its total is `total`).
    likeCount: input.likeCount ?? input.count,
    // v1 says totalLikeCount; 2.5's WebcastLikeMessage says total (a decimal string).
    totalLikes: input.totalLikeCount ?? input.total,
    subMonths: input.subMonth,
  };
}
