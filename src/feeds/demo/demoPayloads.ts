import type { DemoGift, DemoGifter } from './demoCast';

/**
 * The demo's frames in the exact shape tiktok-live-connector v1 gives TikFinity (its converter's
 * every key: the compatibility object `gift`, `monitorExtra`, `userDetails`, `followInfo`, the gift
 * list entry `extendedGiftInfo`), so the demo goes through the real path.
 * test/unit/feeds/demoFrames.test.ts holds these to frames the connector's own code makes from the
 * same values. No picture URLs: the demo never fetches from the web (the connector then leaves the
 * gift picture out and says `null` for the avatar, as it does for a viewer without one).
 */

const STREAMER_ID = '7087613897129493510';

export interface DemoGiftValues {
  msgId: string;
  createTime: number;
  repeatCount: number;
  repeatEnd: boolean;
  groupId: string;
}

function userFields(gifter: DemoGifter) {
  return {
    userId: gifter.userId,
    secUid: `MS4wLjABAAAA${gifter.userId.slice(0, 8)}`,
    uniqueId: gifter.uniqueId,
    nickname: gifter.nickname,
    profilePictureUrl: null,
    followRole: 0,
    userBadges: [],
    userSceneTypes: [],
    userDetails: { createTime: '0', bioDescription: '', profilePictureUrls: [] },
    followInfo: { followingCount: 120, followerCount: 80, followStatus: 0, pushStatus: 0 },
    isModerator: false,
    isNewGifter: false,
    isSubscriber: false,
    topGifterRank: null,
    gifterLevel: 0,
    teamMemberLevel: 0,
  };
}

/** `monitorExtra`'s 64-bit numbers lose digits in the connector's JSON.parse, as they do here. */
const approx = (id: string) => Number(id);

export function demoGiftData(
  gifter: DemoGifter,
  gift: DemoGift,
  v: DemoGiftValues,
): Record<string, unknown> {
  const type = gift.streakable ? 1 : 2;
  const id = Number(gift.id);
  return {
    giftId: id,
    repeatCount: v.repeatCount,
    repeatEnd: v.repeatEnd,
    groupId: v.groupId,
    monitorExtra: {
      anchor_id: approx(STREAMER_ID),
      from_idc: 'maliva',
      from_user_id: approx(gifter.userId),
      gift_id: id,
      gift_type: type,
      log_id: `${v.createTime}0000${v.msgId.slice(0, 8)}`,
      msg_id: approx(v.msgId),
      repeat_count: v.repeatCount,
      repeat_end: v.repeatEnd ? 1 : 0,
      room_id: 7137728632142843000,
      send_gift_profit_core_start_ms: 0,
      send_gift_send_message_success_ms: v.createTime,
      to_user_id: approx(STREAMER_ID),
    },
    ...userFields(gifter),
    msgId: v.msgId,
    createTime: String(v.createTime),
    displayType: 'webcast_aweme_gift_send_message',
    label: '{0:user} sent {1:gift} {2:string}',
    gift: {
      gift_id: id,
      repeat_count: v.repeatCount,
      repeat_end: v.repeatEnd ? 1 : 0,
      gift_type: type,
    },
    describe: `sent ${gift.name}`,
    giftType: type,
    diamondCount: gift.coins,
    giftName: gift.name,
    timestamp: v.createTime,
    receiverUserId: STREAMER_ID,
    extendedGiftInfo: {
      id,
      name: gift.name,
      diamond_count: gift.coins,
      type,
      combo: gift.streakable,
      describe: `sent ${gift.name}`,
      duration: 1000,
      image: { url_list: [], uri: `webcast-va/${gift.id}` },
      icon: { url_list: [] },
    },
  };
}

/** A follow: the connector's social message, emitted under the event name `follow`. */
export function demoFollowData(
  gifter: DemoGifter,
  msgId: string,
  createTime: number,
): Record<string, unknown> {
  return {
    ...userFields(gifter),
    msgId,
    createTime: String(createTime),
    displayType: 'pm_main_follow_message_viewer_2',
    label: '{0:user} followed the host',
  };
}
