import { z } from 'zod';
import { amount, flag, idString, millis } from './wire';

/**
 * Raw TikTok LIVE payloads in the three shapes tiktok-live-connector has used (see the field table
 * in docs/feed-protocol.md): flat v1 (also TikFinity's `data`), nested 2.0-2.2, nested 2.3+.
 * Each schema normalises to one `TikTokWire` so the mapping in tiktok.ts has a single path.
 * Unknown fields are ignored; ids stay strings (they are 64-bit).
 */

export interface TikTokUserWire {
  userId: string;
  login: string;
  nickname: string;
  avatar: string | undefined;
}

export interface TikTokWire {
  msgId: string | undefined;
  createTime: number | undefined;
  user: TikTokUserWire;
}

export interface TikTokGiftWire extends TikTokWire {
  giftId: string;
  giftName: string;
  giftType: number;
  /** Connector 2.3+ also says `combo: true` for streakable gifts. */
  combo: boolean;
  coins: number;
  repeatCount: number;
  repeatEnd: boolean;
  groupId: string | undefined;
  image: string | undefined;
}

const text = z.string().max(2000);
const url = z.string().max(4096);
const urls = z.array(z.unknown()).transform((list) => list.find((u) => typeof u === 'string'));

const flatUser = z
  .object({
    userId: idString,
    uniqueId: text.optional(),
    nickname: text.optional(),
    profilePictureUrl: url.optional(),
  })
  .transform((u) => ({
    userId: u.userId,
    login: u.uniqueId ?? '',
    nickname: u.nickname ?? '',
    avatar: u.profilePictureUrl,
  }));

/** `user` of connector 2.0-2.2 (`userId`, `uniqueId`) or 2.3+ (`idStr`, `displayId`). */
const nestedUser = z
  .object({
    userId: idString.optional(),
    idStr: idString.optional(),
    uniqueId: text.optional(),
    displayId: text.optional(),
    nickname: text.optional(),
    profilePicture: z.object({ url: urls }).optional(),
    avatarThumb: z.object({ urlList: urls }).optional(),
  })
  .refine((u) => u.idStr !== undefined || u.userId !== undefined, 'user id is missing')
  .transform((u) => ({
    userId: u.idStr ?? u.userId ?? '',
    login: u.displayId ?? u.uniqueId ?? '',
    nickname: u.nickname ?? '',
    avatar: u.avatarThumb?.urlList ?? u.profilePicture?.url,
  }));

const common = z.object({ msgId: idString.optional(), createTime: millis.optional() });

/** Sender and message id of any TikTok event (follow, like, share, gift), any shape. */
export const tiktokBase = z.union([
  z
    .object({ common, user: nestedUser })
    .transform((p) => ({ msgId: p.common.msgId, createTime: p.common.createTime, user: p.user })),
  z
    .object({ msgId: idString.optional(), createTime: millis.optional() })
    .and(flatUser.transform((user) => ({ user })))
    .transform((p) => ({ msgId: p.msgId, createTime: p.createTime, user: p.user })),
]);

const streak = {
  giftId: idString,
  repeatCount: amount.optional(),
  repeatEnd: flag.optional(),
  groupId: idString.optional(),
};

export const flatGift = z
  .object({
    ...streak,
    msgId: idString.optional(),
    createTime: millis.optional(),
    giftType: amount,
    diamondCount: amount,
    giftName: text.optional(),
    giftPictureUrl: url.optional(),
  })
  .and(flatUser.transform((user) => ({ user })));

export const nested20Gift = z.object({
  ...streak,
  common,
  user: nestedUser,
  giftDetails: z.object({
    giftType: amount,
    diamondCount: amount,
    giftName: text.optional(),
    giftImage: z.object({ url: urls }).optional(),
  }),
});

export const nested23Gift = z.object({
  ...streak,
  common,
  user: nestedUser,
  gift: z.object({
    type: amount,
    combo: z.boolean().optional(),
    diamondCount: amount,
    name: text.optional(),
    image: z.object({ urlList: urls }).optional(),
  }),
});

type StreakFields = { giftId: string; repeatCount?: number; repeatEnd?: boolean; groupId?: string };

function streakOf(p: StreakFields) {
  return {
    giftId: p.giftId,
    repeatCount: p.repeatCount ?? 0,
    repeatEnd: p.repeatEnd ?? false,
    groupId: p.groupId,
  };
}

/** Picks the schema by the payload's structure, so a refusal names the field that is wrong. */
export function parseTikTokGift(raw: unknown): z.ZodSafeParseResult<TikTokGiftWire> {
  const has = (key: string) => typeof raw === 'object' && raw !== null && key in raw;
  if (has('gift')) {
    return nested23Gift
      .transform((p): TikTokGiftWire => ({
        ...streakOf(p),
        msgId: p.common.msgId,
        createTime: p.common.createTime,
        user: p.user,
        giftName: p.gift.name ?? '',
        giftType: p.gift.type,
        combo: p.gift.combo === true,
        coins: p.gift.diamondCount,
        image: p.gift.image?.urlList,
      }))
      .safeParse(raw);
  }
  if (has('giftDetails')) {
    return nested20Gift
      .transform((p): TikTokGiftWire => ({
        ...streakOf(p),
        msgId: p.common.msgId,
        createTime: p.common.createTime,
        user: p.user,
        giftName: p.giftDetails.giftName ?? '',
        giftType: p.giftDetails.giftType,
        combo: false,
        coins: p.giftDetails.diamondCount,
        image: p.giftDetails.giftImage?.url,
      }))
      .safeParse(raw);
  }
  return flatGift
    .transform((p): TikTokGiftWire => ({
      ...streakOf(p),
      msgId: p.msgId,
      createTime: p.createTime,
      user: p.user,
      giftName: p.giftName ?? '',
      giftType: p.giftType,
      combo: false,
      coins: p.diamondCount,
      image: p.giftPictureUrl,
    }))
    .safeParse(raw);
}

/** Likes carry how many taps this message stands for. */
export const likeCount = z.object({ likeCount: amount.optional() });
