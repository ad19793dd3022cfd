import { Sprite, type Texture } from 'pixi.js';

/**
 * Reusable particle sprites: effects borrow and return them, so 10,000 alerts create no more
 * sprites than the busiest moment needed. `limit` caps how many may be out at once; an effect asked
 * for more simply draws fewer particles.
 */
export class SpritePool {
  readonly #free: Sprite[] = [];
  readonly #limit: number;
  #out = 0;

  constructor(limit = 1500) {
    this.#limit = limit;
  }

  acquire(texture: Texture): Sprite | null {
    if (this.#out >= this.#limit) return null;
    const sprite = this.#free.pop() ?? new Sprite();
    sprite.texture = texture;
    sprite.anchor.set(0.5);
    sprite.alpha = 1;
    sprite.rotation = 0;
    sprite.scale.set(1);
    sprite.tint = 0xffffff;
    sprite.blendMode = 'normal';
    sprite.visible = true;
    this.#out++;
    return sprite;
  }

  release(sprite: Sprite): void {
    sprite.removeFromParent();
    this.#free.push(sprite);
    this.#out--;
  }

  /** Sprites lent out right now. */
  get inUse(): number {
    return this.#out;
  }

  /** Sprites ever created and still alive (in use + free). */
  get size(): number {
    return this.#out + this.#free.length;
  }

  destroy(): void {
    for (const sprite of this.#free) sprite.destroy();
    this.#free.length = 0;
  }
}
