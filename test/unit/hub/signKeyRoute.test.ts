import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachHub, type HubServer } from '../../../src/hub/hubServer';
import type { SignKey } from '../../../src/hub/tiktok/SignKey';
import {
  eventsAnswer,
  readAnswer,
  signKeyAnswer,
  statusAnswer,
} from '../../../src/wire/hubAnswers';
import { tempDataFolder } from './tempDataFolder';
import { tempSignKey } from './tiktokDoubles';

/**
 * `POST /hub/tiktok/key` on a real HTTP server: only this computer's pages with the token may keep
 * or forget the sign key; the key lands in its file (0600, written whole) and never in an answer.
 */

const TOKEN = 'k'.repeat(43);
const KEY = 'euler_ZmFrZV9rZXlfZm9yX2dpZnRnbG93X3Rlc3Rz';
const open: Array<{ close(): void }> = [];

afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close();
});

async function serve(signKey: SignKey = tempSignKey()) {
  const server: Server = createServer((req, res) => {
    hub.middleware(req, res, () => res.writeHead(404).end());
  });
  const settings = { signUrl: 'http://127.0.0.1:9', signKey, lookup: 'tiktok' as const };
  const hub: HubServer = attachHub(server, { token: TOKEN, settings, data: tempDataFolder() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => server.close() }, hub);
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}/hub`;
  /** POSTs `body` (JSON unless a string) with the token, or `headers` in its place (Host too). */
  const post = (body: unknown, headers: Record<string, string> = auth) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(`${base}/tiktok/key`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      req.on('error', reject);
      req.end(text);
    });
  const status = async () => (await fetch(`${base}/status`)).text();
  return { hub, signKey, post, status, base, port };
}

const auth = { Authorization: `Bearer ${TOKEN}` };
const refusedAs = (text: string) => readAnswer(eventsAnswer, text);

describe('saving the sign key from the start page', () => {
  it('keeps a good key in its file, readable by its owner only, and never says it back', async () => {
    const { post, status, signKey, port } = await serve();
    const origin = `http://127.0.0.1:${port}`;
    const saved = await post({ key: KEY }, { ...auth, Origin: origin });
    expect(saved.status).toBe(200);
    expect(readAnswer(signKeyAnswer, saved.text)).toEqual({ done: 'saved', signKey: 'file' });
    expect(readFileSync(signKey.path, 'utf8')).toBe(`${KEY}\n`);
    expect(statSync(signKey.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(signKey.path))).toEqual(['sign-key']);
    expect(signKey.current()).toBe(KEY);
    const now = await status();
    expect(readAnswer(statusAnswer, now)?.signKey).toBe('file');
    expect(saved.text + now).not.toContain(KEY);
  });

  it('replaces a key whole: a new file renamed over the old one, never rewritten in place', async () => {
    const { post, signKey } = await serve();
    await post({ key: KEY });
    const before = statSync(signKey.path).ino;
    const next = `${KEY}_2`;
    expect((await post({ key: next })).status).toBe(200);
    expect(readFileSync(signKey.path, 'utf8')).toBe(`${next}\n`);
    expect(statSync(signKey.path).ino).not.toBe(before);
    expect(statSync(signKey.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(signKey.path))).toEqual(['sign-key']);
  });

  it('forgets the key with { key: null }: the file goes, the status says none', async () => {
    const { post, status, signKey } = await serve();
    await post({ key: KEY });
    const forgot = await post({ key: null });
    expect(readAnswer(signKeyAnswer, forgot.text)).toEqual({ done: 'forgotten', signKey: 'none' });
    expect(readdirSync(dirname(signKey.path))).toEqual([]);
    expect(signKey.current()).toBeNull();
    expect(readAnswer(statusAnswer, await status())?.signKey).toBe('none');
    expect((await post({ key: null })).status).toBe(200);
  });

  it('says SIGN_API_KEY wins: the key is kept for later, the one in use stays the environment’s', async () => {
    const { post, status, signKey } = await serve(tempSignKey('from_the_environment_1'));
    expect(readAnswer(statusAnswer, await status())?.signKey).toBe('env');
    const saved = await post({ key: KEY });
    expect(readAnswer(signKeyAnswer, saved.text)).toEqual({ done: 'saved', signKey: 'env' });
    expect(readFileSync(signKey.path, 'utf8')).toBe(`${KEY}\n`);
    expect(signKey.current()).toBe('from_the_environment_1');
    const forgot = await post({ key: null });
    expect(readAnswer(signKeyAnswer, forgot.text)).toEqual({ done: 'forgotten', signKey: 'env' });
  });
});

