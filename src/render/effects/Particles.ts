import type { Container, Sprite } from 'pixi.js';
import type { SpritePool } from '../SpritePool';
import type { ParticleTextures, Shape } from '../textures';
import { emptyBox, flightReach, grow, type Box } from './reach';

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
  private readonly live: Live[] = [];
  /** Everywhere any particle added so far can be drawn (layout units, about the effect's centre). */
  readonly reach: Box = emptyBox();

  constructor(
    private readonly parent: Container,
    private readonly pool: SpritePool,
    private readonly textures: ParticleTextures,
  ) {}

  add(shape: Shape, flight: Flight): void {
    const sprite = this.pool.acquire(this.textures.get(shape));
    if (!sprite) return;
    grow(this.reach, flightReach(flight));
    sprite.tint = flight.tint;
    sprite.blendMode = flight.additive ? 'add' : 'normal';
    sprite.visible = false;
    this.parent.addChild(sprite);
    this.live.push({ ...flight, sprite });
  }

  /** Place every particle at effect age `t` (s); expired ones return to the pool. */
  update(t: number): void {
    for (let i = this.live.length - 1; i >= 0; i--) {
      const p = this.live[i]!;
      const a = t - (p.delay ?? 0);
      if (a > p.life) {
        this.pool.release(p.sprite);
        this.live.splice(i, 1);
        continue;
      }
      p.sprite.visible = a >= 0;
      if (a < 0) continue;
      const k = p.drag ?? 0;
      const d = k > 0 ? (1 - Math.exp(-k * a)) / k : a;
      p.sprite.position.set(p.x + p.vx * d, p.y + p.vy * d + 0.5 * (p.gravity ?? 0) * a * a);
      const f = a / p.life;
      p.sprite.scale.set((p.size * (1 + (p.grow ?? 0) * f)) / p.sprite.texture.width);
      p.sprite.rotation = (p.spin ?? 0) * a;
      p.sprite.alpha = Math.min(1, a / 0.08) * Math.min(1, (1 - f) / 0.4);
    }
  }

  get count(): number {
    return this.live.length;
  }

  destroy(): void {
    for (const p of this.live) this.pool.release(p.sprite);
    this.live.length = 0;
  }
}
