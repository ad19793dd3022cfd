// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Sprite, Texture, type Container } from 'pixi.js';
import {
  GiftEffect,
  type EffectDeps,
  type EffectSpec,
} from '../../../src/render/effects/GiftEffect';
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

function deps(pool = new SpritePool()): EffectDeps {
  const white = { get: () => Texture.WHITE, present: () => Texture.WHITE, release: () => {} };
  return {
    pool,
    textures: white as unknown as ParticleTextures,
    emoji: white as unknown as EmojiTextures,
    images: {} as ImageCache,
    random: seeded(7),
    screen: () => ({ width: 1920, height: 1080 }),
  };
}

const spec = (tier: 1 | 2 | 3 | 4, position: EffectSpec['position'] = 'bottom'): EffectSpec => ({
  key: 'k',
  tier,
  art: { kind: 'emoji', emoji: '🦁' },
  fallback: { kind: 'emoji', emoji: '🦁' },
  position,
  palette: [0xffc24b, 0xff8a3d],
});

/** The largest part of the screen (px²) one frame of the effect draws on, played to its end. */
function largestRect(effect: GiftEffect): number {
  let area = 0;
  for (effect.update(1 / 30); !effect.done; effect.update(1 / 30)) {
    const b = effect.screenRect();
    area = Math.max(area, (b.right - b.left) * (b.bottom - b.top));
  }
  effect.destroy();
  return area;
}

function drawnSprites(node: Container, out: Sprite[] = []): Sprite[] {
  for (const child of node.children) {
    if (!child.visible || child.alpha <= 0) continue;
    if (child instanceof Sprite) out.push(child);
    else drawnSprites(child, out);
  }
  return out;
}

/** Runs an effect at a frame rate; returns its length in seconds and a snapshot at 1 s. */
function run(tier: 1 | 2 | 3 | 4, fps: number) {
  const effect = new GiftEffect(spec(tier), deps());
  let t = 0;
  let at1s: number[] = [];
  while (!effect.done && t < 60) {
    effect.update(1 / fps);
    t += 1 / fps;
    if (Math.abs(t - 1) < 1e-9 || (at1s.length === 0 && t > 1)) {
      at1s = effect.container.children.flatMap((c) => c.children.map((s) => Math.round(s.x)));
    }
  }
  effect.destroy();
  return { length: t, at1s };
}

describe('GiftEffect', () => {
  it.each([1, 2, 3, 4] as const)(
    'tier %i lasts the same wall-clock time at 30 and 60 fps',
    (tier) => {
      const at30 = run(tier, 30);
      const at60 = run(tier, 60);
      expect(Math.abs(at30.length - at60.length)).toBeLessThanOrEqual(1 / 30 + 1e-9);
      expect(at30.at1s.length).toBeGreaterThan(3);
      expect(at30.at1s).toEqual(at60.at1s);
    },
  );

  it('grows with the tier: a pop is short, a celebration long and full of particles', () => {
    expect(run(1, 60).length).toBeLessThan(run(4, 60).length);
    const pool = new SpritePool();
    const small = new GiftEffect(spec(1), deps(pool));
    const smallCount = pool.inUse;
    small.destroy();
    const big = new GiftEffect(spec(4), deps(pool));
    expect(pool.inUse).toBeGreaterThan(smallCount * 5);
    big.destroy();
  });

  it('returns every sprite to the pool, so repeated alerts create no new ones', () => {
    const pool = new SpritePool();
    for (let i = 0; i < 50; i++) {
      const effect = new GiftEffect(spec(4), deps(pool));
      effect.update(0.5);
      effect.destroy();
      expect(pool.inUse).toBe(0);
    }
    const size = pool.size;
    new GiftEffect(spec(4), deps(pool)).destroy();
    expect(pool.size).toBe(size);
  });

  it('stays on screen a little longer with each combo step', () => {
    const effect = new GiftEffect(spec(1), deps());
    effect.update(1.5);
    effect.bump();
    effect.update(0.5);
    expect(effect.done).toBe(false);
    effect.update(1);
    expect(effect.done).toBe(true);
    effect.destroy();
  });

  it('on a slow GPU plays a big gift calmer: no halo, a third of the particles, nothing screen-wide, same art size', () => {
    const full = new SpritePool();
    const light = new SpritePool();
    const big = new GiftEffect(spec(4), deps(full));
    const calm = new GiftEffect(spec(4), { ...deps(light), light: true });
    expect(light.inUse).toBeLessThan(full.inUse / 3);
    big.update(1);
    calm.update(1);
    expect(calm.container.children.at(-1)?.scale.x).toBe(big.container.children.at(-1)?.scale.x);
    expect(largestRect(calm)).toBeLessThan(1920 * 1080 * 0.5);
    expect(largestRect(big)).toBeGreaterThan(1920 * 1080 * 0.8);
  });
});

describe('an effect says where it draws, frame by frame', () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [4, false],
    [4, true],
  ] as const)(
    "every sprite of tier %i (light: %s) drawn in a frame is inside that frame's rectangle, combo sparks too",
    (tier, light) => {
      const effect = new GiftEffect(spec(tier, 'bottom-left'), { ...deps(), light });
      let worst = 0;
      for (let frame = 0; !effect.done && frame < 600; frame++) {
        effect.update(1 / 60);
        if (frame === 30) effect.bump();
        const rect = effect.screenRect();
        for (const sprite of drawnSprites(effect.container)) {
          const b = sprite.getBounds();
          worst = Math.max(
            worst,
            rect.left - b.minX,
            rect.top - b.minY,
            b.maxX - rect.right,
            b.maxY - rect.bottom,
          );
        }
      }
      effect.destroy();
      expect(worst).toBeLessThanOrEqual(0);
    },
  );

  it('a tier-1 pop never needs more than a small part of a 1080p screen', () => {
    const largest = largestRect(new GiftEffect(spec(1), deps()));
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan((1920 * 1080) / 4);
  });
});
