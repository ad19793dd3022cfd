import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataFolderOf } from '../../../src/hub/dataFolder';
import {
  eventsAnswer,
  mediaAnswer,
  mediaDoneAnswer,
  readAnswer,
} from '../../../src/wire/hubAnswers';
import { MAX_MEDIA_BYTES, MAX_MEDIA_FILES } from '../../../src/wire/mediaFiles';
import { MAX_UPLOADS_AT_ONCE } from '../../../src/hub/media/mediaRoute';
import { pngBytes, wavBytes, webmBytes } from '../../helpers/mediaSamples';
import { auth, hubOnServer } from './hubOnServer';

/**
 * The media folder on a real server: `/hub/media` lists, takes uploads and deletes with the
 * token; `/media/<name>` serves a file by its sniffed type, in byte ranges, and nothing else.
 */

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close();
});

const upload = (name: string) => `/hub/media?name=${encodeURIComponent(name)}`;
const refusedAs = (text: string) => readAnswer(eventsAnswer, text);

describe('uploading to the media folder', () => {
  it('keeps a PNG, a WebM and a WAV, lists them by type, and replaces a file of the same name', async () => {
    const { send, data } = await hubOnServer(open);
    expect(readdirSync(data.media)).toEqual([]);
    const files = {
      'lion.png': pngBytes(),
      'Lion clip (1).webm': webmBytes(),
      'roar.wav': wavBytes(),
    };
    for (const [name, body] of Object.entries(files)) {
      const saved = await send('POST', upload(name), { headers: auth, body });
      expect(saved.status).toBe(200);
      expect(readAnswer(mediaDoneAnswer, saved.text)).toEqual({ done: 'saved', name });
      expect(readFileSync(join(data.media, name))).toEqual(body);
    }
    const bigger = pngBytes(8, 8);
    expect((await send('POST', upload('lion.png'), { headers: auth, body: bigger })).status).toBe(
      200,
    );
    const listed = readAnswer(mediaAnswer, (await send('GET', '/hub/media')).text);
    expect(listed).toEqual({
      folder: data.media,
      files: [
        { name: 'Lion clip (1).webm', size: webmBytes().length, type: 'webm' },
        { name: 'lion.png', size: bigger.length, type: 'png' },
        { name: 'roar.wav', size: wavBytes().length, type: 'wav' },
      ],
      skipped: 0,
    });
    expect(readdirSync(data.media).sort()).toEqual(Object.keys(files).sort());
  });

  it('refuses a text file named .png (415, with the reason) and writes nothing', async () => {
    const { send, data, hub } = await hubOnServer(open);
    const body = Buffer.from('I am not a picture\n');
    const answer = await send('POST', upload('fake.png'), { headers: auth, body });
    expect(answer.status).toBe(415);
    expect(refusedAs(answer.text)).toEqual({
      refused: 'media-type',
      detail: 'not a PNG, GIF, WebP, WebM, MP3, Ogg or WAV file (whatever its name says)',
    });
    const wav = await send('POST', upload('sound.png'), { headers: auth, body: wavBytes() });
    expect(refusedAs(wav.text)).toEqual({ refused: 'media-type', detail: 'a WAV file named .png' });
    expect(readdirSync(data.media)).toEqual([]);
    expect(hub.hub.refusals.byReason()).toEqual({ 'media-type': 2 });
  });

  it('refuses an upload with no token, a wrong one, from another site or to another host', async () => {
    const { send, data, hub, port } = await hubOnServer(open);
    const body = pngBytes();
    const cases: Array<[Record<string, string>, number, string]> = [
      [{}, 401, 'no-token'],
      [{ Authorization: 'Bearer wrong' }, 401, 'bad-token'],
      [{ ...auth, Origin: 'https://evil.test' }, 403, 'foreign-origin'],
      [
        { ...auth, Host: `evil.test:${port}`, Origin: `http://evil.test:${port}` },
        403,
        'foreign-host',
      ],
    ];
    for (const [headers, status, reason] of cases) {
      const answer = await send('POST', upload('lion.png'), { headers, body });
      expect(answer.status).toBe(status);
      expect(refusedAs(answer.text)).toMatchObject({ refused: reason });
    }
    const own = { ...auth, Origin: `http://localhost:${port}`, Host: `localhost:${port}` };
    expect((await send('POST', upload('lion.png'), { headers: own, body })).status).toBe(200);
    expect(readdirSync(data.media)).toEqual(['lion.png']);
    expect(hub.hub.refusals.byReason()).toEqual({
      'no-token': 1,
      'bad-token': 1,
      'foreign-origin': 1,
      'foreign-host': 1,
    });
  });

  it('refuses names that are paths, however they are spelled', async () => {
    const { send, data, hub } = await hubOnServer(open);
    const names = [
      '../x.png',
      '%2e%2e%2fx.png',
      'a/b.png',
      '..%2Fx.png',
      '.x.png',
      'x.png%00.txt',
      '',
    ];
    for (const name of names) {
      const answer = await send('POST', `/hub/media?name=${name}`, {
        headers: auth,
        body: pngBytes(),
      });
      expect(answer.status).toBe(400);
      expect(refusedAs(answer.text)).toMatchObject({ refused: 'media-name' });
    }
    expect(readdirSync(join(data.media, '..'))).toEqual(['media']);
    expect(readdirSync(data.media)).toEqual([]);
    expect(hub.hub.refusals.byReason()).toEqual({ 'media-name': names.length });
  });

  it('stops reading a body past 32 MB and answers 413, declared or streamed', async () => {
    const { send, data, hub } = await hubOnServer(open);
    const declared = await send('POST', upload('big.webm'), {
      headers: { ...auth, 'Content-Length': MAX_MEDIA_BYTES + 1 },
      body: webmBytes().subarray(0, 16),
    });
    expect(declared.status).toBe(413);
    const body = Buffer.concat([webmBytes(), Buffer.alloc(MAX_MEDIA_BYTES)]);
    const streamed = await send('POST', upload('big.webm'), {
      headers: { ...auth, 'Transfer-Encoding': 'chunked' },
      body,
    });
    expect(streamed.status).toBe(413);
    expect(refusedAs(streamed.text)).toEqual({ refused: 'oversized', detail: 'larger than 32 MB' });
    expect(readdirSync(data.media)).toEqual([]);
    expect(hub.hub.refusals.byReason()).toEqual({ oversized: 2 });
  });

  it('takes a batch of 30 uploads and deletes at once, then refuses until time passes (429)', async () => {
    const { send, hub } = await hubOnServer(open);
    for (let i = 0; i < 30; i++)
      expect((await send('DELETE', upload(`n${i}.png`), { headers: auth })).status).toBe(200);
    const slowed = await send('POST', upload('lion.png'), { headers: auth, body: pngBytes() });
    expect(slowed.status).toBe(429);
    expect(refusedAs(slowed.text)).toMatchObject({ refused: 'rate' });
    expect(hub.hub.refusals.byReason()).toEqual({ rate: 1 });
  });

  /** `count` uploads that send their first bytes and wait (until `end` or `destroy`). */
  function slowUploads(port: number, count: number, from = 0) {
    return Array.from({ length: count }, (_, i) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: upload(`slow${from + i}.png`),
        headers: { ...auth, 'Transfer-Encoding': 'chunked' },
      });
      req.on('error', () => undefined);
      req.write(pngBytes().subarray(0, 20));
      const answered = new Promise<number>((resolve) =>
        req.on('response', (res) => resolve(res.statusCode ?? 0)),
      );
      open.push({ close: () => req.destroy() });
      return { req, answered };
    });
  }

  it('reads 4 uploads at once: a fifth meanwhile is refused (429), and taken once one ends', async () => {
    const { send, port, seen, hub, data } = await hubOnServer(open);
    const streaming = slowUploads(port, MAX_UPLOADS_AT_ONCE);
    await vi.waitFor(() => expect(seen.requests).toBe(MAX_UPLOADS_AT_ONCE));
    const fifth = await send('POST', upload('lion.png'), { headers: auth, body: pngBytes() });
    expect(fifth.status).toBe(429);
    expect(refusedAs(fifth.text)).toMatchObject({ refused: 'rate' });
    const [first] = streaming;
    first?.req.end(pngBytes().subarray(20));
    expect(await first?.answered).toBe(200);
    expect(
      (await send('POST', upload('lion.png'), { headers: auth, body: pngBytes() })).status,
    ).toBe(200);
    for (const { req } of streaming) req.destroy();
    expect(readdirSync(data.media).sort()).toEqual(['lion.png', 'slow0.png']);
    expect(hub.hub.refusals.byReason()).toEqual({ rate: 1 });
  });

  it('frees the place of an upload whose client went away midway, writing nothing of it', async () => {
    const { send, port, seen, data, hub } = await hubOnServer(open);
    const gone = slowUploads(port, MAX_UPLOADS_AT_ONCE);
    await vi.waitFor(() => expect(seen.requests).toBe(MAX_UPLOADS_AT_ONCE));
    for (const { req } of gone) req.destroy();
    // Once the server has seen them go, four places are free again: three slow ones and this one.
    await vi.waitFor(async () => {
      const probe = await send('POST', upload('probe.png'), { headers: auth, body: pngBytes() });
      expect(probe.status).toBe(200);
    });
    const before = seen.requests;
    slowUploads(port, MAX_UPLOADS_AT_ONCE - 1, 10);
    await vi.waitFor(() => expect(seen.requests).toBe(before + MAX_UPLOADS_AT_ONCE - 1));
    const last = await send('POST', upload('lion.png'), { headers: auth, body: pngBytes() });
    expect(last.status).toBe(200);
    expect(readdirSync(data.media).sort()).toEqual(['lion.png', 'probe.png']);
    // Nobody was there to refuse: a cut-off upload is not counted as too big.
    expect(hub.hub.refusals.byReason()).not.toHaveProperty('oversized');
  });

  it('takes no new file into a folder of 500, but still replaces one there', async () => {
    const { send, data, hub } = await hubOnServer(open);
    for (let i = 0; i < MAX_MEDIA_FILES; i++)
      writeFileSync(join(data.media, `f${String(i).padStart(3, '0')}.png`), pngBytes());
    const full = await send('POST', upload('new.png'), { headers: auth, body: pngBytes() });
    expect(full.status).toBe(507);
    expect(refusedAs(full.text)).toMatchObject({ refused: 'media-full' });
    const again = await send('POST', upload('f000.png'), { headers: auth, body: pngBytes(3, 3) });
    expect(again.status).toBe(200);
    expect(readdirSync(data.media)).toHaveLength(MAX_MEDIA_FILES);
    expect(hub.hub.refusals.byReason()).toEqual({ 'media-full': 1 });
  });

  it('deletes a file with the token (a symlink: the link only), and refuses without it', async () => {
    const { send, data } = await hubOnServer(open);
    await send('POST', upload('lion.png'), { headers: auth, body: pngBytes() });
    const outside = join(data.root, 'keep.png');
    writeFileSync(outside, pngBytes());
    symlinkSync(outside, join(data.media, 'link.png'));
    expect((await send('DELETE', upload('lion.png'))).status).toBe(401);
    const gone = await send('DELETE', upload('lion.png'), { headers: auth });
    expect(readAnswer(mediaDoneAnswer, gone.text)).toEqual({ done: 'deleted', name: 'lion.png' });
    expect((await send('DELETE', upload('link.png'), { headers: auth })).status).toBe(200);
    expect((await send('DELETE', upload('../keep.png'), { headers: auth })).status).toBe(400);
    expect(readdirSync(data.media)).toEqual([]);
    expect(statSync(outside).isFile()).toBe(true);
    expect((await send('PUT', upload('lion.png'), { headers: auth })).status).toBe(405);
  });
});

