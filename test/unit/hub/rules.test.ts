import { describe, expect, it } from 'vitest';
import { judgeFrame, MAX_EVENTS_PER_FRAME } from '../../../src/hub/judgeFrame';
import { originRefusal, tokenRequestAllowed } from '../../../src/hub/origin';
import { RateLimit } from '../../../src/hub/RateLimit';
import { bearerOf, isToken, makeToken, sameToken } from '../../../src/hub/token';

const at = (host: string | undefined, origin?: string) => ({ host, origin, port: 4173 });

const lion = {
  v: 1,
  type: 'gift',
  id: 'test-1',
  test: true,
  user: { id: 'giftglow-test', name: 'Test Lion' },
  gift: { id: '6369', name: 'Lion', coins: 29999 },
};

describe('who may talk to the hub', () => {
  it.each([
    ['localhost:4173', undefined],
    ['127.0.0.1:4173', 'http://127.0.0.1:4173'],
    ['localhost:4173', 'http://localhost:4173'],
    ['LOCALHOST:4173', 'http://localhost:4173'],
    ['[::1]:4173', 'http://[::1]:4173'],
  ])('lets in Host %s with Origin %s', (host, origin) => {
    expect(originRefusal(at(host, origin))).toBeNull();
  });

  it.each([
    ['localhost:4173', 'https://evil.test', 'foreign-origin'],
    ['localhost:4173', 'http://localhost:9999', 'foreign-origin'],
    ['localhost:4173', 'null', 'foreign-origin'],
    ['localhost:4173', 'http://localhost:4173.evil.test', 'foreign-origin'],
    // DNS rebinding: evil.test resolves to 127.0.0.1, so its Origin matches its Host.
    ['evil.test:4173', 'http://evil.test:4173', 'foreign-host'],
    ['localhost:9999', undefined, 'foreign-host'],
    [undefined, undefined, 'foreign-host'],
  ])('refuses Host %s with Origin %s (%s)', (host, origin, reason) => {
    expect(originRefusal(at(host, origin))).toBe(reason);
  });

  it('hands the token only to a same-origin fetch', () => {
    expect(tokenRequestAllowed('same-origin')).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none', undefined])
      expect(tokenRequestAllowed(site)).toBe(false);
  });
});

describe('the token', () => {
  it('is 43 url-safe characters from 32 random bytes', () => {
    const token = makeToken((n) => new Uint8Array(n).fill(7));
    expect(token).toHaveLength(43);
    expect(isToken(token)).toBe(true);
  });

  it('is read from a Bearer header only', () => {
    expect(bearerOf('Bearer abc')).toBe('abc');
    expect(bearerOf('bearer  abc ')).toBe('abc');
    for (const header of [undefined, '', 'Basic abc', 'Bearer', 'Bearer a b'])
      expect(bearerOf(header)).toBeNull();
  });

  it('matches exactly', () => {
    expect(sameToken('secret-token', 'secret-token')).toBe(true);
    expect(sameToken('secret-tokem', 'secret-token')).toBe(false);
    expect(sameToken('secret', 'secret-token')).toBe(false);
    expect(sameToken(null, 'secret-token')).toBe(false);
  });
});

describe('the rate limit', () => {
  it('allows a burst, then the steady rate, per sender', () => {
    const limit = new RateLimit({ burst: 3, perSecond: 2 });
    expect([1, 2, 3, 4].map(() => limit.take('a', 0))).toEqual([true, true, true, false]);
    expect(limit.take('b', 0)).toBe(true);
    expect(limit.take('a', 499)).toBe(false);
    expect(limit.take('a', 500)).toBe(true);
  });

  it('never stores more than a burst, however long a sender was quiet', () => {
    const limit = new RateLimit({ burst: 2, perSecond: 10 });
    limit.take('a', 0);
    const later = [1, 2, 3].map(() => limit.take('a', 3_600_000));
    expect(later).toEqual([true, true, false]);
  });

  it('remembers a bounded number of senders', () => {
    const limit = new RateLimit({ burst: 1, perSecond: 1, maxSenders: 2 });
    limit.take('a', 0);
    limit.take('b', 0);
    limit.take('c', 0);
    // 'a' was forgotten: a full bucket again.
    expect(limit.take('a', 0)).toBe(true);
    expect(limit.take('c', 0)).toBe(false);
  });
});

describe('a frame sent to the hub', () => {
  it('is forwarded when every event is protocol v1', () => {
    const judged = judgeFrame(JSON.stringify([lion, { ...lion, id: 'test-2' }]), 1);
    expect(judged).toEqual({
      ok: true,
      events: 2,
      text: JSON.stringify([lion, { ...lion, id: 'test-2' }]),
    });
  });

  it.each([
    ['not json', 'not-json'],
    ['{"v":2,"type":"gift"}', 'bad-version'],
    [JSON.stringify({ ...lion, user: undefined }), 'bad-shape'],
    [JSON.stringify({ ...lion, gift: { id: '1', coins: -5 } }), 'bad-shape'],
    [JSON.stringify({ ...lion, test: 'yes' }), 'bad-shape'],
    [JSON.stringify([lion, { v: 1, type: 'gift' }]), 'bad-shape'],
    ['[]', 'empty'],
    [JSON.stringify({ v: 1, type: 'heartbeat', every: 5000 }), 'bad-shape'],
    [JSON.stringify(Array.from({ length: MAX_EVENTS_PER_FRAME + 1 }, () => lion)), 'too-many'],
  ])('is refused whole with a reason: %s -> %s', (text, reason) => {
    expect(judgeFrame(text, 1)).toMatchObject({ ok: false, reason });
  });

  it('is refused when larger than the cap', () => {
    expect(judgeFrame(JSON.stringify(lion), 1, 20)).toMatchObject({
      ok: false,
      reason: 'oversized',
    });
  });

  it('names the event of an array that is wrong', () => {
    const judged = judgeFrame(JSON.stringify([lion, { v: 1, type: 'gift' }]), 1);
    expect(judged.ok ? '' : judged.detail).toMatch(/^event 1: /);
  });
});