describe('refusing to save a sign key', () => {
  it('from another site, without the token, or with a wrong one: nothing written, counted', async () => {
    const { hub, post, signKey } = await serve();
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ ...auth, Origin: 'https://evil.test' }, 403, 'foreign-origin'],
      [{ ...auth, Host: 'evil.test' }, 403, 'foreign-host'],
      [{}, 401, 'no-token'],
      [{ Authorization: 'Bearer wrong' }, 401, 'bad-token'],
    ];
    for (const [headers, code, reason] of cases) {
      const answer = await post({ key: KEY }, headers);
      expect(answer.status).toBe(code);
      expect(refusedAs(answer.text)).toMatchObject({ refused: reason });
    }
    expect(readdirSync(dirname(signKey.path))).toEqual([]);
    expect(hub.hub.refusals.byReason()).toEqual({
      'foreign-origin': 1,
      'foreign-host': 1,
      'no-token': 1,
      'bad-token': 1,
    });
  });

  it('an oversized body, one that is not JSON, not { key } or not a key: counted, never echoed', async () => {
    const { hub, post, signKey } = await serve();
    const bad = [
      'short',
      'two words here',
      'tab\there_1234',
      'clé_française_1234',
      'x'.repeat(257),
    ];
    const cases: Array<[unknown, number, string]> = [
      [{ key: 'y'.repeat(2_000) }, 413, 'oversized'],
      ['key=' + KEY, 400, 'not-json'],
      [{ token: KEY }, 400, 'bad-key'],
      [{ key: 42 }, 400, 'bad-key'],
      ...bad.map((key): [unknown, number, string] => [{ key }, 400, 'bad-key']),
    ];
    for (const [body, code, reason] of cases) {
      const answer = await post(body);
      expect(answer.status).toBe(code);
      expect(refusedAs(answer.text)).toMatchObject({ refused: reason });
      expect(answer.text).not.toContain(KEY);
      for (const key of bad) expect(answer.text).not.toContain(key);
    }
    expect(readdirSync(dirname(signKey.path))).toEqual([]);
    expect(hub.hub.refusals.byReason()).toEqual({ oversized: 1, 'not-json': 1, 'bad-key': 7 });
  });

  it('a GET (405), and a key the hub cannot write (500, counted, the old one kept)', async () => {
    const { hub, post, base, signKey } = await serve();
    const get = await fetch(`${base}/tiktok/key?key=${KEY}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(refusedAs(await get.text())).toMatchObject({ refused: 'method' });
    await post({ key: KEY });
    // The temp file's name taken by a folder: the write fails before the rename.
    const temp = `${signKey.path}.${process.pid}.tmp`;
    mkdirSync(temp);
    writeFileSync(`${temp}/in-the-way`, '');
    const failed = await post({ key: `${KEY}_new` });
    expect(failed.status).toBe(500);
    expect(refusedAs(failed.text)).toMatchObject({ refused: 'key-not-saved' });
    expect(failed.text).not.toContain(KEY);
    expect(readFileSync(signKey.path, 'utf8')).toBe(`${KEY}\n`);
    expect(signKey.current()).toBe(KEY);
    expect(hub.hub.refusals.byReason()).toEqual({ 'key-not-saved': 1 });
  });
});
