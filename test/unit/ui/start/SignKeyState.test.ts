import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubState } from '../../../../src/ui/start/hubState.svelte';
import { KEY_STATE_TEXT, SignKeyState } from '../../../../src/ui/start/SignKeyState.svelte';

/** The start page's sign key field against a stand-in hub: what it sends, where, and what it says. */

const KEY = 'euler_dGhlX3N0YXJ0X3BhZ2Vfa2V5';
const TOKEN = 't'.repeat(43);

type Call = { url: string; init: RequestInit | undefined };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A hub that hands out the token and answers the key route with `answer`; every call kept. */
function serve(answer: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const path = new URL(url).pathname;
      if (path === '/hub/token') return json(200, { token: TOKEN });
      if (path === '/hub/tiktok/key') return answer();
      throw new TypeError('fetch failed');
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

function setup(signKey?: 'env' | 'file' | 'none') {
  const hub = new HubState('http://localhost:4173/', () => 0);
  hub.status = {
    reachable: true,
    overlays: 0,
    senders: 0,
    refused: {},
    ...(signKey ? { signKey } : {}),
  };
  return { hub, keys: new SignKeyState(hub) };
}

describe('the sign key state the start page shows', () => {
  it('says where the key comes from, or why it cannot', () => {
    const { hub, keys } = setup('none');
    expect(keys.shown).toBe('none');
    expect(KEY_STATE_TEXT[keys.shown]).toBe('No key: free, rate-limited.');
    // An npm start from before the field: its status says nothing of a key.
    hub.status = { reachable: true, overlays: 0, senders: 0, refused: {} };
    expect(keys.shown).toBe('old-hub');
    hub.status = { reachable: false, why: 'absent' };
    expect(keys.shown).toBe('no-hub');
    expect(KEY_STATE_TEXT['no-hub']).toMatch(/needs npm start/);
    hub.status = null;
    expect(keys.shown).toBe('asking');
    expect(KEY_STATE_TEXT.file).toBe('A key is set (from this page).');
    expect(KEY_STATE_TEXT.env).toBe('A key is set (from SIGN_API_KEY).');
  });
});

describe('saving the sign key', () => {
  it('POSTs it with the token in the body only, never in a URL, and then says a key is set', async () => {
    const calls = serve(() => json(200, { done: 'saved', signKey: 'file' }));
    const { hub, keys } = setup('none');
    expect(await keys.save(`  ${KEY}\n`)).toBe(true);
    const post = calls.find((call) => call.init?.method === 'POST');
    expect(post?.url).toBe('http://localhost:4173/hub/tiktok/key');
    expect(post?.init?.body).toBe(JSON.stringify({ key: KEY }));
    expect(new Headers(post?.init?.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls.every((call) => !call.url.includes(KEY))).toBe(true);
    expect(keys.shown).toBe('file');
    expect(hub.status).toMatchObject({ reachable: true, signKey: 'file' });
    expect(keys.said).toBe('Saved: TikTok connections use it from their next attempt.');
    expect(keys.said).not.toContain(KEY);
    expect(keys.busy).toBe(false);
  });

  it('sends nothing for a key that is not one, and says why', async () => {
    const calls = serve(() => json(200, { done: 'saved', signKey: 'file' }));
    const { keys } = setup('none');
    for (const typed of ['short', 'two words here', 'clé_française_1234', 'x'.repeat(257)]) {
      expect(await keys.save(typed)).toBe(false);
      expect(keys.said).toMatch(/^Not saved: a sign key is one word of 8 to 256 printable/);
    }
    expect(calls).toEqual([]);
  });

  it('says SIGN_API_KEY wins when the environment has one', async () => {
    serve(() => json(200, { done: 'saved', signKey: 'env' }));
    const { keys } = setup('env');
    expect(await keys.save(KEY)).toBe(true);
    expect(keys.said).toBe('Saved; SIGN_API_KEY is set, and it wins over this page.');
    expect(keys.shown).toBe('env');
  });

  it("says the hub's refusal, or that its answer is not the hub's, and keeps the field", async () => {
    serve(() => json(400, { refused: 'bad-key', detail: 'a sign key is one word' }));
    const { keys } = setup('none');
    expect(await keys.save(KEY)).toBe(false);
    expect(keys.said).toBe('Not saved: refused (bad-key): a sign key is one word');
    serve(() => new Response('<!doctype html>', { status: 200 }));
    expect(await setup('none').keys.save(KEY)).toBe(false);
    expect(keys.shown).toBe('none');
  });

  it('forgets the key: { key: null }, then no key', async () => {
    const calls = serve(() => json(200, { done: 'forgotten', signKey: 'none' }));
    const { keys } = setup('file');
    expect(await keys.forget()).toBe(true);
    expect(calls.at(-1)?.init?.body).toBe('{"key":null}');
    expect(keys.shown).toBe('none');
    expect(keys.said).toBe(
      'Forgotten: TikTok connections go without a key from their next attempt.',
    );
  });
});
