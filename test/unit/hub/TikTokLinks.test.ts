import { describe, expect, it } from 'vitest';
import { Refusals } from '../../../src/hub/Refusals';
import { eventFrame } from '../../../src/hub/tiktok/eventFrame';
import type { LinkStatus } from '../../../src/hub/tiktok/TikTokLink';
import { TikTokLinks } from '../../../src/hub/tiktok/TikTokLinks';
import { tiktokLog } from '../../../src/hub/tiktok/tiktokLog';
import { MAX_FRAME_CHARS } from '../../../src/wire/textFrame';
import { readTikTokStatus } from '../../../src/wire/tiktokLive';
import { ManualLinkTimers, ScriptedPort, settle } from './tiktokDoubles';

/** One connection per username, shared, bounded, let go after a grace period; and its log lines. */

function setup() {
  const timers = new ManualLinkTimers();
  const refusals = new Refusals();
  const ports = new Map<string, ScriptedPort>();
  const opened: string[] = [];
  const closed: string[] = [];
  const links = new TikTokLinks({
    open: async (username) => {
      opened.push(username);
      const port = new ScriptedPort();
      ports.set(username, port);
      return port;
    },
    timers,
    random: () => 0.5,
    refusals,
    observer: { status: () => undefined, closed: (username) => closed.push(username) },
  });
  return { links, timers, refusals, ports, opened, closed };
}

function page() {
  const got: string[] = [];
  const subscriber = { send: (text: string) => got.push(text) };
  const statuses = () =>
    got.map((text) => readTikTokStatus(JSON.parse(text))).filter((s) => s !== null);
  return { got, subscriber, statuses, states: () => statuses().map((s) => s.state) };
}

function subscribed(leave: ReturnType<TikTokLinks['subscribe']>): () => void {
  if (typeof leave !== 'function') throw new Error(`refused: ${leave.detail}`);
  return leave;
}

describe('the TikTok connections of the hub', () => {
  it('opens one connection per username, shared by every page, each told the state at once', async () => {
    const { links, opened, ports } = setup();
    const a = page();
    subscribed(links.subscribe('giftglowtest', a.subscriber));
    expect(a.statuses()).toEqual([
      {
        v: 1,
        type: 'tiktok-status',
        username: 'giftglowtest',
        state: 'connecting',
        detail: 'asking whether @giftglowtest is LIVE',
      },
    ]);
    await settle();
    const b = page();
    subscribed(links.subscribe('giftglowtest', b.subscriber));
    expect(opened).toEqual(['giftglowtest']);
    expect(a.states()).toEqual(['connecting', 'connecting', 'live']);
    expect(b.states()).toEqual(['live']);
    ports.get('giftglowtest')?.listener?.event('gift', { common: { msgId: '7' } });
    const frame = '{"event":"gift","data":{"common":{"msgId":"7"}}}';
    expect(a.got.at(-1)).toBe(frame);
    expect(b.got.at(-1)).toBe(frame);
    expect(links.states()).toEqual([{ username: 'giftglowtest', state: 'live' }]);
  });

  it('tells a late page how long until the next attempt, as of now', async () => {
    const { links, timers, ports } = setup();
    subscribed(links.subscribe('giftglowtest', page().subscriber));
    await settle();
    ports.get('giftglowtest')?.listener?.dropped('x');
    timers.pass(500);
    const late = page();
    subscribed(links.subscribe('giftglowtest', late.subscriber));
    expect(late.statuses()).toMatchObject([{ state: 'retrying', retryInMs: 1500 }]);
  });

  it('keeps a connection 30 s after the last page left (an OBS refresh), then lets it go', async () => {
    const { links, timers, ports, opened, closed } = setup();
    const leave = subscribed(links.subscribe('giftglowtest', page().subscriber));
    await settle();
    leave();
    leave(); // twice is once
    expect(timers.pending()).toEqual([120_000, 30_000]); // the watchdog, then the grace period
    const back = page();
    const again = subscribed(links.subscribe('giftglowtest', back.subscriber));
    expect(back.states()).toEqual(['live']);
    expect(timers.pending()).toEqual([120_000]);
    again();
    timers.fireNext();
    expect(opened).toEqual(['giftglowtest']);
    expect(closed).toEqual(['giftglowtest']);
    expect(ports.get('giftglowtest')?.closed).toBe(1);
    expect(links.states()).toEqual([]);
    expect(timers.pending()).toEqual([]);
  });

  it('connects 5 usernames at once at most, and 20 pages to one: beyond, refused and counted', async () => {
    const { links, refusals } = setup();
    const leaves = ['a1', 'b2', 'c3', 'd4', 'e5'].map((name) =>
      subscribed(links.subscribe(name, page().subscriber)),
    );
    expect(links.subscribe('f6', page().subscriber)).toMatchObject({
      ok: false,
      status: 503,
      reason: 'tiktok-full',
      detail: '5 TikTok usernames connected already (@a1, @b2, @c3, @d4, @e5)',
    });
    leaves[0]?.(); // lingering still holds its place
    expect(links.admit('f6')).toMatchObject({ ok: false, reason: 'tiktok-full' });
    for (let i = 1; i < 20; i++) subscribed(links.subscribe('b2', page().subscriber));
    expect(links.admit('b2')).toMatchObject({
      ok: false,
      detail: '20 pages listen to @b2 already',
    });
    expect(refusals.byReason()).toEqual({ 'tiktok-full': 3 });
    links.close();
    expect(links.states()).toEqual([]);
  });

  it('counts what it cannot pass on, and what the library reported unexpectedly', async () => {
    const { links, refusals, ports } = setup();
    subscribed(
      links.subscribe('giftglowtest', {
        send: () => {
          throw new Error('closed');
        },
      }),
    );
    await settle();
    const listener = ports.get('giftglowtest')?.listener;
    listener?.event('gift', { blob: 'x'.repeat(MAX_FRAME_CHARS) });
    listener?.error('Websocket message decoding failed: RangeError');
    expect(refusals.byReason()).toEqual({ 'send-failed': 3, oversized: 1, 'tiktok-error': 1 });
  });
});

