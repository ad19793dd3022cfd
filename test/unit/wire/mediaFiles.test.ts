import fc from 'fast-check';
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isMediaFileName,
  MAX_MEDIA_BYTES,
  mediaTypeOfName,
  sniffMedia,
  uploadRefusal,
  type MediaType,
} from '../../../src/wire/mediaFiles';
import { OTHER_HEADS, pngBytes, wavBytes, webmBytes } from '../../helpers/mediaSamples';

/** The media folder's rules: a file's type by its first bytes, its name by one rule, both checked. */

const text = Buffer.from('just some text, not a picture at all\n');
const samples: Array<[string, Uint8Array, MediaType | null]> = [
  ['a PNG made with node:zlib', pngBytes(), 'png'],
  ['a WAV of silence', wavBytes(), 'wav'],
  ["a WebM's EBML header", webmBytes(), 'webm'],
  ['a GIF', OTHER_HEADS.gif, 'gif'],
  ['a WebP', OTHER_HEADS.webp, 'webp'],
  ['an Ogg page', OTHER_HEADS.ogg, 'ogg'],
  ['an MP3 with an ID3 tag', OTHER_HEADS.mp3, 'mp3'],
  ['an MP3 frame with no tag', OTHER_HEADS.mp3Frame, 'mp3'],
  ['a text file', text, null],
  ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), null],
  ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
  ['nothing', new Uint8Array(0), null],
  ['a RIFF that is neither WAV nor WebP', Buffer.from('RIFF\0\0\0\0AVI LIST', 'latin1'), null],
  ['half a PNG signature', pngBytes().subarray(0, 5), null],
];

describe('sniffMedia', () => {
  it.each(samples)('tells %s by its first bytes', (_what, bytes, type) => {
    expect(sniffMedia(bytes.subarray(0, 16))).toBe(type);
  });
});

describe('uploadRefusal', () => {
  const ok: Array<[string, Uint8Array]> = [
    ['lion.png', pngBytes()],
    ['Lion Roar (final).APNG', pngBytes()],
    ['roar.wav', wavBytes()],
    ['clip-1.webm', webmBytes()],
    ['party.gif', OTHER_HEADS.gif],
    ['a.webp', OTHER_HEADS.webp],
    ['boom.ogg', OTHER_HEADS.ogg],
    ['boom.oga', OTHER_HEADS.ogg],
    ['ding.mp3', OTHER_HEADS.mp3Frame],
  ];
  it.each(ok)('takes %s', (name, bytes) => {
    expect(uploadRefusal(name, bytes.subarray(0, 16), bytes.length)).toBeNull();
  });

  const refused: Array<[string, string, Uint8Array, number, RegExp]> = [
    ['a text file named .png', 'fake.png', text, text.length, /not a PNG, GIF/],
    ['a WAV named .png', 'sound.png', wavBytes(), 44, /a WAV file named \.png/],
    ['a PNG named .wav', 'image.wav', pngBytes(), 60, /a PNG file named \.wav/],
    ['an empty file', 'empty.png', new Uint8Array(0), 0, /an empty file/],
    ['a file over the limit', 'big.webm', webmBytes(), MAX_MEDIA_BYTES + 1, /larger than 32 MB/],
    ['an unknown ending', 'lion.svg', pngBytes(), 60, /a file name of/],
    ['no ending', 'lion', pngBytes(), 60, /a file name of/],
  ];
  it.each(refused)('refuses %s, saying why', (_what, name, bytes, size, why) => {
    expect(uploadRefusal(name, bytes.subarray(0, 16), size)).toMatch(why);
  });
});

describe('media file names', () => {
  const hostile = [
    '../x.png',
    '..%2fx.png',
    '%2e%2e%2fx.png',
    'a/b.png',
    'a\\b.png',
    '/etc/x.png',
    'C:\\x.png',
    '.hidden.png',
    '..png',
    'a..png',
    'x.png\0.txt',
    'x.png\n',
    ' x.png',
    'x.png ',
    'x.png.exe',
    'x.html',
    'x.svg',
    'ｌion.png',
    'lion.png?x=1',
    'lion.png#top',
    `${'a'.repeat(81)}.png`,
    '',
  ];
  it.each(hostile)('refuses %j', (name) => {
    expect(isMediaFileName(name)).toBe(false);
    expect(uploadRefusal(name, pngBytes(), 60)).toMatch(/a file name of/);
  });

  it('never lets a name leave the folder it is resolved in', () => {
    const folder = resolve('/srv/media');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 90 }), (name) => {
        if (!isMediaFileName(name)) return;
        expect(resolve(folder, name).startsWith(folder + sep)).toBe(true);
        expect(name).not.toMatch(/[/\\\0]|\.\.|^\./);
      }),
    );
  });

  it('says the type a name promises', () => {
    expect(mediaTypeOfName('Lion.PNG')).toBe('png');
    expect(mediaTypeOfName('a.apng')).toBe('png');
    expect(mediaTypeOfName('a.oga')).toBe('ogg');
    expect(mediaTypeOfName('a.webm')).toBe('webm');
    expect(mediaTypeOfName('a.txt')).toBeNull();
    expect(mediaTypeOfName('png')).toBeNull();
  });
});
