import type { Container, Sprite } from 'pixi.js';
import type { SpritePool } from '../SpritePool';
import type { ParticleTextures, Shape } from '../textures';
import { emptyRect, type Rect } from '../rect';

/** One particle's flight, in layout units and seconds from the effect's start. */
export interface Flight {
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** Downward acceleration (units/s²). */
  gravity?: number;
  /** Air drag (1/s): bursts that slow down as they spread. */
  drag?: number;
  delay?: number;
  life: number;
  /** Size in units at birth, and how much it grows (1 = doubles) by the end. */
  size: number;
  grow?: number;
  spin?: number;
  tint: number;
  additive?: boolean;
}

interface Live extends Flight {
  sprite: Sprite;
}

/**
 * Particles whose position is a closed-form function of their age, so motion is identical at 30 and
 * 60 fps (and after a stall). Sprites come from the pool and go back to it the moment they expire.
 */
export class Particles {
  readonly #live: Live[] = [];
  readonly #parent: Container;
  readonly #pool: SpritePool;
  readonly #textures: ParticleTextures;
  /**
   * Where the particles placed by the last update are drawn (layout units, about the effect's
   * centre; each sprite's half-diagonal, so any rotation fits). The stage shows only this much of
   * its canvas, frame by frame.
   */
  readonly bounds: Rect = emptyRect();

  constructor(parent: Container, pool: SpritePool, textures: ParticleTextures) {
    this.#parent = parent;
    this.#pool = pool;
    this.#textures = textures;
  }

  add(shape: Shape, flight: Flight): void {
    const sprite = this.#pool.acquire(this.#textures.get(shape));
    if (!sprite) return;
    sprite.tint = flight.tint;
    sprite.blendMode = flight.additive ? 'add' : 'normal';
    sprite.visible = false;
    this.#parent.addChild(sprite);
    this.#live.push({ ...flight, sprite });
  }

  /** Place every particle at effect age `t` (s); expired ones return to the pool. */
  update(t: number): void {
    const b = this.bounds;
    b.left = b.top = Infinity;
    b.right = b.bottom = -Infinity;
    for (let i = this.#live.length - 1; i >= 0; i--) {
      const p = this.#live[i]!;
      const a = t - (p.delay ?? 0);
      if (a > p.life) {
        this.#pool.release(p.sprite);
        this.#live.splice(i, 1);
        continue;
      }
      p.sprite.visible = a >= 0;
      if (a < 0) continue;
      const k = p.drag ?? 0;
      const d = k > 0 ? (1 - Math.exp(-k * a)) / k : a;
      const x = p.x + p.vx * d;
      const y = p.y + p.vy * d + 0.5 * (p.gravity ?? 0) * a * a;
      p.sprite.position.set(x, y);
      const f = a / p.life;
      const size = p.size * (1 + (p.grow ?? 0) * f);
      p.sprite.scale.set(size / p.sprite.texture.width);
      const half = size / Math.SQRT2;
      if (x - half < b.left) b.left = x - half;
      if (y - half < b.top) b.top = y - half;
      if (x + half > b.right) b.right = x + half;
      if (y + half > b.bottom) b.bottom = y + half;
      p.sprite.rotation = (p.spin ?? 0) * a;
      p.sprite.alpha = Math.min(1, a / 0.08) * Math.min(1, (1 - f) / 0.4);
    }
  }

  get count(): number {
    return this.#live.length;
  }

  destroy(): void {
    for (const p of this.#live) this.#pool.release(p.sprite);
    this.#live.length = 0;
  }
}
