import { gzipSync } from 'node:zlib';
import {
  BaseProtoMessage,
  CommonMessageData,
  ControlAction,
  Gift,
  ImageModel,
  MessageCommonText,
  ProtoMessageFetchResult,
  User,
  WebcastControlMessage,
  WebcastGiftMessage,
  WebcastLikeMessage,
  WebcastSocialMessage,
  WebcastSubNotifyMessage,
  createBaseWebcastPushFrame,
} from 'tiktok-live-connector';
import { ROSE, ZERODY, type GiftKind, type Viewer } from '../fixtures/feeds/tiktok/connector';

/**
 * TikTok LIVE messages as TikTok sends them to tiktok-live-connector 2.5, made with the library's
 * own protobuf encoders (tiktok-live-proto/v3, which it re-exports): nothing here is shaped by
 * hand past the fields TikTok fills. A builder returns a draft; the fake stamps each draft with a
 * unique msgId and a createTime when it sends it (test/servers/fakeTikTok.ts).
 */

/** What the fake stamps on every message it sends. */
export interface Stamp {
  msgId: string;
  roomId: string;
  createTime: number;
}

export interface Draft {
  /** The protobuf type name, which the library looks up to decode the payload. */
  method: string;
  encode(stamp: Stamp): Uint8Array;
}

// The encoders need complete objects (no fromPartial): decoding nothing gives one with defaults.
const blank = <T>(type: { decode(bytes: Uint8Array): T }): T => type.decode(new Uint8Array(0));

function common(method: string, stamp: Stamp, displayKey?: string): CommonMessageData {
  return {
    ...blank(CommonMessageData),
    method,
    msgId: stamp.msgId,
    roomId: stamp.roomId,
    createTime: String(stamp.createTime),
    isShowMsg: true,
    // The library tells a follow from a share by this key alone (processDecodedData).
    displayText: displayKey ? { ...blank(MessageCommonText), key: displayKey } : undefined,
  };
}

function user(viewer: Viewer): User {
  return {
    ...blank(User),
    id: viewer.userId,
    idStr: viewer.userId,
    displayId: viewer.uniqueId,
    nickname: viewer.nickname,
    secUid: `MS4wLjABAAAA${viewer.userId.slice(0, 8)}`,
    avatarThumb: { ...blank(ImageModel), urlList: viewer.pictures ?? [] },
  };
}

/** A message type of the library's bindings: every Webcast message starts with `common`. */
interface MessageType<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

function draft<T extends { common: CommonMessageData | undefined }>(
  method: string,
  type: MessageType<T>,
  fields: Partial<T>,
  displayKey?: string,
): Draft {
  return {
    method,
    encode: (stamp) =>
      type
        .encode({ ...blank(type), common: common(method, stamp, displayKey), ...fields })
        .finish(),
  };
}

export interface GiftDraft {
  gift?: GiftKind;
  from?: Viewer;
  /** Cumulative count of the streak so far (1 for a gift sent once). */
  repeatCount?: number;
  repeatEnd?: boolean;
  groupId?: string;
}

/** One WebcastGiftMessage: a gift, or one step of a streak of a streakable (type 1) gift. */
export function gift(options: GiftDraft = {}): Draft {
  const kind = options.gift ?? ROSE;
  const repeatCount = options.repeatCount ?? 1;
  return draft('WebcastGiftMessage', WebcastGiftMessage, {
    giftId: String(kind.id),
    repeatCount,
    comboCount: repeatCount,
    repeatEnd: options.repeatEnd ? 1 : 0,
    groupId: options.groupId ?? '1661887131074',
    user: user(options.from ?? ZERODY),
    gift: {
      ...blank(Gift),
      id: String(kind.id),
      name: kind.name,
      describe: `sent ${kind.name}`,
      type: kind.type,
      combo: kind.type === 1,
      diamondCount: kind.coins,
      image: { ...blank(ImageModel), urlList: [kind.image] },
    },
  });
}

/** One WebcastLikeMessage: `count` taps now, `total` on the LIVE so far. */
export const like = (count: number, total: number, from: Viewer = ZERODY): Draft =>
  draft(
    'WebcastLikeMessage',
    WebcastLikeMessage,
    { user: user(from), count, total: String(total) },
    'pm_mt_msg_viewer',
  );

/** A WebcastSocialMessage the library emits as `follow`. */
export const follow = (from: Viewer = ZERODY): Draft =>
  draft(
    'WebcastSocialMessage',
    WebcastSocialMessage,
    { user: user(from) },
    'pm_main_follow_message_viewer_2',
  );

/** A WebcastSocialMessage the library emits as `share`. */
export const share = (from: Viewer = ZERODY): Draft =>
  draft('WebcastSocialMessage', WebcastSocialMessage, { user: user(from) }, 'pm_mt_guidance_share');

/** A LIVE subscription: WebcastSubNotifyMessage, which the library emits as `subNotify`. */
export const subNotify = (subMonth = 1, from: Viewer = ZERODY): Draft =>
  draft(
    'WebcastSubNotifyMessage',
    WebcastSubNotifyMessage,
    { user: user(from), subMonth: String(subMonth) },
    'pm_mt_sub_msg',
  );

/** The streamer ended the LIVE: the library emits `streamEnd` and disconnects. */
export const streamEnd = (): Draft =>
  draft('WebcastControlMessage', WebcastControlMessage, {
    action: ControlAction.CONTROL_ACTION_STREAM_ENDED,
  });

export interface Batch {
  messages: Array<{ method: string; msgId: string; payload: Uint8Array }>;
  cursor: string;
  internalExt: string;
  now: number;
  /** Set in the sign server's answer: where the library opens its socket. */
  pushServer?: string;
  routeParams?: Record<string, string>;
}

/** A ProtoMessageFetchResult: the sign server's answer body, and what a push frame carries. */
export function fetchResult(batch: Batch): Uint8Array {
  return ProtoMessageFetchResult.encode({
    ...blank(ProtoMessageFetchResult),
    messages: batch.messages.map((m) => ({
      ...blank(BaseProtoMessage),
      method: m.method,
      msgId: m.msgId,
      payload: Buffer.from(m.payload),
    })),
    cursor: batch.cursor,
    internalExt: batch.internalExt,
    now: String(batch.now),
    fetchInterval: '1000',
    // As TikTok does: the library answers with an ack frame carrying internalExt.
    needAck: true,
    pushServer: batch.pushServer ?? '',
    routeParams: batch.routeParams ?? {},
  }).finish();
}

/** A WebcastPushFrame of type `msg` with the gzip'd batch, as TikTok's push socket sends it. */
export function pushFrame(logId: string, batch: Batch): Uint8Array {
  return createBaseWebcastPushFrame({
    logId,
    payloadType: 'msg',
    payload: gzipSync(fetchResult(batch)),
  }).finish();
}