describe('a data folder that cannot be made (a read-only checkout)', () => {
  it('is no crash: said in the log, an empty list, and a refused upload or save that says why', async () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'giftglow-blocked-')), 'data');
    writeFileSync(blocked, 'a file where the folder should be');
    const { send, logged, hub } = await hubOnServer(open, dataFolderOf(blocked, {}));
    expect(logged).toEqual([expect.stringMatching(/Media folder: .* cannot be made \(ENOTDIR\)/)]);
    expect(readAnswer(mediaAnswer, (await send('GET', '/hub/media')).text)?.files).toEqual([]);
    const saved = await send('POST', upload('lion.png'), { headers: auth, body: pngBytes() });
    expect(saved.status).toBe(500);
    expect(refusedAs(saved.text)).toMatchObject({
      refused: 'not-saved',
      detail: expect.stringMatching(/^could not write lion\.png in .*: ENOTDIR$/),
    });
    const rules = await send('PUT', '/hub/rules', {
      headers: auth,
      body: JSON.stringify({ v: 1, rules: [] }),
    });
    expect(rules.status).toBe(500);
    expect(JSON.parse((await send('GET', '/hub/rules')).text)).toEqual({ v: 1, rules: [] });
    expect(hub.hub.refusals.byReason()).toEqual({ 'not-saved': 2 });
    expect(readFileSync(blocked, 'utf8')).toBe('a file where the folder should be');
  });
});

