import { MEDIA_NAME, SOUND_NAME } from '../core/rules/ruleFormat.ts';

/**
 * The streamer's media folder (`npm start` serves it at `/media/<name>`, the start page uploads
 * through `/hub/media`): what a file may be, judged by its first bytes, never by its name alone.
 */

export const MEDIA_TYPES = {
  png: { mime: 'image/png', kind: 'image', extensions: ['png', 'apng'] },
  gif: { mime: 'image/gif', kind: 'image', extensions: ['gif'] },
  webp: { mime: 'image/webp', kind: 'image', extensions: ['webp'] },
  webm: { mime: 'video/webm', kind: 'video', extensions: ['webm'] },
  mp3: { mime: 'audio/mpeg', kind: 'audio', extensions: ['mp3'] },
  ogg: { mime: 'audio/ogg', kind: 'audio', extensions: ['ogg', 'oga'] },
  wav: { mime: 'audio/wav', kind: 'audio', extensions: ['wav'] },
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;

/** The largest file the hub accepts (a 10-second 1080p WebM with alpha is a few MB). */
export const MAX_MEDIA_BYTES = 32 * 1024 * 1024;
/** Files the folder lists at most (and the hub accepts an upload into). */
export const MAX_MEDIA_FILES = 500;

/** What a file's first bytes say it is (16 are enough), or null for anything else. */
export function sniffMedia(head: Uint8Array): MediaType | null {
  const at = (offset: number, ...bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  const ascii = (offset: number, text: string) =>
    at(offset, ...Array.from(text, (c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (at(0, 0x1a, 0x45, 0xdf, 0xa3)) return 'webm';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(0, 'ID3')) return 'mp3';
  // An MPEG audio frame with no ID3 tag: 11 sync bits, layer III.
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xe6) === 0xe2) return 'mp3';
  return null;
}

/** What a media file's name may be: one name (no folder, no dot first) with a known ending. */
export const MEDIA_NAME_RULE =
  'a file name of letters, digits, spaces, _ . ( ) - (no ..) with a .png .gif .apng .webp .webm .mp3 .ogg .wav ending';

/**
 * Does `name` pass MEDIA_NAME_RULE (an image, a video or a sound)? Checked after decoding, once;
 * `..` is refused anywhere in it, though the rule's characters could never make a path of it.
 */
export function isMediaFileName(name: string): boolean {
  return (MEDIA_NAME.test(name) || SOUND_NAME.test(name)) && !name.includes('..');
}

/** Why a file may not be kept under `name` with these first bytes, or null when it may. */
export function uploadRefusal(name: string, head: Uint8Array, size: number): string | null {
  if (!isMediaFileName(name)) return MEDIA_NAME_RULE;
  if (size > MAX_MEDIA_BYTES) return `larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`;
  if (size === 0) return 'an empty file';
  const type = sniffMedia(head);
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (type === null)
    return `not a PNG, GIF, WebP, WebM, MP3, Ogg or WAV file (whatever its name says)`;
  const allowed: readonly string[] = MEDIA_TYPES[type].extensions;
  if (!allowed.includes(extension)) return `a ${type.toUpperCase()} file named .${extension}`;
  return null;
}

/** The type a file name promises (for serving and for the overlay), or null. */
export function mediaTypeOfName(name: string): MediaType | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  for (const [type, info] of Object.entries(MEDIA_TYPES) as [
    MediaType,
    (typeof MEDIA_TYPES)[MediaType],
  ][])
    if ((info.extensions as readonly string[]).includes(extension)) return type;
  return null;
}
