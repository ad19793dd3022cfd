import type { MediaAnswer } from '../../../wire/hubAnswers';
import { MEDIA_TYPES, uploadRefusal } from '../../../wire/mediaFiles';
import type { HubClient } from '../hubClient';

export type MediaFile = MediaAnswer['files'][number];

/** What became of one file the streamer dropped or picked: kept, or refused and why. */
export interface UploadNote {
  name: string;
  ok: boolean;
  text: string;
}

/** The first bytes a file is judged by (mediaFiles.ts needs 16). */
const HEAD_BYTES = 16;

/**
 * The media folder as the start page shows it: the files the hub lists, uploads (judged here on
 * their first bytes before any byte is sent, so a refusal shows at once; the hub judges again) and
 * deletes, each with what it did in words.
 */
export class MediaState {
  files = $state<MediaFile[]>([]);
  /** Where the folder is on disk: the streamer may copy files in by hand. */
  folder = $state('');
  /** The last upload's files, one note each; or why the list could not be read. */
  notes = $state<UploadNote[]>([]);
  listError = $state('');
  busy = $state(false);

  readonly #hub: HubClient;

  constructor(hub: HubClient) {
    this.#hub = hub;
  }

  /** Where the page and the overlays read a file: `/media/<name>`. */
  urlOf(name: string): string {
    return this.#hub.mediaUrl(name);
  }

  get images(): MediaFile[] {
    return this.files.filter((f) => MEDIA_TYPES[f.type].kind !== 'audio');
  }

  /** Sound files: audio, and WebM too (a WebM may carry only sound). */
  get sounds(): MediaFile[] {
    return this.files.filter((f) => MEDIA_TYPES[f.type].kind !== 'image');
  }

  async refresh(): Promise<void> {
    const answer = await this.#hub.media();
    if (!answer.ok) {
      this.listError = `The media folder could not be read: ${answer.why}`;
      return;
    }
    this.listError = '';
    this.folder = answer.folder;
    this.files = answer.files;
  }

  /** Uploads each file in turn; each gets a note (kept, or refused with the reason). */
  async upload(files: readonly File[]): Promise<void> {
    this.busy = true;
    const notes: UploadNote[] = [];
    for (const file of files) notes.push(await this.#uploadOne(file));
    this.notes = notes;
    this.busy = false;
    await this.refresh();
  }

  async remove(name: string): Promise<void> {
    const answer = await this.#hub.deleteMedia(name);
    this.notes = [
      answer.ok
        ? { name, ok: true, text: `${name} deleted.` }
        : { name, ok: false, text: `${name} not deleted: ${answer.why}` },
    ];
    await this.refresh();
  }

  async #uploadOne(file: File): Promise<UploadNote> {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    const refusal = uploadRefusal(file.name, head, file.size);
    if (refusal) return { name: file.name, ok: false, text: `${file.name} refused: ${refusal}.` };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const answer = await this.#hub.upload(file.name, bytes);
    return answer.ok
      ? { name: file.name, ok: true, text: `${answer.name} uploaded.` }
      : { name: file.name, ok: false, text: `${file.name} refused by the hub: ${answer.why}` };
  }
}

/** A file's size for people: 812 B, 14.2 KB, 3.1 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
