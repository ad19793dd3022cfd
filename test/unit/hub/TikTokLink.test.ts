import { describe, expect, it } from 'vitest';
import { LINK_TIMING } from '../../../src/hub/tiktok/linkTiming';
import { TikTokLink } from '../../../src/hub/tiktok/TikTokLink';
import {
  failure,
  type Check,
  type Failure,
  type OpenTikTok,
} from '../../../src/hub/tiktok/tiktokPort';
import { ManualLinkTimers, recorder, ScriptedPort, settle } from './tiktokDoubles';

/**
 * The state machine of one username's TikTok connection, driven by a scripted port and timers
 * fired by hand: every state, every wait, the hourly bound, the watchdog, and never a tight loop.
 */

const MIN = 60_000;

function setup(options: { random?: () => number; open?: OpenTikTok } = {}) {
  const port = new ScriptedPort();
  const timers = new ManualLinkTimers();
  const rec = recorder();
  let opened = 0;
  const link = new TikTokLink({
    username: 'giftglowtest',
    open:
      options.open ??
      (async () => {
        opened += 1;
        return port;
      }),
    timers,
    random: options.random ?? (() => 0.5),
    listener: rec.listener,
  });
  const stop = link.start();
  /** The wait of the attempt planned now (from the last status). */
  const wait = () => (rec.last()?.retryAt ?? NaN) - timers.now();
  /** Fires the planned attempt and lets it run. */
  const next = async () => {
    timers.fireNext();
    await settle();
  };
  return { port, timers, rec, link, stop, wait, next, opened: () => opened };
}

async function live(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await settle();
  expect(s.link.status.state).toBe('live');
  return s;
}

