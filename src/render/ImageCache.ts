import { ImageSource, Texture } from 'pixi.js';

/**
 * One picture as a texture. `crossOrigin` so WebGL may sample it (the image hosts send CORS
 * headers); `decode()` rejects on a 404 or a broken file, so the caller keeps its built-in art.
 */
async function loadTexture(url: string): Promise<Texture> {
  const image = new Image();
  image.crossOrigin = 'anonymous';
  image.src = url;
  await image.decode();
  return new Texture({ source: new ImageSource({ resource: image }) });
}

interface Entry {
  texture: Promise<Texture | null>;
  users: number;
}

/**
 * Gift pictures from the platform's image hosts (already allow-listed by the caller), loaded once
 * and shared (an <img> of our own rather than Pixi's Assets, whose loaders for fonts, sprite sheets
 * and video weighed ~11 KB gzip for one kind of file). A failed load resolves to null: the effect keeps its built-in
 * art. Bounded: beyond `capacity` pictures the oldest unused one is unloaded, so a long stream with
 * many different gifts keeps its texture count flat.
 */
export class ImageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;

  constructor(capacity = 24) {
    this.#capacity = capacity;
  }

  /** Borrow a picture; call `release(url)` once the effect is done with it. */
  acquire(url: string): Promise<Texture | null> {
    let entry = this.#entries.get(url);
    if (!entry) {
      const texture = loadTexture(url).catch(() => null);
      entry = { texture, users: 0 };
      this.#entries.set(url, entry);
      this.#evict();
    }
    entry.users++;
    return entry.texture;
  }

  release(url: string): void {
    const entry = this.#entries.get(url);
    if (entry) entry.users = Math.max(0, entry.users - 1);
  }

  get count(): number {
    return this.#entries.size;
  }

  #evict(): void {
    for (const [url, entry] of this.#entries) {
      if (this.#entries.size <= this.#capacity) return;
      if (entry.users > 0) continue;
      this.#entries.delete(url);
      void entry.texture.then((t) => t?.destroy(true));
    }
  }

  destroy(): void {
    for (const entry of this.#entries.values()) void entry.texture.then((t) => t?.destroy(true));
    this.#entries.clear();
  }
}
