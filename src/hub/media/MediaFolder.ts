import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  isMediaFileName,
  MAX_MEDIA_FILES,
  sniffMedia,
  uploadRefusal,
  type MediaType,
} from '../../wire/mediaFiles.ts';
import { writeFileAtomic } from '../atomicFile.ts';
import { errorCode } from '../errorCode.ts';

/** A file of the folder that may be listed and served: its name, bytes and type by content. */
export interface MediaFile {
  name: string;
  size: number;
  type: MediaType;
}

/** A file found for serving: open (the caller closes `fd`, or a stream does), so it cannot change. */
export interface OpenMedia extends MediaFile {
  fd: number;
}

/** First bytes read to tell a file's type (sniffMedia needs 12). */
const HEAD_BYTES = 16;

/**
 * The media folder (`giftglow-data/media`): files the streamer uploads on the start page or copies
 * in by hand. Only files that would be accepted as uploads are listed and served: a name by the
 * media name rule, a size within the limit, first bytes of the type the name says. A name is never
 * a path: it is resolved in the folder, and a symlink that leads out of it is not followed.
 */
export class MediaFolder {
  /** The folder's real path (created on first start). */
  readonly path: string;
  /** Why the folder could not be made (a read-only checkout): it then lists nothing. */
  readonly problem: string | null;

  constructor(path: string) {
    try {
      mkdirSync(path, { recursive: true });
      this.path = realpathSync(path);
      this.problem = null;
    } catch (error) {
      this.path = resolve(path);
      this.problem = `${this.path} cannot be made (${errorCode(error)})`;
    }
  }

  /** The files to list, by name, at most MAX_MEDIA_FILES; `skipped`: the folder's other entries. */
  list(): { files: MediaFile[]; skipped: number } {
    let names: string[];
    try {
      names = readdirSync(this.path).sort();
    } catch {
      return { files: [], skipped: 0 };
    }
    const files: MediaFile[] = [];
    for (const name of names) {
      if (files.length >= MAX_MEDIA_FILES) break;
      const found = this.open(name);
      if (found === null) continue;
      closeSync(found.fd);
      files.push({ name: found.name, size: found.size, type: found.type });
    }
    return { files, skipped: names.length - files.length };
  }

  /** Is there a file to list or replace by this name? */
  has(name: string): boolean {
    const found = this.open(name);
    if (found !== null) closeSync(found.fd);
    return found !== null;
  }

  /** The file `name` opened for reading, or null: a bad name, none, outside, or not media. */
  open(name: string): OpenMedia | null {
    const real = this.#inside(name);
    if (real === null) return null;
    let fd: number;
    try {
      fd = openSync(real, 'r');
    } catch {
      return null;
    }
    try {
      const stat = fstatSync(fd);
      const head = new Uint8Array(HEAD_BYTES);
      const read = stat.isFile() ? readSync(fd, head, 0, HEAD_BYTES, 0) : 0;
      const first = head.subarray(0, read);
      const type = sniffMedia(first);
      if (!stat.isFile() || type === null || uploadRefusal(name, first, stat.size) !== null) {
        closeSync(fd);
        return null;
      }
      return { name, size: stat.size, type, fd };
    } catch {
      closeSync(fd);
      return null;
    }
  }

  /** Keeps `bytes` as `name` (already judged by uploadRefusal), replacing a file of that name. */
  save(name: string, bytes: Uint8Array): void {
    writeFileAtomic(this.#path(name), bytes, 0o644);
  }

  /** Deletes `name` (a symlink: the link, never what it leads to); none there is no error. */
  remove(name: string): void {
    rmSync(this.#path(name), { force: true });
  }

  /** Where `name` lives in the folder; throws on a name that is not one (callers check first). */
  #path(name: string): string {
    const path = resolve(this.path, name);
    if (!isMediaFileName(name) || dirname(path) !== this.path)
      throw new Error(`not a media file name: ${JSON.stringify(name)}`);
    return path;
  }

  /** The real path of `name` when it is a media name and really is in the folder, else null. */
  #inside(name: string): string | null {
    if (!isMediaFileName(name)) return null;
    const path = resolve(this.path, name);
    if (dirname(path) !== this.path) return null;
    try {
      const real = realpathSync(path);
      return dirname(real) === this.path ? real : null;
    } catch {
      return null;
    }
  }
}
