import { Container, Sprite, type Texture } from 'pixi.js';
import type { Tier } from '../../core/alerts/tiers';
import type { EmojiTextures } from '../EmojiTextures';
import type { GiftArt } from '../giftArt';
import type { ImageCache } from '../ImageCache';
import { anchorFor, unitOf } from '../layout';
import { type Position } from '../../core/config/choices';
import type { SpritePool } from '../SpritePool';
import type { ParticleTextures } from '../textures';
import { createArt, showPicture } from './art';
import { Particles } from './Particles';
import { grow, type Rect } from '../rect';
import { LIGHT_RECIPES, RECIPES, type Recipe } from './recipes';

/** What the alerts page asks the stage to play. */
export interface EffectSpec {
  key: string;
  tier: Tier;
  art: GiftArt;
  /** The built-in art shown while a picture loads, or when it fails. */
  fallback: GiftArt;
  position: Position;
  /** Theme colours, accent first. */
  palette: readonly number[];
}

export interface EffectDeps {
  pool: SpritePool;
  textures: ParticleTextures;
  images: ImageCache;
  emoji: EmojiTextures;
  random: () => number;
  screen: () => { width: number; height: number };
  /**
   * Light effects (a slow GPU, or quality=light): LIGHT_RECIPES, no halo and nothing screen-wide.
   * The art keeps its tier's size; the big fills (halo, screen-wide rain) are what such a GPU cannot
   * afford.
   */
  light?: boolean;
}

const easeOutBack = (x: number) => 1 + 2.2 * Math.pow(x - 1, 3) + 1.2 * Math.pow(x - 1, 2);

/**
 * One alert's animation: a small lifecycle (create, update(dt), done, destroy). Time is the sum of
 * wall-clock `dt`, so it lasts the same at any frame rate; layout is recomputed every frame from the
 * screen size, so a resize mid-animation just moves it.
 */
export class GiftEffect {
  readonly container = new Container();
  readonly spec: EffectSpec;
  readonly #deps: EffectDeps;
  readonly #recipe: Recipe;
  readonly #particles: Particles;
  readonly #art: Container;
  readonly #artTexture: Texture;
  readonly #halo: Sprite | null = null;
  readonly #jitter: number;
  #age = 0;
  #end: number;
  #bumpedAt = -10;
  #picture: string | null = null;
  #destroyed = false;

  constructor(spec: EffectSpec, deps: EffectDeps) {
    this.spec = spec;
    this.#deps = deps;
    const full = RECIPES[spec.tier];
    this.#recipe = deps.light ? { ...LIGHT_RECIPES[spec.tier], artSize: full.artSize } : full;
    this.#end = this.#recipe.length;
    this.#jitter = deps.random();
    const fx = new Container();
    this.#particles = new Particles(fx, deps.pool, deps.textures);
    if (this.#recipe.halo) {
      this.#halo = deps.pool.acquire(deps.textures.get('glow'));
      if (this.#halo) {
        this.#halo.tint = spec.palette[0] ?? 0xffffff;
        this.#halo.blendMode = 'add';
        this.container.addChild(this.#halo);
      }
    }
    this.container.addChild(fx);
    const art = createArt(
      spec.art.kind === 'image' ? spec.fallback : spec.art,
      spec.palette,
      deps.emoji,
    );
    this.#art = art.holder;
    this.#artTexture = art.texture;
    this.container.addChild(this.#art);
    if (spec.art.kind === 'image') this.#loadPicture(spec.art.url);
    this.#layout();
    const { width, height } = deps.screen();
    const unit = unitOf(width, height);
    const anchor = anchorFor(spec.position, spec.tier, this.#jitter);
    const area = {
      top: -anchor.y * (height / unit),
      left: -anchor.x * (width / unit),
      width: width / unit,
    };
    this.#recipe.spawn(this.#particles, this.#picker(), area);
  }

  get done(): boolean {
    return this.#age >= this.#end;
  }

  /**
   * Where this effect draws this frame, in screen px: its particles as the last update placed
   * them, and the art (bounce and combo pulse included) and the halo at their largest.
   */
  screenRect(): Rect {
    const art = (this.#recipe.artSize / 2) * 1.45 + 8;
    const halo = this.#halo ? ((this.#recipe.artSize * 2.4) / 2) * 1.06 * 1.06 : 0;
    const r = Math.max(art, halo);
    const rect = { left: -r, top: -r, right: r, bottom: r };
    grow(rect, this.#particles.bounds);
    const { x, y } = this.container.position;
    const unit = this.container.scale.x;
    return {
      left: x + rect.left * unit,
      top: y + rect.top * unit,
      right: x + rect.right * unit,
      bottom: y + rect.bottom * unit,
    };
  }

  /** Make room for newer effects: fade out now. */
  finish(): void {
    this.#end = Math.min(this.#end, this.#age + 0.35);
  }

  get finishing(): boolean {
    return this.#end - this.#age <= 0.35;
  }

  /** A combo step: the art jumps, a few sparks fly, and the effect stays a little longer. */
  bump(): void {
    this.#bumpedAt = this.#age;
    this.#end = Math.max(this.#end, this.#age + 1.2);
    const pick = this.#picker();
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      this.#particles.add('star', {
        x: 0,
        y: 0,
        vx: Math.cos(a) * 260,
        vy: Math.sin(a) * 260,
        drag: 3,
        delay: this.#age,
        life: 0.7,
        size: 22,
        spin: 4,
        tint: pick.colour(),
        additive: true,
      });
    }
  }

  update(dt: number): void {
    this.#age += dt;
    this.#layout();
    this.#particles.update(this.#age);
    const t = this.#age;
    const appear = easeOutBack(Math.min(1, t / 0.45));
    const fade = Math.min(1, Math.max(0, (this.#end - t) / 0.5));
    const bump = 1 + 0.28 * Math.exp(-(t - this.#bumpedAt) * 7) * (t >= this.#bumpedAt ? 1 : 0);
    const size = (this.#recipe.artSize / 100) * appear * bump;
    this.#art.scale.set(size);
    this.#art.alpha = fade;
    this.#art.y = -Math.sin(Math.min(t, this.#end) * 2.2) * 8;
    if (this.#halo) {
      this.#halo.scale.set(
        ((this.#recipe.artSize * 2.4) / this.#halo.texture.width) *
          appear *
          (1 + 0.06 * Math.sin(t * 5)),
      );
      this.#halo.alpha = 0.55 * fade;
    }
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#particles.destroy();
    if (this.#halo) this.#deps.pool.release(this.#halo);
    if (this.#picture) this.#deps.images.release(this.#picture);
    this.container.destroy({ children: true });
    this.#deps.emoji.release(this.#artTexture);
  }

  #layout(): void {
    const { width, height } = this.#deps.screen();
    const unit = unitOf(width, height);
    const anchor = anchorFor(this.spec.position, this.spec.tier, this.#jitter);
    this.container.position.set(anchor.x * width, anchor.y * height);
    this.container.scale.set(unit);
  }

  #loadPicture(url: string): void {
    this.#picture = url;
    void this.#deps.images.acquire(url).then((texture) => {
      if (texture && !this.#destroyed) showPicture(this.#art, texture);
    });
  }

  #picker() {
    const { random } = this.#deps;
    const palette = this.spec.palette.length > 0 ? this.spec.palette : [0xffffff];
    return { random, colour: () => palette[Math.floor(random() * palette.length)] ?? 0xffffff };
  }
}
