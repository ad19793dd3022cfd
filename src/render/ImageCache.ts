import { Assets, type Texture } from 'pixi.js';

interface Entry {
  texture: Promise<Texture | null>;
  users: number;
}

/**
 * Gift pictures from the platform's image hosts (already allow-listed by the caller), loaded once
 * through Pixi's Assets and shared. A failed load resolves to null: the effect keeps its built-in
 * art. Bounded: beyond `capacity` pictures the oldest unused one is unloaded, so a long stream with
 * many different gifts keeps its texture count flat.
 */
export class ImageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 24) {}

  /** Borrow a picture; call `release(url)` once the effect is done with it. */
  acquire(url: string): Promise<Texture | null> {
    let entry = this.entries.get(url);
    if (!entry) {
      const texture = Assets.load<Texture>({ src: url, parser: 'texture' }).then(
        (t) => t,
        () => null,
      );
      entry = { texture, users: 0 };
      this.entries.set(url, entry);
      this.evict();
    }
    entry.users++;
    return entry.texture;
  }

  release(url: string): void {
    const entry = this.entries.get(url);
    if (entry) entry.users = Math.max(0, entry.users - 1);
  }

  get count(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [url, entry] of this.entries) {
      if (this.entries.size <= this.capacity) return;
      if (entry.users > 0) continue;
      this.entries.delete(url);
      void entry.texture.then((t) => (t ? Assets.unload(url) : undefined));
    }
  }

  destroy(): void {
    for (const [url, entry] of this.entries) {
      void entry.texture.then((t) => (t ? Assets.unload(url) : undefined));
    }
    this.entries.clear();
  }
}