describe('a TikTok connection', () => {
  it('asks whether the account is LIVE, then connects, and passes events on', async () => {
    const { port, rec, link, opened } = await live();
    expect(port.calls).toEqual(['check', 'connect']);
    expect(opened()).toBe(1);
    expect(rec.statuses.map((s) => [s.state, s.detail])).toEqual([
      ['connecting', 'asking whether @giftglowtest is LIVE'],
      ['connecting', 'connecting to the LIVE of @giftglowtest'],
      ['live', 'connected, gifts arrive'],
    ]);
    expect(link.status.retryAt).toBeUndefined();
    port.listener?.event('gift', { common: { msgId: '1' } });
    expect(rec.events).toEqual([{ name: 'gift', data: { common: { msgId: '1' } } }]);
  });

  /** What the port answers, then the state, the wait and the detail the link shows. */
  const WAITS: Array<[string, string, number, RegExp, Failure | { ok: true; live: false }]> = [
    ['not LIVE', 'not-live', 4 * MIN, /not LIVE right now/, { ok: true, live: false }],
    ['offline', 'not-live', 4 * MIN, /not LIVE/, failure('offline', 'x')],
    [
      'unknown',
      'not-found',
      10 * MIN,
      /no TikTok account @giftglowtest/,
      failure('not-found', 'x'),
    ],
    ['429, 2 min', 'rate-limited', 2 * MIN, /sign key/, failure('rate-limited', 'x', 2 * MIN)],
    ['429, 5 s', 'rate-limited', MIN, /x/, failure('rate-limited', 'x', 5000)],
    ['429', 'rate-limited', 10 * MIN, /x/, failure('rate-limited', 'x')],
    ['402', 'sign-unreachable', 10 * MIN, /SIGN_API_KEY.*TikFinity/, failure('needs-key', 'x')],
    ['5xx', 'sign-unreachable', 30_000, /TikFinity/, failure('sign-unreachable', 'x')],
    ['blocked', 'blocked', 15 * MIN, /18\+ LIVE.*TikFinity/, failure('blocked', 'x')],
    ['anything else', 'retrying', 30_000, /^x$/, failure('other', 'x')],
  ];

  it.each(WAITS)(
    'after a look-up that says %s: %s for %i ms',
    async (_, state, ms, detail, answer) => {
      const { port, rec, wait, timers } = setup();
      port.checks.push(answer);
      await settle();
      expect(rec.last()).toMatchObject({ state, detail: expect.stringMatching(detail) });
      expect(wait()).toBe(ms);
      expect(timers.pending()).toEqual([ms]);
      expect(port.calls).toEqual(['check']);
    },
  );

  it.each(WAITS.filter((row) => !row[4].ok))(
    'after a connect that fails with %s: %s for %i ms',
    async (_, state, ms, _detail, answer) => {
      const { port, rec, wait } = setup();
      port.connects.push(answer as Failure);
      await settle();
      expect(rec.last()?.state).toBe(state);
      expect(wait()).toBe(ms);
      expect(port.calls).toEqual(['check', 'connect']);
    },
  );

  it('is retrying, rarely, when the library cannot be loaded, and loads it again then', async () => {
    let tries = 0;
    const port = new ScriptedPort();
    const { rec, wait, next } = setup({
      open: async () => {
        tries += 1;
        if (tries === 1) throw new Error("Cannot find package 'tiktok-live-connector'");
        return port;
      },
    });
    await settle();
    expect(rec.last()).toMatchObject({
      state: 'retrying',
      detail: expect.stringMatching(/could not be loaded.*Cannot find package.*TikFinity/),
    });
    expect(wait()).toBe(10 * MIN);
    await next();
    expect(rec.last()?.state).toBe('live');
  });

  it('backs off from a failing sign server: 30 s growing to 10 min, back to 30 s once LIVE', async () => {
    const { port, wait, next, link } = setup({ random: () => 0.999_999 });
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) port.checks.push(failure('sign-unreachable', 'HTTP 500'));
    await settle();
    for (let i = 0; i < 7; i++) {
      waits.push(Math.round(wait() / 1000));
      await next();
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 600, 600]);
    expect(link.status.state).toBe('live');
    port.listener?.dropped('x');
    port.checks.push(failure('sign-unreachable', 'HTTP 500'));
    await next();
    expect(wait()).toBe(30_000);
  });

  it('reconnects a dropped LIVE soon: 2 s growing to a minute, from the start once it held', async () => {
    const { port, rec, wait, next, timers } = await live({ random: () => 0.999 });
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      port.listener?.dropped("TikTok's socket closed (1006)");
      expect(rec.last()).toMatchObject({
        state: 'retrying',
        detail: /closed \(1006\)$/,
      });
      waits.push(Math.round(wait() / 1000));
      await next();
      expect(rec.last()?.state).toBe('live');
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60]);
    expect(port.closed).toBe(7);
    timers.pass(LINK_TIMING.drop.stableMs);
    port.listener?.dropped('again');
    expect(Math.round(wait() / 1000)).toBe(2);
  });

  it('passes on no event of a connection it let go', async () => {
    const { port, rec } = await live();
    const old = port.listener;
    old?.dropped('x');
    old?.event('gift', {});
    old?.streamEnd();
    old?.dropped('y');
    expect(rec.events).toEqual([]);
    expect(rec.last()).toMatchObject({ state: 'retrying', detail: 'x' });
  });

  it('takes a LIVE socket silent for 2 min for dropped, but not one that keeps talking', async () => {
    const { port, rec, timers } = await live();
    timers.pass(90_000);
    port.listener?.activity();
    timers.fireNext(); // the watchdog at 2 min: heard 30 s ago, so it waits on
    expect(rec.last()?.state).toBe('live');
    timers.fireNext();
    expect(rec.last()).toMatchObject({
      state: 'retrying',
      detail: 'no word from TikTok for 2 min',
    });
    expect(port.closed).toBe(1);
  });

  it('says ended when the LIVE ends, and keeps saying it until the next LIVE', async () => {
    const { port, rec, wait, next } = await live();
    port.listener?.streamEnd();
    expect(rec.last()).toMatchObject({ state: 'ended', detail: /the LIVE ended/ });
    expect(wait()).toBe(4 * MIN);
    expect(port.closed).toBe(1);
    port.checks.push({ ok: true, live: false });
    await next();
    expect(rec.last()?.state).toBe('ended');
    expect(port.calls).toEqual(['check', 'connect', 'check']);
    await next();
    expect(rec.last()?.state).toBe('live');
    port.listener?.dropped('x');
    port.checks.push({ ok: true, live: false });
    await next();
    expect(rec.last()?.state).toBe('not-live');
  });

  it('checks a not-LIVE account again after 3 to 5 minutes (jitter)', async () => {
    for (const [draw, ms] of [
      [0, 3 * MIN],
      [0.999_999, 5 * MIN],
    ] as const) {
      const { port, wait } = setup({ random: () => draw });
      port.checks.push({ ok: true, live: false });
      await settle();
      expect(Math.round(wait() / 1000)).toBe(ms / 1000);
    }
  });

  it('makes at most 12 sign requests an hour, then waits for the oldest to age out', async () => {
    const { port, rec, wait, next, timers } = await live();
    const start = timers.now();
    for (let i = 1; i < 12; i++) {
      port.listener?.dropped('x');
      await next();
    }
    expect(port.calls.filter((c) => c === 'connect')).toHaveLength(12);
    port.listener?.dropped('x');
    await next();
    expect(port.calls.filter((c) => c === 'connect')).toHaveLength(12);
    expect(rec.last()).toMatchObject({
      state: 'retrying',
      detail: '12 requests to the sign server in the last hour: waiting, to spare its free quota',
    });
    expect(timers.now() + wait()).toBe(start + 60 * MIN);
    await next();
    expect(rec.last()?.state).toBe('live');
  });

  it('counts look-ups against the hourly bound when they are sign requests, keeping not-LIVE', async () => {
    const { port, rec, next, wait } = setup();
    port.lookupCostsSign = true;
    for (let i = 0; i < 13; i++) port.checks.push({ ok: true, live: false });
    await settle();
    for (let i = 0; i < 12; i++) await next();
    expect(port.calls).toHaveLength(12);
    expect(rec.last()).toMatchObject({ state: 'not-live', detail: /checked again/ });
    expect(wait()).toBeGreaterThan(5 * MIN);
  });

  it('gives up on a call that never answers, and lets go a connection that opens too late', async () => {
    const { port, rec, timers, wait, next } = setup();
    port.checks.push('hang');
    await settle();
    expect(timers.pending()).toEqual([LINK_TIMING.callTimeoutMs]);
    timers.fireNext();
    await settle();
    expect(rec.last()).toMatchObject({ state: 'retrying', detail: /no answer .* in 60 s/ });
    expect(wait()).toBe(30_000);
    port.connects.push('hang');
    await next();
    timers.fireNext();
    await settle();
    expect(rec.last()?.state).toBe('retrying');
    port.settleLate();
    await settle();
    expect(port.closed).toBe(1);
    expect(rec.last()?.state).toBe('retrying');
  });

  it('counts what a port throws, and retries: never an exception out of the link', async () => {
    const { port, rec, wait } = setup();
    port.check = () => {
      throw new TypeError('boom');
    };
    await settle();
    expect(rec.errors).toEqual(['the TikTok port threw: boom']);
    expect(rec.last()?.state).toBe('retrying');
    expect(wait()).toBe(30_000);
  });

  it('stops: the connection let go, no timer left, no status after, late answers closed', async () => {
    const a = await live();
    a.stop();
    expect(a.port.closed).toBe(1);
    expect(a.timers.pending()).toEqual([]);
    const count = a.rec.statuses.length;
    a.port.listener?.dropped('x');
    expect(a.rec.statuses).toHaveLength(count);

    const b = setup();
    b.port.connects.push('hang');
    await settle();
    b.stop();
    b.port.settleLate();
    await settle();
    expect(b.port.closed).toBe(1);
    expect(b.timers.pending()).toEqual([]);

    const c = setup();
    let answer: (check: Check) => void = () => undefined;
    c.port.check = () => new Promise((resolve) => (answer = resolve));
    await settle();
    c.stop();
    answer(failure('sign-unreachable', 'x'));
    await settle();
    expect(c.timers.pending()).toEqual([]);
    expect(c.port.calls).toEqual([]);
  });

  it('is never a tight loop: whatever happens, every wait is at least 2 s and sign requests stay bounded', async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const { port, timers } = setup({ random });
    const answers: Array<() => void> = [
      () => port.checks.push({ ok: true, live: false }),
      () => port.checks.push(failure('sign-unreachable', 'x')),
      () => port.checks.push(failure('rate-limited', 'x', 1)),
      () => port.connects.push(failure('other', 'x')),
      () => port.connects.push(failure('rate-limited', 'x', 0)),
      () => port.connects.push(failure('blocked', 'x')),
      () => undefined, // live, then dropped at once
    ];
    await settle();
    const connects: number[] = [];
    for (let i = 0; i < 300; i++) {
      answers[Math.floor(random() * answers.length)]?.();
      port.listener?.dropped('x');
      const before = port.calls.length;
      timers.fireNext();
      await settle();
      for (const call of port.calls.slice(before))
        if (call === 'connect') connects.push(timers.now());
    }
    expect(Math.min(...timers.scheduled)).toBeGreaterThanOrEqual(LINK_TIMING.floorMs);
    for (const at of connects) {
      expect(connects.filter((t) => t > at - 60 * MIN && t <= at).length).toBeLessThanOrEqual(12);
    }
  });
});
