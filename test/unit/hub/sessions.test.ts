import { tempDataFolder } from './tempDataFolder';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../../src/hub/sessions/SessionStore';
import { readAnswer, statusAnswer } from '../../../src/wire/hubAnswers';
import { sessionAnswer, sessionsAnswer, type SessionSave } from '../../../src/wire/sessionAnswers';
import { oneOffGift } from '../../fixtures/core/events';
import { tiktokUser } from '../core/giftStream';
import { feed, session } from '../core/helpers';
import { hubOnServer } from './hubOnServer';

/**
 * The sessions the server keeps: one file per session written whole (temp + rename), a damaged
 * file listed and left alone, names that are never paths, and routes for this server's pages only.
 */

const folder = () => mkdtempSync(join(tmpdir(), 'gg-sessions-'));

/** A real save: the ledger and snapshot of a page that counted `gifts` one-off gifts. */
function pageSave(gifts: number, page: SessionSave['page'] = 'board'): SessionSave {
  const store = new Map<string, string>();
  const kv = {
    get: (k: string) => store.get(k) ?? null,
    set: (k: string, v: string) => void store.set(k, v),
    remove: () => {},
  };
  const s = session({ role: page }, kv);
  feed(
    s,
    Array.from({ length: gifts }, (_, i) =>
      oneOffGift({ id: `g${i}`, sender: tiktokUser(i % 3), coins: 10 }),
    ),
  );
  s.save(5000);
  const snapshot: unknown = JSON.parse([...store.values()][0] ?? 'null');
  return { page, savedAt: 5000, entries: s.drainLedger(), likes: 0, snapshot };
}

describe('SessionStore', () => {
  it('writes a session whole and reads it back after a restart', () => {
    const dir = folder();
    const store = new SessionStore(dir, () => 100);
    expect(store.save('night-1', pageSave(4)).ok).toBe(true);
    expect(readdirSync(dir)).toEqual(['night-1.json']);
    const again = new SessionStore(dir, () => 200);
    const got = again.get('night-1');
    expect(got.ok && got.value?.ledger.size).toBe(4);
    expect(again.list().sessions).toEqual([
      { name: 'night-1', created: 100, updated: 100, gifters: 3, points: 40 },
    ]);
  });

  it('merges a second page and a repeated save without doubling', () => {
    const store = new SessionStore(folder(), () => 100);
    store.save('s', pageSave(4, 'board'));
    store.save('s', pageSave(6, 'alerts'));
    store.save('s', pageSave(6, 'alerts'));
    expect(store.list().sessions[0]?.points).toBe(60);
  });

  it('lists a damaged file with its reason, never overwrites it, and keeps serving the others', () => {
    const dir = folder();
    writeFileSync(join(dir, 'cut.json'), '{"v":1,"name":"cut","led');
    writeFileSync(join(dir, 'other.json'), '{"v":2}');
    const store = new SessionStore(dir, () => 100);
    store.save('fine', pageSave(1));
    const list = store.list();
    expect(list.sessions.map((s) => s.name)).toEqual(['fine']);
    expect(list.damaged).toEqual([
      { file: 'cut.json', reason: expect.stringContaining('not JSON') },
      { file: 'other.json', reason: expect.stringContaining('not a Giftglow session file') },
    ]);
    const save = store.save('cut', pageSave(1));
    expect(save.ok).toBe(false);
    expect(readFileSync(join(dir, 'cut.json'), 'utf8')).toBe('{"v":1,"name":"cut","led');
  });

  it('refuses names that are paths', () => {
    const store = new SessionStore(folder(), () => 100);
    for (const name of ['../x', 'a/b', '..', '', 'x'.repeat(41), 'a.json', '%2e%2e'])
      expect(store.save(name, pageSave(1))).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a snapshot that is not one, keeping nothing of that save', () => {
    const store = new SessionStore(folder(), () => 100);
    const bad = { ...pageSave(2), snapshot: { v: 9 } };
    expect(store.save('s', bad)).toMatchObject({ ok: false, status: 400 });
    expect(store.get('s')).toEqual({ ok: true, value: null });
  });

  it('leaves no temp file, and renames and deletes', () => {
    const dir = folder();
    const store = new SessionStore(dir, () => 100);
    store.save('a', pageSave(1));
    expect(store.rename('a', 'b').ok).toBe(true);
    expect(store.rename('b', '../c')).toMatchObject({ ok: false, status: 400 });
    expect(readdirSync(dir)).toEqual(['b.json']);
    expect(store.remove('b').ok).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close();
});

async function serve() {
  const { port, send } = await hubOnServer(open, { ...tempDataFolder(), sessions: folder() });
  const own = { 'Sec-Fetch-Site': 'same-origin', Origin: `http://127.0.0.1:${port}` };
  const call = async (
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = own,
  ) => {
    const { status, text } = await send(method, path, { headers, body });
    return { status, text };
  };
  const refused = async () =>
    readAnswer(statusAnswer, (await call('GET', '/hub/status', undefined, {})).text)?.refused;
  return { call, refused, port };
}

describe('/hub/sessions', () => {
  it("saves a page's session and gives it back to this server's pages", async () => {
    const { call } = await serve();
    const saved = await call('POST', '/hub/sessions/night', JSON.stringify(pageSave(3)));
    expect(saved).toEqual({ status: 200, text: '{"done":"saved","name":"night"}' });
    const got = readAnswer(
      sessionAnswer,
      (await call('GET', '/hub/sessions/night?page=board')).text,
    );
    expect(got?.ledger).toHaveLength(3);
    expect(got?.snapshot).toMatchObject({ v: 1 });
    const list = readAnswer(sessionsAnswer, (await call('GET', '/hub/sessions')).text);
    expect(list?.sessions.map((s) => s.name)).toEqual(['night']);
  });

  it('refuses and counts: another site, a tool, a path trick, a malformed or overlong save', async () => {
    const { call, refused, port } = await serve();
    const save = JSON.stringify(pageSave(1));
    const foreign = { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.test' };
    expect((await call('POST', '/hub/sessions/x', save, foreign)).status).toBe(403);
    expect(
      (await call('GET', '/hub/sessions', undefined, { Host: `evil.test:${port}` })).status,
    ).toBe(403);
    expect((await call('GET', '/hub/sessions', undefined, {})).status).toBe(403);
    expect((await call('GET', '/hub/sessions/..%2F..%2Fsecret')).status).toBe(400);
    expect((await call('POST', '/hub/sessions/x', '{"page":"board"}')).status).toBe(400);
    expect((await call('POST', '/hub/sessions/x', 'nope')).status).toBe(400);
    expect((await call('POST', '/hub/sessions/x', 'x'.repeat(5 * 1024 * 1024))).status).toBe(413);
    expect(await refused()).toEqual({
      'foreign-origin': 1,
      'foreign-host': 1,
      'session-request': 1,
      'session-name': 1,
      'bad-session': 1,
      'not-json': 1,
      oversized: 1,
    });
  });

  it('creates, renames and deletes a session', async () => {
    const { call } = await serve();
    expect((await call('POST', '/hub/sessions', '{"name":"fresh"}')).status).toBe(200);
    expect((await call('POST', '/hub/sessions', '{"name":"fresh"}')).status).toBe(409);
    expect((await call('PATCH', '/hub/sessions/fresh', '{"name":"renamed"}')).status).toBe(200);
    expect((await call('DELETE', '/hub/sessions/renamed')).status).toBe(200);
    const list = readAnswer(sessionsAnswer, (await call('GET', '/hub/sessions')).text);
    expect(list?.sessions).toEqual([]);
  });
});
