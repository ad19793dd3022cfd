import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubClient } from '../../../../src/ui/start/hubClient';
import { testAlert } from '../../../../src/ui/start/testAlerts';

/** The start page's side of the hub against a stand-in server: every answer is data, no throw. */

type Answers = Record<string, () => Response | Promise<Response>>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const html = () => new Response('<!doctype html><title>another server</title>', { status: 200 });

/** A fetch that answers each /hub path as told (no answer: the network failed). */
function serve(answers: Answers): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const answer = answers[new URL(url).pathname];
      if (!answer) throw new TypeError('fetch failed');
      return answer();
    }),
  );
}

afterEach(() => vi.unstubAllGlobals());

const client = () => new HubClient('http://localhost:4173/index.html?source=hub');
const [lion] = testAlert('lion', 1_764_547_200_000);
const frame = lion!.frame;
const token = () => json(200, { token: 'z'.repeat(43) });

describe('the start page asking the hub how it is', () => {
  it('reads the overlays and refusals', async () => {
    serve({ '/hub/status': () => json(200, { overlays: 2, senders: 1, refused: { rate: 3 } }) });
    expect(await client().status()).toEqual({
      reachable: true,
      overlays: 2,
      senders: 1,
      refused: { rate: 3 },
    });
  });

  it('says no hub is here when nothing answers, or the route is missing', async () => {
    serve({});
    expect(await client().status()).toEqual({ reachable: false, why: 'absent' });
    serve({ '/hub/status': () => json(404, {}) });
    expect(await client().status()).toEqual({ reachable: false, why: 'absent' });
  });

  it('says the hub answered something unexpected when the answer is not the hub’s', async () => {
    serve({ '/hub/status': html });
    expect(await client().status()).toEqual({ reachable: false, why: 'unexpected' });
    serve({ '/hub/status': () => json(200, { overlays: 'two' }) });
    expect(await client().status()).toEqual({ reachable: false, why: 'unexpected' });
  });
});

describe('the start page sending a test', () => {
  it('tells how many overlays got it', async () => {
    serve({ '/hub/token': token, '/hub/events': () => json(202, { forwarded: 1, overlays: 2 }) });
    expect(await client().send(frame)).toEqual({ ok: true, overlays: 2 });
  });

  it('says why the hub refused it', async () => {
    serve({
      '/hub/token': token,
      '/hub/events': () => json(429, { refused: 'rate', detail: 'too many frames; slow down' }),
    });
    expect(await client().send(frame)).toEqual({
      ok: false,
      why: 'refused (rate): too many frames; slow down',
    });
  });

  it('says so when there is no hub to ask for the token', async () => {
    serve({ '/hub/token': () => json(403, { refused: 'token-request', detail: 'no' }) });
    expect(await client().send(frame)).toMatchObject({ ok: false, why: /^no hub here/ });
    serve({});
    expect(await client().send(frame)).toMatchObject({ ok: false, why: /^no hub here/ });
  });

  it('says the hub answered something unexpected, for the token or the frame', async () => {
    serve({ '/hub/token': html });
    expect(await client().send(frame)).toMatchObject({ ok: false, why: /unexpected/ });
    serve({ '/hub/token': token, '/hub/events': html });
    expect(await client().send(frame)).toMatchObject({ ok: false, why: /unexpected.*HTTP 200/ });
    serve({ '/hub/token': token, '/hub/events': () => json(202, { refused: 'rate', detail: '' }) });
    expect(await client().send(frame)).toMatchObject({ ok: false, why: /unexpected.*HTTP 202/ });
  });

  it('says the hub did not answer when the POST fails', async () => {
    serve({ '/hub/token': token });
    expect(await client().send(frame)).toMatchObject({ ok: false, why: /did not answer/ });
  });
});

describe('the start page keeping the sign key', () => {
  const KEY = 'euler_a2VlcF9tZV9zYWZl';

  it('tells where the key in use comes from, never the key', async () => {
    serve({
      '/hub/token': token,
      '/hub/tiktok/key': () => json(200, { done: 'saved', signKey: 'file' }),
    });
    expect(await client().saveSignKey(KEY)).toEqual({ ok: true, signKey: 'file' });
    serve({
      '/hub/token': token,
      '/hub/tiktok/key': () => json(200, { done: 'forgotten', signKey: 'env' }),
    });
    expect(await client().saveSignKey(null)).toEqual({ ok: true, signKey: 'env' });
  });

  it('says why not: refused, no hub, or an answer that is not the hub’s', async () => {
    serve({
      '/hub/token': token,
      '/hub/tiktok/key': () => json(500, { refused: 'key-not-saved', detail: 'not writable' }),
    });
    expect(await client().saveSignKey(KEY)).toEqual({
      ok: false,
      why: 'refused (key-not-saved): not writable',
    });
    serve({});
    expect(await client().saveSignKey(KEY)).toMatchObject({ ok: false, why: /^no hub here/ });
    serve({ '/hub/token': token, '/hub/tiktok/key': () => json(200, { saved: true }) });
    expect(await client().saveSignKey(KEY)).toMatchObject({
      ok: false,
      why: /unexpected.*HTTP 200/,
    });
  });
});
