import type { Container, Sprite } from 'pixi.js';
import type { SpritePool } from './SpritePool';
import { SHAPES, type ParticleTextures } from './textures';

/**
 * Pay the one-off costs now, not in the first gift's opening frames: software GL compiles the batch
 * shader for each blend mode on first use, and every texture is drawn on a canvas and uploaded on
 * first use. One invisible sprite per particle shape, normal and additive, drawn once.
 */
export function warmUp(
  scene: Container,
  pool: SpritePool,
  textures: ParticleTextures,
  draw: () => void,
): void {
  const sprites: Sprite[] = [];
  for (const shape of SHAPES) {
    for (const blendMode of ['normal', 'add'] as const) {
      const sprite = pool.acquire(textures.get(shape));
      if (!sprite) continue;
      sprite.alpha = 0.001;
      sprite.blendMode = blendMode;
      sprites.push(sprite);
      scene.addChild(sprite);
    }
  }
  draw();
  for (const sprite of sprites) pool.release(sprite);
  draw();
}
