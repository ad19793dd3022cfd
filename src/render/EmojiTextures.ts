import { CanvasSource, Texture } from 'pixi.js';
import { drawPresent } from './drawPresent';

/** Emoji fonts first; the platform picks the one it has. */
const EMOJI_FONT = `100px 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', sans-serif`;
/** Canvas side (px): a 100 px emoji plus room for wide glyphs and descenders. */
const SIZE = 128;

/**
 * Built-in gift art: each emoji (and the generic present, per colour pair) drawn once with Canvas 2D
 * and shared by every effect that shows it. Canvas 2D draws colour emoji itself, so PixiJS's text
 * engine (and the Graphics code it brings) stays out of the bundle. A canvas keeps its pixels on the
 * CPU side: after a WebGL context loss PixiJS uploads them again, nothing to redraw.
 *
 * Bounded: beyond `capacity` pictures the least recently used one is destroyed, so a long stream of
 * ever new emoji (custom feeds, a changing gift table) keeps its texture count flat. A texture still
 * shown by an effect when evicted is only released from the cache, never destroyed under it.
 */
export class EmojiTextures {
  readonly #textures = new Map<string, Texture>();
  readonly #inUse = new Map<Texture, number>();
  readonly #capacity: number;

  constructor(capacity = 16) {
    this.#capacity = capacity;
  }

  /** The texture for one emoji; call `release` once the effect is done with it. */
  get(emoji: string): Texture {
    return this.#borrow(`e:${emoji}`, (g) => {
      g.font = EMOJI_FONT;
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(emoji, SIZE / 2, SIZE / 2 + 4);
    });
  }

  /** The generic wrapped present in two theme colours (0xRRGGBB). */
  present(colour: number, ribbon: number): Texture {
    return this.#borrow(`p:${colour}:${ribbon}`, (g) => drawPresent(g, SIZE, colour, ribbon));
  }

  release(texture: Texture): void {
    const users = (this.#inUse.get(texture) ?? 0) - 1;
    if (users > 0) return void this.#inUse.set(texture, users);
    this.#inUse.delete(texture);
    // Evicted while an effect still showed it: nobody else can reach it now.
    if (![...this.#textures.values()].includes(texture)) texture.destroy(true);
  }

  get count(): number {
    return this.#textures.size;
  }

  destroy(): void {
    for (const texture of this.#textures.values()) texture.destroy(true);
    this.#textures.clear();
    this.#inUse.clear();
  }

  #borrow(key: string, draw: (g: CanvasRenderingContext2D) => void): Texture {
    let texture = this.#textures.get(key);
    if (texture)
      this.#textures.delete(key); // re-insert: the Map's order is the recency order
    else {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = SIZE;
      const g = canvas.getContext('2d');
      if (g) draw(g);
      texture = new Texture({ source: new CanvasSource({ resource: canvas }) });
    }
    this.#textures.set(key, texture);
    this.#inUse.set(texture, (this.#inUse.get(texture) ?? 0) + 1);
    this.#evict();
    return texture;
  }

  #evict(): void {
    for (const [key, texture] of this.#textures) {
      if (this.#textures.size <= this.#capacity) return;
      this.#textures.delete(key);
      if (!this.#inUse.has(texture)) texture.destroy(true);
    }
  }
}
