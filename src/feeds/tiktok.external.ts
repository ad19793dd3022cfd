import { z } from 'zod/mini';
import { amount, flag, idString, millis } from './wire';

/**
 * Raw TikTok LIVE payloads in the three shapes tiktok-live-connector has used (see the field table
 * in docs/feed-protocol.md): flat v1 (also TikFinity's `data`), nested 2.0-2.2, nested 2.3+.
 * Each schema normalises to one `TikTokWire` so the mapping in tiktok.ts has a single path.
 * Unknown fields are ignored; ids stay strings (they are 64-bit). tiktokParse.ts reads the same
 * shapes without zod first; these schemas are the rule it follows and the voice of a refusal.
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

export const TEXT_MAX = 2000;
export const URL_MAX = 4096;
const text = z.optional(z.string().check(z.maxLength(TEXT_MAX)));
const url = z.optional(z.string().check(z.maxLength(URL_MAX)));
/** A picture's URL list: the first string in it. */
export const firstString = (list: unknown[]) =>
  list.find((u) => typeof u === 'string') as string | undefined;
const urls = z.pipe(z.array(z.unknown()), z.transform(firstString));

/** Flat v1 user fields sit beside the event's own fields. */
const flatUserFields = {
  userId: idString,
  uniqueId: text,
  nickname: text,
  profilePictureUrl: url,
};
export type FlatUserFields = {
  userId: string;
  uniqueId?: string;
  nickname?: string;
  profilePictureUrl?: string;
};

export const flatUserWire = (u: FlatUserFields): TikTokUserWire => ({
  userId: u.userId,
  login: u.uniqueId ?? '',
  nickname: u.nickname ?? '',
  avatar: u.profilePictureUrl,
});

/** `user` of connector 2.0-2.2 (`userId`, `uniqueId`) or 2.3+ (`idStr`, `displayId`). */
export interface NestedUserFields {
  userId?: string;
  idStr?: string;
  uniqueId?: string;
  displayId?: string;
  nickname?: string;
  profilePicture?: { url: string | undefined };
  avatarThumb?: { urlList: string | undefined };
}

export const NO_USER_ID = 'user id is missing';
export const hasUserId = (u: NestedUserFields) => u.idStr !== undefined || u.userId !== undefined;

export const nestedUserWire = (u: NestedUserFields): TikTokUserWire => ({
  userId: u.idStr ?? u.userId ?? '',
  login: u.displayId ?? u.uniqueId ?? '',
  nickname: u.nickname ?? '',
  avatar: u.avatarThumb?.urlList ?? u.profilePicture?.url,
});

const nestedUser = z.pipe(
  z
    .object({
      userId: z.optional(idString),
      idStr: z.optional(idString),
      uniqueId: text,
      displayId: text,
      nickname: text,
      profilePicture: z.optional(z.object({ url: urls })),
      avatarThumb: z.optional(z.object({ urlList: urls })),
    })
    .check(z.refine(hasUserId, NO_USER_ID)),
  z.transform(nestedUserWire),
);

const common = z.object({ msgId: z.optional(idString), createTime: z.optional(millis) });

/** Sender and message id of any TikTok event (follow, like, share, gift): nested first, then flat. */
export const tiktokBase = z.union([
  z.pipe(
    z.object({ common, user: nestedUser }),
    z.transform((p): TikTokWire => ({
      msgId: p.common.msgId,
      createTime: p.common.createTime,
      user: p.user,
    })),
  ),
  z.pipe(
    z.object({ msgId: z.optional(idString), createTime: z.optional(millis), ...flatUserFields }),
    z.transform((p): TikTokWire => ({
      msgId: p.msgId,
      createTime: p.createTime,
      user: flatUserWire(p),
    })),
  ),
]);

const streak = {
  giftId: idString,
  repeatCount: z.optional(amount),
  repeatEnd: z.optional(flag),
  groupId: z.optional(idString),
};
export type StreakFields = {
  giftId: string;
  repeatCount?: number;
  repeatEnd?: boolean;
  groupId?: string;
};

export const streakWire = (p: StreakFields) => ({
  giftId: p.giftId,
  repeatCount: p.repeatCount ?? 0,
  repeatEnd: p.repeatEnd ?? false,
  groupId: p.groupId,
});

export const flatGift = z.pipe(
  z.object({
    ...streak,
    ...flatUserFields,
    msgId: z.optional(idString),
    createTime: z.optional(millis),
    giftType: amount,
    diamondCount: amount,
    giftName: text,
    giftPictureUrl: url,
  }),
  z.transform((p): TikTokGiftWire => ({
    ...streakWire(p),
    msgId: p.msgId,
    createTime: p.createTime,
    user: flatUserWire(p),
    giftName: p.giftName ?? '',
    giftType: p.giftType,
    combo: false,
    coins: p.diamondCount,
    image: p.giftPictureUrl,
  })),
);

export const nested20Gift = z.pipe(
  z.object({
    ...streak,
    common,
    user: nestedUser,
    giftDetails: z.object({
      giftType: amount,
      diamondCount: amount,
      giftName: text,
      giftImage: z.optional(z.object({ url: urls })),
    }),
  }),
  z.transform((p): TikTokGiftWire => ({
    ...streakWire(p),
    msgId: p.common.msgId,
    createTime: p.common.createTime,
    user: p.user,
    giftName: p.giftDetails.giftName ?? '',
    giftType: p.giftDetails.giftType,
    combo: false,
    coins: p.giftDetails.diamondCount,
    image: p.giftDetails.giftImage?.url,
  })),
);

export const nested23Gift = z.pipe(
  z.object({
    ...streak,
    common,
    user: nestedUser,
    gift: z.object({
      type: amount,
      combo: z.optional(z.boolean()),
      diamondCount: amount,
      name: text,
      image: z.optional(z.object({ urlList: urls })),
    }),
  }),
  z.transform((p): TikTokGiftWire => ({
    ...streakWire(p),
    msgId: p.common.msgId,
    createTime: p.common.createTime,
    user: p.user,
    giftName: p.gift.name ?? '',
    giftType: p.gift.type,
    combo: p.gift.combo === true,
    coins: p.gift.diamondCount,
    image: p.gift.image?.urlList,
  })),
);

/** Likes carry how many taps this message stands for. */
export const likeCount = z.object({ likeCount: z.optional(amount) });
