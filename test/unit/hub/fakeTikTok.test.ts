import EulerStreamApiClient from 'tiktok-live-api-sdk';
import {
  ConnectTimeoutError,
  ControlEvent,
  PremiumFeatureError,
  SchemaDecodeError,
  SignAPIError,
  SignatureRateLimitError,
  TikTokLiveConnection,
  WebcastEvent,
} from 'tiktok-live-connector';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LION, ROSE, ZERODY } from '../../fixtures/feeds/tiktok/connector';
import { startFakeTikTok, type FakeTikTok } from '../../servers/fakeTikTok';
import { follow, gift, like, share, streamEnd, subNotify } from '../../servers/tiktokMessages';

/**
 * The real tiktok-live-connector 2.5 against the local fake of TikTok (its sign server and push
 * socket): what it emits, and how it fails. Groundwork for the hub connecting to TikTok LIVE
 * itself (issue 22). The sign server is chosen per connection with the library's own option
 * `eulerApiInstance`: SIGN_API_URL is read once, when the library is first imported, and the
 * client made from it is shared by every connection in the process.
 */

const NOW = 1_700_000_000_000;
const EVENTS = [
  ControlEvent.CONNECTED,
  ControlEvent.DISCONNECTED,
  ControlEvent.ERROR,
  WebcastEvent.GIFT,
  WebcastEvent.LIKE,
  WebcastEvent.FOLLOW,
  WebcastEvent.SHARE,
  WebcastEvent.SOCIAL,
  WebcastEvent.SUB_NOTIFY,
  WebcastEvent.STREAM_END,
] as const;
/** An event as the library emitted it: its name (`gift`, `disconnected`...) and its data. */
type Seen = { event: string; data: Record<string, any> };

let fake: FakeTikTok;
const live: TikTokLiveConnection[] = [];

beforeEach(async () => {
  fake = await startFakeTikTok({ now: () => NOW });
});

afterEach(async () => {
  // disconnect() also stops the library's 10 s heartbeat interval.
  for (const connection of live.splice(0)) await connection.disconnect();
  await fake.close();
});

function tiktok() {
  const connection = new TikTokLiveConnection('giftglowtest', {
    fetchRoomInfoOnConnect: false,
    eulerApiInstance: new EulerStreamApiClient({ basePath: fake.signUrl }),
  });
  live.push(connection);
  const seen: Seen[] = [];
  for (const event of EVENTS) {
    connection.on(event, ((data: Seen['data']) => seen.push({ event, data })) as never);
  }
  const of = (event: string) => seen.filter((s) => s.event === event).map((s) => s.data);
  return { connection, seen, of };
}

async function connected() {
  const client = tiktok();
  await client.connection.connect(fake.roomId);
  await fake.entered();
  return client;
}

/** Paths of values JSON would not give back as they are: bigint, Buffer, class instances. */
function unplain(value: unknown, path = 'data'): string[] {
  if (typeof value === 'bigint' || typeof value === 'function') return [`${path}: ${typeof value}`];
  if (value === null || typeof value !== 'object') return [];
  if (Buffer.isBuffer(value)) return [`${path}: Buffer`];
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return [`${path}: ${proto}`];
  return Object.entries(value).flatMap(([key, inner]) => unplain(inner, `${path}.${key}`));
}