describe('an event frame', () => {
  it("is the library's event and data as they came, without the Buffers of unused bytes fields", () => {
    const data = { common: { msgId: '1' }, user: { idStr: '2', deprecated9: Buffer.alloc(0) } };
    expect(JSON.parse(eventFrame('gift', data) ?? '')).toEqual({
      event: 'gift',
      data: { common: { msgId: '1' }, user: { idStr: '2' } },
    });
  });

  it('is null when it cannot be one: too large for the overlay, or not JSON', () => {
    expect(eventFrame('gift', { blob: 'x'.repeat(MAX_FRAME_CHARS) })).toBeNull();
    expect(eventFrame('gift', { n: 1n })).toBeNull();
  });
});

describe('the TikTok lines of the npm start log', () => {
  const at = (state: LinkStatus['state'], detail = 'why', retryAt?: number): LinkStatus =>
    retryAt === undefined ? { state, detail } : { state, detail, retryAt };

  it('prints each change of state once, with when the next attempt comes', () => {
    const lines: string[] = [];
    const log = tiktokLog(
      (line) => lines.push(line),
      () => 0,
    );
    log.status('name', at('connecting', 'asking'));
    log.status('name', at('connecting', 'connecting'));
    log.status('name', at('live', 'connected'));
    log.status('name', at('rate-limited', 'the sign server limits connections', 600_000));
    log.status('name', at('connecting', 'asking'));
    log.status('name', at('live', 'connected'));
    log.closed('name');
    expect(lines).toEqual([
      '  TikTok @name: connecting: asking',
      '  TikTok @name: live: connected',
      '  TikTok @name: rate-limited by the sign server: the sign server limits connections; next try in 10 min',
      '  TikTok @name: live: connected',
      '  TikTok @name: closed: no page listens any more',
    ]);
  });

  it('cannot be flooded by a flapping connection: 10 lines, one note, then one every 6 min', () => {
    const lines: string[] = [];
    let now = 0;
    const log = tiktokLog(
      (line) => lines.push(line),
      () => now,
    );
    for (let i = 0; i < 100; i++) log.status('name', at(i % 2 ? 'live' : 'retrying'));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('  TikTok @name: changing often; the next changes are not all printed');
    now = 360_000;
    log.status('name', at('blocked'));
    expect(lines).toHaveLength(12);
    log.status('other', at('live'));
    expect(lines).toHaveLength(13);
  });
});
