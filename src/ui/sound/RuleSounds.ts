import type { Tier } from '../../core/alerts/tiers';
import type { AudioOut } from './AudioOut';

/** Decoded sounds kept for the next alert that names them; the oldest is let go beyond this. */
const CACHE = 8;
/** The last sounds played, for the debug hook. */
const HISTORY = 20;

/** A rule's sound that started (for `window.__giftglow.alerts.sounds`). */
export interface PlayedSound {
  file: string;
  /** Seconds of decoded audio. */
  seconds: number;
}

export interface RuleSoundsOptions {
  /** The file's bytes (fetch by default); rejects when it cannot be had. */
  load?: (url: string) => Promise<ArrayBuffer>;
  /** A file that could not be fetched or decoded: said once per file (until `forget`). */
  problem(file: string, message: string): void;
}

const fetchBytes = async (url: string): Promise<ArrayBuffer> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
};

/**
 * The rules' sound files: fetched from the media folder when an alert first needs one, decoded
 * once through the page's AudioContext (a small cache), and played through AudioOut, which allows
 * one sound at a time. Each sound's nodes disconnect when it ends.
 */
export class RuleSounds {
  readonly #out: AudioOut;
  readonly #load: (url: string) => Promise<ArrayBuffer>;
  readonly #problem: RuleSoundsOptions['problem'];
  readonly #cache = new Map<string, Promise<AudioBuffer | null>>();
  readonly #played: PlayedSound[] = [];
  #playing = 0;
  #skipped = 0;

  constructor(out: AudioOut, options: RuleSoundsOptions) {
    this.#out = out;
    this.#load = options.load ?? fetchBytes;
    this.#problem = options.problem;
  }

  /** Plays `file` (at `url`) for an alert of `tier`, at `volume` (0..1) of the page's volume. */
  play(url: string, file: string, tier: Tier, volume: number): void {
    void this.#decoded(url, file).then((buffer) => {
      if (buffer)
        this.#out.whenRunning((ctx, master) =>
          this.#start(ctx, master, buffer, file, tier, volume),
        );
    });
  }

  /** Lets go of every decoded sound (new rules: a file replaced under the same name is read again). */
  forget(): void {
    this.#cache.clear();
  }

  get played(): readonly PlayedSound[] {
    return this.#played;
  }

  /** Sounds holding audio nodes now (returns to 0 after each sound). */
  get playing(): number {
    return this.#playing;
  }

  /** Sounds kept quiet because another sound was playing. */
  get skipped(): number {
    return this.#skipped;
  }

  #decoded(url: string, file: string): Promise<AudioBuffer | null> {
    const cached = this.#cache.get(url);
    if (cached) {
      this.#cache.delete(url); // most recently used last
      this.#cache.set(url, cached);
      return cached;
    }
    const ctx = this.#out.context;
    if (!ctx) return Promise.resolve(null);
    const decoding = this.#load(url)
      .then((bytes) => ctx.decodeAudioData(bytes))
      .catch((error: unknown) => {
        this.#problem(file, error instanceof Error ? error.message : String(error));
        return null;
      });
    this.#cache.set(url, decoding);
    for (const old of this.#cache.keys()) {
      if (this.#cache.size <= CACHE) break;
      this.#cache.delete(old);
    }
    return decoding;
  }

  #start(
    ctx: AudioContext,
    master: GainNode,
    buffer: AudioBuffer,
    file: string,
    tier: Tier,
    volume: number,
  ): void {
    const source = ctx.createBufferSource();
    if (!this.#out.claim(tier, buffer.duration, () => source.stop())) {
      this.#skipped++;
      return;
    }
    const gain = ctx.createGain();
    source.buffer = buffer;
    gain.gain.value = Math.min(1, Math.max(0, volume));
    source.connect(gain).connect(master);
    this.#playing++;
    source.onended = () => {
      source.disconnect();
      gain.disconnect();
      this.#playing--;
    };
    source.start();
    this.#played.push({ file, seconds: buffer.duration });
    if (this.#played.length > HISTORY) this.#played.shift();
  }
}