describe('tiktok-live-connector 2.5 against the fake TikTok', () => {
  it('connects by room id: one sign request, then the push socket it names, and enters the room', async () => {
    const { of } = await connected();
    expect(fake.signRequests).toHaveLength(1);
    expect(fake.signRequests[0]?.pathname).toBe(`/webcast/rooms/${fake.roomId}/connect`);
    expect(fake.signRequests[0]?.searchParams.get('client')).toBe('ttlive-node');
    const push = fake.pushRequests[0]?.searchParams;
    expect(push?.get('room_id')).toBe(fake.roomId);
    expect(push?.get('cursor')).toMatch(/^t-/);
    expect(push?.get('internal_ext')).toContain(fake.roomId);
    expect(push?.get('wrss')).toBe('fake'); // the sign answer's route params ride along
    expect(fake.received[0]).toBe('im_enter_room');
    expect(of('connected')).toEqual([
      {
        isConnected: true,
        isConnecting: false,
        roomId: fake.roomId,
        roomInfo: null,
        availableGifts: null,
      },
    ]);
  });

  it('emits every step of a Rose streak as a gift, the end as one more with repeatEnd 1', async () => {
    const { of } = await connected();
    const groupId = '1700000000123';
    const ids: string[] = [];
    for (let n = 1; n <= 30; n++)
      ids.push(...fake.send(gift({ gift: ROSE, repeatCount: n, groupId })));
    ids.push(...fake.send(gift({ gift: ROSE, repeatCount: 30, repeatEnd: true, groupId })));
    await vi.waitFor(() => expect(of('gift')).toHaveLength(31));
    const gifts = of('gift');
    // Not in send order: the library unzips each frame asynchronously, and frames that arrive
    // close together can come out of it reordered. Giftglow must not rely on arrival order.
    expect(gifts.map((g) => g.common.msgId).sort()).toEqual(ids.sort());
    expect(gifts.map((g) => g.repeatCount).sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 30 }, (_, i) => i + 1),
      30,
    ]);
    expect(gifts.filter((g) => g.repeatEnd === 1).map((g) => g.repeatCount)).toEqual([30]);
    expect(new Set(gifts.map((g) => g.groupId))).toEqual(new Set([groupId]));
    expect(gifts[0]).toMatchObject({
      common: { method: 'WebcastGiftMessage', roomId: fake.roomId, createTime: String(NOW) },
      giftId: String(ROSE.id),
      user: { id: ZERODY.userId, idStr: ZERODY.userId, displayId: ZERODY.uniqueId },
      gift: { id: String(ROSE.id), name: 'Rose', diamondCount: 1, type: 1, combo: true },
    });
  });

  it('emits a Lion (not streakable) once, repeatCount 1 and repeatEnd 0', async () => {
    const { of } = await connected();
    const [msgId] = fake.send(gift({ gift: LION }));
    await vi.waitFor(() => expect(of('gift')).toHaveLength(1));
    expect(of('gift')[0]).toMatchObject({
      common: { msgId },
      giftId: '6369',
      repeatCount: 1,
      repeatEnd: 0,
      user: { nickname: ZERODY.nickname, displayId: ZERODY.uniqueId },
      gift: { id: '6369', diamondCount: 29_999, type: LION.type, combo: false },
    });
  });

  it('tells a follow from a share by the display key, and then emits no social', async () => {
    const { of } = await connected();
    const [followId, shareId] = fake.send(follow(), share());
    await vi.waitFor(() => expect(of('share')).toHaveLength(1));
    expect(of('follow').map((f) => f.common.msgId)).toEqual([followId]);
    expect(of('share').map((s) => s.common.msgId)).toEqual([shareId]);
    expect(of('follow')[0]?.common.displayText.key).toBe('pm_main_follow_message_viewer_2');
    expect(of('social')).toEqual([]);
  });

  it('emits each like of a burst with its taps (count) and the LIVE total (a string)', async () => {
    const { of } = await connected();
    fake.send(like(3, 4_203), like(15, 4_218), like(1, 4_219));
    await vi.waitFor(() => expect(of('like')).toHaveLength(3));
    expect(of('like').map((l) => [l.count, l.total])).toEqual([
      [3, '4203'],
      [15, '4218'],
      [1, '4219'],
    ]);
  });

  it('emits a LIVE subscription as subNotify', async () => {
    const { of } = await connected();
    const [msgId] = fake.send(subNotify(3));
    await vi.waitFor(() => expect(of('subNotify')).toHaveLength(1));
    expect(of('subNotify')[0]).toMatchObject({ common: { msgId }, subMonth: '3' });
  });

  it('emits streamEnd on the control message, then closes its socket itself', async () => {
    const { connection, of } = await connected();
    fake.send(streamEnd());
    await vi.waitFor(() => expect(of('disconnected')).toHaveLength(1));
    expect(of('streamEnd')).toEqual([{ action: 3 }]);
    expect(of('disconnected')).toEqual([{ code: 1005, reason: '' }]);
    expect(connection.isConnected).toBe(false);
  });

  it('gives every event JSON-safe data: 64-bit ids are strings, only unused bytes fields are Buffers', async () => {
    const { seen } = await connected();
    fake.send(gift(), like(1, 1), follow(), share(), subNotify(), streamEnd());
    await vi.waitFor(() => expect(seen.filter((s) => s.event === 'disconnected')).toHaveLength(1));
    for (const { data } of seen) {
      expect(JSON.parse(JSON.stringify(data))).toBeTypeOf('object');
      // User.deprecated9/10/11/14, userVipInfo and stats are protobuf bytes: Buffers, empty here.
      expect(unplain(data).filter((p) => !/^data\.user\.\w+: Buffer$/.test(p))).toEqual([]);
    }
  });

  it('reports a dropped socket as disconnected (1006), a closed one with its code and reason', async () => {
    const { connection, of } = await connected();
    fake.dropSocket();
    await vi.waitFor(() => expect(of('disconnected')).toHaveLength(1));
    expect(of('disconnected')[0]).toEqual({ code: 1006, reason: '' });
    // It does not reconnect by itself: connect() again asks the sign server again.
    await connection.connect(fake.roomId);
    await fake.entered(2);
    fake.dropSocket(4001, 'going away');
    await vi.waitFor(() => expect(of('disconnected')).toHaveLength(2));
    expect(of('disconnected')[1]).toEqual({ code: 4001, reason: 'going away' });
    expect(fake.signRequests).toHaveLength(2);
  });

  it('reports a frame it cannot decode as an error event, and stays connected', async () => {
    const { connection, of } = await connected();
    fake.sendGarbage();
    fake.send(gift());
    await vi.waitFor(() => expect(of('gift')).toHaveLength(1));
    expect(of('error')).toEqual([
      { info: 'Websocket message decoding failed', exception: expect.any(RangeError) },
    ]);
    expect(connection.isConnected).toBe(true);
  });

  it('rejects connect with SignatureRateLimitError on a 429, with Retry-After in ms', async () => {
    fake.answerSign(429);
    const { connection } = tiktok();
    const failure = await connection.connect(fake.roomId).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignatureRateLimitError);
    expect(failure).toMatchObject({ reason: 'Rate Limited', retryAfter: 30_000 });
    expect((failure as Error).message).toContain('(rate_limit_account_minute)');
    expect(connection.isConnected).toBe(false);
    expect(fake.pushRequests).toEqual([]);
  });

  it.each([
    [402, PremiumFeatureError, 'Premium Feature'],
    [500, SignAPIError, 'Sign Error'],
  ] as const)('rejects connect on a %s from the sign server', async (status, type, reason) => {
    fake.answerSign(status);
    const failure = await tiktok()
      .connection.connect(fake.roomId)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(type);
    expect(failure).toMatchObject({ reason });
  });

  it('rejects connect with SchemaDecodeError when the sign answer is not protobuf', async () => {
    fake.answerSign('garbage');
    const failure = await tiktok()
      .connection.connect(fake.roomId)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SchemaDecodeError);
  });

  it('waits on a stalled sign server with no timeout of its own, until the link breaks', async () => {
    fake.answerSign('stall');
    const settled = vi.fn();
    const attempt = tiktok()
      .connection.connect(fake.roomId)
      .then(settled, (e: unknown) => e);
    await vi.waitFor(() => expect(fake.signRequests).toHaveLength(1));
    await new Promise((wake) => setTimeout(wake, 100));
    expect(settled).not.toHaveBeenCalled();
    await fake.close();
    const failure = await attempt;
    expect(failure).toBeInstanceOf(SignAPIError);
    expect(failure).toMatchObject({ reason: 'Connect Error' });
  });

  it('gives up on a stalled sign server when its Euler client has a timeout of ours', async () => {
    fake.answerSign('stall');
    const connection = new TikTokLiveConnection('giftglowtest', {
      fetchRoomInfoOnConnect: false,
      // baseOptions replaces the client's defaults whole: keep its validateStatus, or a 429
      // would surface as a 'Connect Error' instead of SignatureRateLimitError.
      eulerApiInstance: new EulerStreamApiClient({
        basePath: fake.signUrl,
        baseOptions: { timeout: 100, validateStatus: () => true },
      }),
    });
    const failure = await connection.connect(fake.roomId).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignAPIError);
    expect(failure).toMatchObject({ reason: 'Connect Error' });
    expect((failure as Error).message).toContain('timeout of 100ms exceeded');
  });

  it('rejects connect when TikTok refuses the socket (handshake-msg) or never opens it', async () => {
    fake.answerPush('blocked');
    const blocked = await tiktok()
      .connection.connect(fake.roomId)
      .catch((e: unknown) => e);
    expect((blocked as Error).message).toBe(
      'Error connecting to WebSocket with message: DEVICE_BLOCKED',
    );
    fake.answerPush('stall');
    // Read at each connect (default 20 s).
    vi.stubEnv('WS_CONNECT_TIMEOUT_MS', '150');
    try {
      const stalled = await tiktok()
        .connection.connect(fake.roomId)
        .catch((e: unknown) => e);
      expect(stalled).toBeInstanceOf(ConnectTimeoutError);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
