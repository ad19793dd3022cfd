import { afterEach, describe, expect, it, vi } from 'vitest';
import { MediaState, sizeText } from '../../../../../src/ui/start/rules/MediaState.svelte';
import { json, stubHub, TOKEN } from './stubHub';

/** The media folder on the start page: listed, uploaded (judged here first), deleted. */

afterEach(() => vi.unstubAllGlobals());

const PNG_HEAD = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
];
const png = (name: string) => new File([new Uint8Array([...PNG_HEAD, 1, 2, 3])], name);
const LISTED = {
  folder: '/home/me/giftglow-data/media',
  files: [
    { name: 'lion.png', size: 19, type: 'png' },
    { name: 'roar.mp3', size: 4096, type: 'mp3' },
    { name: 'clip.webm', size: 3_300_000, type: 'webm' },
  ],
};

describe('the media library', () => {
  it('lists the folder, with where it is; pictures and clips for media, sounds and WebM for sound', async () => {
    const { client } = stubHub({ 'GET /hub/media': () => json(200, LISTED) });
    const media = new MediaState(client);
    await media.refresh();
    expect(media.folder).toBe(LISTED.folder);
    expect(media.images.map((f) => f.name)).toEqual(['lion.png', 'clip.webm']);
    expect(media.sounds.map((f) => f.name)).toEqual(['roar.mp3', 'clip.webm']);
    expect(media.urlOf('my clip (1).webm')).toBe(
      'http://localhost:4173/media/my%20clip%20(1).webm',
    );
  });

  it('says the list could not be read when the answer is not the hub’s', async () => {
    const { client } = stubHub({ 'GET /hub/media': () => new Response('<html>', { status: 200 }) });
    const media = new MediaState(client);
    await media.refresh();
    expect(media.listError).toMatch(
      /^The media folder could not be read: the hub answered something unexpected/,
    );
  });

  it('uploads a PNG with the token, its bytes as they are', async () => {
    const { client, calls } = stubHub({
      'POST /hub/media': () => json(200, { done: 'saved', name: 'lion.png' }),
      'GET /hub/media': () => json(200, LISTED),
    });
    const media = new MediaState(client);
    await media.upload([png('lion.png')]);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.search).toBe('?name=lion.png');
    expect(post?.init?.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}` });
    expect([...(post?.init?.body as Uint8Array)].slice(0, 8)).toEqual(PNG_HEAD.slice(0, 8));
    expect(media.notes).toEqual([{ name: 'lion.png', ok: true, text: 'lion.png uploaded.' }]);
    expect(media.files).toHaveLength(3);
  });

  it('refuses a text file named .png at once, sending none of it', async () => {
    const { client, calls } = stubHub({ 'GET /hub/media': () => json(200, LISTED) });
    const media = new MediaState(client);
    await media.upload([new File(['just some text, not a picture'], 'fake.png'), png('../x.png')]);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(media.notes.map((n) => n.ok)).toEqual([false, false]);
    expect(media.notes[0]?.text).toBe(
      'fake.png refused: not a PNG, GIF, WebP, WebM, MP3, Ogg or WAV file (whatever its name says).',
    );
    expect(media.notes[1]?.text).toMatch(/^\.\.\/x\.png refused: a file name of letters/);
  });

  it('shows the hub’s own refusal of a file', async () => {
    const { client } = stubHub({
      'POST /hub/media': () => json(429, { refused: 'rate', detail: 'too many uploads' }),
      'GET /hub/media': () => json(200, LISTED),
    });
    const media = new MediaState(client);
    await media.upload([png('lion.png')]);
    expect(media.notes).toEqual([
      {
        name: 'lion.png',
        ok: false,
        text: 'lion.png refused by the hub: refused (rate): too many uploads',
      },
    ]);
  });

  it('deletes a file with the token, and says so', async () => {
    const { client, calls } = stubHub({
      'DELETE /hub/media': () => json(200, { done: 'deleted', name: 'lion.png' }),
      'GET /hub/media': () => json(200, { ...LISTED, files: LISTED.files.slice(1) }),
    });
    const media = new MediaState(client);
    await media.remove('lion.png');
    expect(calls.find((c) => c.method === 'DELETE')?.search).toBe('?name=lion.png');
    expect(media.notes[0]?.text).toBe('lion.png deleted.');
    expect(media.files.map((f) => f.name)).toEqual(['roar.mp3', 'clip.webm']);
  });
});

describe('a file size', () => {
  it.each([
    [812, '812 B'],
    [14_540, '14.2 KB'],
    [3_300_000, '3.1 MB'],
  ])('%i bytes reads %s', (bytes, text) => expect(sizeText(bytes)).toBe(text));
});
