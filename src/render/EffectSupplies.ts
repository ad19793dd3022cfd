import { EmojiTextures } from './EmojiTextures';
import { ImageCache } from './ImageCache';
import { SpritePool } from './SpritePool';
import { ParticleTextures } from './textures';

/**
 * What every effect borrows from and hands back to: pooled sprites, the particle shapes, gift
 * pictures, and the emoji and present textures. One set per stage, shared by all its effects.
 */
export class EffectSupplies {
  readonly pool = new SpritePool();
  readonly textures = new ParticleTextures();
  readonly images = new ImageCache();
  readonly emoji = new EmojiTextures();

  /** Textures cached here for gift art (pictures, emoji, presents): Pixi does not count these. */
  get artTextures(): number {
    return this.images.count + this.emoji.count;
  }

  destroy(): void {
    this.pool.destroy();
    this.textures.destroy();
    this.images.destroy();
    this.emoji.destroy();
  }
}
