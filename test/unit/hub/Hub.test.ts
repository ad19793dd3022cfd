import { describe, expect, it } from 'vitest';
import { Hub, type HubRequest } from '../../../src/hub/Hub';

const TOKEN = 'x'.repeat(43);
const lion = JSON.stringify({
  v: 1,
  type: 'gift',
  id: 'test-lion',
  test: true,
  user: { id: 'giftglow-test', name: 'Test Lion' },
  gift: { id: '6369', name: 'Lion', coins: 29999 },
});

function setup(rate = { burst: 30, perSecond: 10 }) {
  let now = 0;
  const hub = new Hub({ token: TOKEN, clock: () => now, rate, maxClients: 3 });
  const overlay = () => {
    const got: string[] = [];
    const leave = hub.join({ send: (text) => got.push(text) }, false);
    return { got, leave };
  };
  return { hub, overlay, tick: (ms: number) => (now += ms) };
}

const request = (over: Partial<HubRequest> = {}): HubRequest => ({
  host: 'localhost:4173',
  origin: 'http://localhost:4173',
  port: 4173,
  authorization: `Bearer ${TOKEN}`,
  ...over,
});

describe('the hub', () => {
  it('forwards a good frame to every overlay, as sent', () => {
    const { hub, overlay } = setup();
    const [a, b] = [overlay(), overlay()];
    expect(hub.post(request(), lion)).toEqual({ ok: true, status: 202, forwarded: 1, overlays: 2 });
    expect(a.got).toEqual([lion]);
    expect(b.got).toEqual([lion]);
  });

  it('refuses a POST from another site, without a token, or with a wrong one, and counts each', () => {
    const { hub, overlay } = setup();
    const a = overlay();
    expect(hub.post(request({ origin: 'https://evil.test' }), lion)).toMatchObject({
      status: 403,
      reason: 'foreign-origin',
    });
    expect(hub.post(request({ authorization: undefined }), lion)).toMatchObject({
      status: 401,
      reason: 'no-token',
    });
    expect(hub.post(request({ authorization: 'Bearer nope' }), lion)).toMatchObject({
      status: 401,
      reason: 'bad-token',
    });
    expect(a.got).toEqual([]);
    expect(hub.status().refused).toEqual({ 'foreign-origin': 1, 'no-token': 1, 'bad-token': 1 });
  });

  it('accepts a local tool that sends no Origin at all, with the token', () => {
    const { hub } = setup();
    expect(hub.post(request({ origin: undefined }), lion)).toMatchObject({ ok: true });
  });

  it('never forwards a bad frame, says why, and counts it', () => {
    const { hub, overlay } = setup();
    const a = overlay();
    expect(hub.post(request(), '{"v":1,"type":"gift"}')).toMatchObject({
      status: 400,
      reason: 'bad-shape',
    });
    expect(hub.post(request(), null)).toMatchObject({ status: 413, reason: 'oversized' });
    expect(a.got).toEqual([]);
    expect(hub.refusals.byReason()).toEqual({ 'bad-shape': 1, oversized: 1 });
  });

  it('slows a sender down past its burst, then lets it go on', () => {
    const { hub, overlay, tick } = setup({ burst: 2, perSecond: 1 });
    const a = overlay();
    const verdicts = [1, 2, 3].map(() => hub.post(request(), lion).status);
    expect(verdicts).toEqual([202, 202, 429]);
    tick(1000);
    expect(hub.post(request(), lion).status).toBe(202);
    expect(a.got).toHaveLength(3);
  });

  it('lets an overlay (no token) only receive: what it sends is refused and goes nowhere', () => {
    const { hub, overlay } = setup();
    const a = overlay();
    const sneaky = { send: () => undefined };
    hub.join(sneaky, false);
    expect(hub.fromClient(sneaky, lion)).toMatchObject({ status: 401, reason: 'no-token' });
    expect(a.got).toEqual([]);
  });

  it('forwards what a sender with the token sends, to everyone but itself', () => {
    const { hub, overlay } = setup();
    const a = overlay();
    const echoed: string[] = [];
    const tool = { send: (text: string) => echoed.push(text) };
    const admitted = hub.admit(request({ origin: undefined }));
    expect(admitted).toEqual({ ok: true, sender: true });
    hub.join(tool, true);
    expect(hub.fromClient(tool, lion)).toMatchObject({ ok: true, overlays: 1 });
    expect(a.got).toEqual([lion]);
    expect(echoed).toEqual([]);
  });

  it('refuses a WebSocket from another site, with a wrong token, or beyond its size', () => {
    const { hub, overlay } = setup();
    expect(
      hub.admit(request({ origin: 'https://evil.test', authorization: undefined })),
    ).toMatchObject({
      status: 403,
    });
    expect(hub.admit(request({ authorization: 'Bearer wrong' }))).toMatchObject({ status: 401 });
    expect(hub.admit(request({ authorization: undefined }))).toEqual({ ok: true, sender: false });
    overlay();
    overlay();
    overlay();
    expect(hub.admit(request({ authorization: undefined }))).toMatchObject({ status: 503 });
  });

  it('counts the overlays connected right now', () => {
    const { hub, overlay } = setup();
    const a = overlay();
    overlay();
    hub.join({ send: () => undefined }, true);
    expect(hub.status()).toMatchObject({ overlays: 2, senders: 1 });
    a.leave();
    expect(hub.overlays).toBe(1);
  });
});
