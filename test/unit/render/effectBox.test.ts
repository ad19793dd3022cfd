// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Sprite, Texture, type Container } from 'pixi.js';
import { GiftEffect, type EffectDeps } from '../../../src/render/effects/GiftEffect';
import type { EmojiTextures } from '../../../src/render/EmojiTextures';
import type { ImageCache } from '../../../src/render/ImageCache';
import { SpritePool } from '../../../src/render/SpritePool';
import type { ParticleTextures } from '../../../src/render/textures';

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

function deps(light: boolean): EffectDeps {
  const white = { get: () => Texture.WHITE, box: () => Texture.WHITE, release: () => {} };
  return {
    pool: new SpritePool(),
    textures: white as unknown as ParticleTextures,
    emoji: white as unknown as EmojiTextures,
    images: {} as ImageCache,
    random: seeded(11),
    screen: () => ({ width: 1920, height: 1080 }),
    light,
  };
}

function drawnSprites(node: Container, out: Sprite[] = []): Sprite[] {
  for (const child of node.children) {
    if (!child.visible || child.alpha <= 0) continue;
    if (child instanceof Sprite) out.push(child);
    else drawnSprites(child, out);
  }
  return out;
}

describe('an effect says where it draws, frame by frame', () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [4, false],
    [4, true],
  ] as const)(
    "every sprite of tier %i (light: %s) drawn in a frame is inside that frame's box, combo sparks too",
    (tier, light) => {
      const effect = new GiftEffect(
        {
          key: 'k',
          tier,
          art: { kind: 'emoji', emoji: '🦁' },
          fallback: { kind: 'emoji', emoji: '🦁' },
          position: 'bottom-left',
          palette: [0xffc24b, 0xff8a3d],
        },
        deps(light),
      );
      let worst = 0;
      for (let frame = 0; !effect.done && frame < 600; frame++) {
        effect.update(1 / 60);
        if (frame === 30) effect.bump();
        const box = effect.screenBox();
        for (const sprite of drawnSprites(effect.container)) {
          const b = sprite.getBounds();
          worst = Math.max(
            worst,
            box.left - b.minX,
            box.top - b.minY,
            b.maxX - box.right,
            b.maxY - box.bottom,
          );
        }
      }
      effect.destroy();
      expect(worst).toBeLessThanOrEqual(0);
    },
  );

  it('a tier-1 pop never needs more than a small part of a 1080p screen', () => {
    const effect = new GiftEffect(
      {
        key: 'k',
        tier: 1,
        art: { kind: 'emoji', emoji: '🌹' },
        fallback: { kind: 'emoji', emoji: '🌹' },
        position: 'bottom',
        palette: [0xffc24b],
      },
      deps(false),
    );
    let largest = 0;
    while (!effect.done) {
      effect.update(1 / 30);
      const box = effect.screenBox();
      largest = Math.max(largest, (box.right - box.left) * (box.bottom - box.top));
    }
    effect.destroy();
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan((1920 * 1080) / 4);
  });
});