describe('serving the media folder at /media/', () => {
  async function withFiles() {
    const served = await hubOnServer(open);
    const { data } = served;
    writeFileSync(join(data.media, 'lion.png'), pngBytes());
    writeFileSync(join(data.media, 'clip.webm'), webmBytes());
    writeFileSync(join(data.media, 'fake.png'), 'not a picture');
    writeFileSync(join(data.media, 'notes.txt'), 'hello');
    writeFileSync(join(data.root, 'secret.png'), pngBytes());
    symlinkSync(join(data.root, 'secret.png'), join(data.media, 'escape.png'));
    symlinkSync(join(data.media, 'lion.png'), join(data.media, 'alias.png'));
    mkdirSync(join(data.media, 'folder.png'));
    return served;
  }

  it('serves a file with its sniffed type, nosniff and no-cache, and lists only what it serves', async () => {
    const { send, data } = await withFiles();
    const png = await send('GET', '/media/lion.png');
    expect(png.status).toBe(200);
    expect(png.body).toEqual(pngBytes());
    expect(png.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
      'cross-origin-resource-policy': 'same-origin',
      'accept-ranges': 'bytes',
    });
    expect((await send('GET', '/media/alias.png')).body).toEqual(pngBytes());
    const listed = readAnswer(mediaAnswer, (await send('GET', '/hub/media')).text);
    expect(listed?.files.map((file) => file.name)).toEqual(['alias.png', 'clip.webm', 'lion.png']);
    expect(listed?.skipped).toBe(4);
    expect(listed?.folder).toBe(data.media);
  });

  it('answers a byte range 206, as a <video> asks, and an impossible one 416', async () => {
    const { send } = await withFiles();
    const webm = webmBytes();
    const range = await send('GET', '/media/clip.webm', { headers: { Range: 'bytes=4-19' } });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 4-19/${webm.length}`);
    expect(range.headers['content-type']).toBe('video/webm');
    expect(range.body).toEqual(webm.subarray(4, 20));
    const open = await send('GET', '/media/clip.webm', { headers: { Range: 'bytes=0-' } });
    expect(open.status).toBe(206);
    expect(open.body).toEqual(webm);
    const past = await send('GET', '/media/clip.webm', { headers: { Range: 'bytes=9999-' } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${webm.length}`);
    const head = await send('HEAD', '/media/clip.webm');
    expect(head.headers['content-length']).toBe(String(webm.length));
    expect(head.body.length).toBe(0);
  });

  it('serves nothing outside the folder, nothing that is not media, and nothing to a rebinding page', async () => {
    const { send, hub, port } = await withFiles();
    const tricks = [
      '/media/../secret.png',
      '/media/%2e%2e/secret.png',
      '/media/%2e%2e%2fsecret.png',
      '/media/%252e%252e%252fsecret.png',
      '/media/..%5csecret.png',
      '/media/lion.png%00.txt',
      '/media/%E0%A4%A.png',
    ];
    for (const path of tricks) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.includes(pngBytes())).toBe(false);
    }
    expect(hub.hub.refusals.byReason()).toEqual({ 'media-name': tricks.length });
    for (const name of ['escape.png', 'fake.png', 'notes.txt', 'folder.png', 'none.png'])
      expect((await send('GET', `/media/${name}`)).status, name).toBe(404);
    const rebinding = await send('GET', '/media/lion.png', {
      headers: { Host: `evil.test:${port}` },
    });
    expect(rebinding.status).toBe(403);
    expect(rebinding.body.includes(pngBytes())).toBe(false);
    const list = await send('GET', '/hub/media', { headers: { Host: `evil.test:${port}` } });
    expect(list.status).toBe(403);
    expect((await send('POST', '/media/lion.png', { headers: auth })).status).toBe(405);
  });
});
