import { Container, Ticker, WebGLRenderer, type Sprite } from 'pixi.js';
import { clipRect } from './clipRect';
import { GiftEffect, type EffectSpec } from './effects/GiftEffect';
import { sameRect, type Rect } from './rect';
import { EmojiTextures } from './EmojiTextures';
import { ImageCache } from './ImageCache';
import { SpritePool } from './SpritePool';
import { measureFillNs, SLOW_FILL_NS } from './fillRate';
import { FramePacer, type FpsSetting } from './framePacer';
import { ParticleTextures, SHAPES } from './textures';

/** Counters always kept up to date (cheap): the debug hook, tests and the bench read them. */
export interface StageStats {
  /** Frames drawn since start: stays still while idle. */
  frames: number;
  /** 'light' when asked for (quality=light) or when the start-up probe found a slow GPU. */
  quality: 'full' | 'light';
  /** What that probe measured: ns per blended pixel (0: not measured, quality was forced). */
  fillNs: number;
  /** The frame-rate cap in force (0: every display frame). */
  fpsCap: number;
  /** The size in CSS px of the part of the canvas that shows (only what plays). */
  canvas: { width: number; height: number };
  activeEffects: number;
  /** Display objects in the scene graph right now. */
  displayObjects: number;
  /** GPU textures Pixi manages, plus our cached ones. */
  textures: number;
  pooledSprites: number;
  contextLosses: number;
  running: boolean;
}

export type Quality = 'auto' | 'high' | 'light';

export interface StageOptions {
  clock: () => number;
  random: () => number;
  /** auto: light on a GPU the start-up probe finds slow. */
  quality: Quality;
  fps: FpsSetting;
}

/** Effects playing at once before the oldest make way (on a slow GPU: one). */
const MAX_EFFECTS = 5;
const MAX_EFFECTS_LIGHT = 1;
/** Drawing resolution on a slow GPU: a quarter of the pixels to fill, upscaled by the compositor. */
const LIGHT_RESOLUTION = 0.5;
/** Longest step of animation time per frame (s): below 4 fps effects slow down instead of skipping. */
const MAX_STEP = 0.25;

function countTree(node: Container): number {
  let n = 1;
  for (const child of node.children) n += countTree(child);
  return n;
}

/**
 * The one long-lived PixiJS scene of the alerts page (WebGL, transparent, follows the window size).
 * It draws only while an effect plays: when the last one ends it stops BOTH its ticker and
 * `Ticker.system` (which otherwise keeps a requestAnimationFrame loop alive), so an idle page costs
 * what an empty page costs; the next gift starts them again at once.
 *
 * A WebGLRenderer of its own rather than `Application`: Application picks a renderer at run time, so
 * the bundle carried the WebGPU and Canvas renderers too (~15 KB gzip) for a page that only ever
 * asks for WebGL. Without WebGL the page shows callouts alone (mountAlerts catches the failure).
 */
export class Stage {
  private readonly effects = new Map<string, GiftEffect>();
  private readonly pool = new SpritePool();
  private readonly textures = new ParticleTextures();
  private readonly images = new ImageCache();
  private readonly emoji = new EmojiTextures();
  private visible = true;
  private last = 0;
  private frames = 0;
  private losses = 0;
  private destroyed = false;
  private readonly fillNs: number;
  private readonly light: boolean;
  private readonly pacer: FramePacer;
  private readonly resolution: number;
  private size = { width: innerWidth, height: innerHeight };
  private clipped: Rect | null = null;

  private readonly scene = new Container();
  private readonly ticker = new Ticker();

  private constructor(
    private readonly clip: HTMLElement,
    private readonly renderer: WebGLRenderer,
    private readonly options: StageOptions,
  ) {
    this.ticker.autoStart = false;
    this.ticker.add(this.tick);
    this.warmUp();
    // A GPU that needs many ns per pixel (software GL) gets calmer effects at half resolution: a
    // gift battle on it otherwise drops to a few frames per second (docs/PERFORMANCE.md).
    this.fillNs =
      options.quality === 'auto'
        ? measureFillNs(renderer, this.scene, this.textures.get('glow'))
        : 0;
    this.light =
      options.quality === 'light' || (options.quality === 'auto' && this.fillNs > SLOW_FILL_NS);
    this.resolution = this.light ? LIGHT_RESOLUTION : renderer.resolution;
    this.pacer = new FramePacer(options.fps, this.light);
    renderer.resize(this.size.width, this.size.height, this.resolution);
    this.draw();
    const canvas = renderer.canvas;
    canvas.addEventListener('webglcontextlost', this.onLost);
    canvas.addEventListener('webglcontextrestored', this.onRestored);
    addEventListener('resize', this.onResize);
    this.sleep();
  }

  static async create(host: HTMLElement, options: StageOptions): Promise<Stage> {
    const renderer = new WebGLRenderer();
    await renderer.init({
      width: innerWidth,
      height: innerHeight,
      backgroundAlpha: 0,
      antialias: false,
      autoDensity: true,
      resolution: Math.min(2, globalThis.devicePixelRatio || 1),
      // PixiJS's browser environment (events, accessibility, DOM, filters) is nothing an overlay
      // that nobody clicks uses; the text and sprite parts it needs are imported where used.
      skipExtensionImports: true,
    });
    const clip = document.createElement('div');
    clip.className = 'gg-stage';
    clip.setAttribute('aria-hidden', 'true');
    clip.appendChild(renderer.canvas);
    host.appendChild(clip);
    return new Stage(clip, renderer, options);
  }

  /** Start an effect (a new alert, or a bigger tier for a combo that grew). */
  play(spec: EffectSpec): void {
    this.effects.get(spec.key)?.destroy();
    this.effects.delete(spec.key);
    this.makeRoom();
    const effect = new GiftEffect(spec, {
      pool: this.pool,
      textures: this.textures,
      images: this.images,
      emoji: this.emoji,
      random: this.options.random,
      screen: () => this.size,
      light: this.light,
    });
    this.effects.set(spec.key, effect);
    this.scene.addChild(effect.container);
    this.wake();
  }

  /** A combo step for an alert on screen: pulse its effect, or replay the spec if it had ended. */
  bump(spec: EffectSpec): void {
    const effect = this.effects.get(spec.key);
    if (effect) {
      effect.bump();
      this.wake();
    } else this.play({ ...spec, tier: 1 });
  }

  /** Hidden (tab or OBS source): drop what plays and stop drawing; nobody can see it. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) {
      for (const effect of this.effects.values()) effect.destroy();
      this.effects.clear();
      this.sleep();
      this.draw(); // clear the last frame, or it would reappear frozen on return
    }
  }

  get stats(): StageStats {
    const system = this.renderer.texture as unknown as { managedTextures?: unknown[] } | undefined;
    const managed = system?.managedTextures?.length ?? 0;
    return {
      frames: this.frames,
      quality: this.light ? 'light' : 'full',
      fillNs: Math.round(this.fillNs * 10) / 10,
      fpsCap: Number.isFinite(this.pacer.cap) ? this.pacer.cap : 0,
      canvas: this.clipped
        ? {
            width: this.clipped.right - this.clipped.left,
            height: this.clipped.bottom - this.clipped.top,
          }
        : { width: 0, height: 0 },
      activeEffects: this.effects.size,
      displayObjects: this.destroyed ? 0 : countTree(this.scene),
      textures: managed + this.images.count + this.emoji.count,
      pooledSprites: this.pool.size,
      contextLosses: this.losses,
      running: this.ticker.started,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.ticker.destroy();
    removeEventListener('resize', this.onResize);
    const canvas = this.renderer.canvas;
    canvas.removeEventListener('webglcontextlost', this.onLost);
    canvas.removeEventListener('webglcontextrestored', this.onRestored);
    for (const effect of this.effects.values()) effect.destroy();
    this.effects.clear();
    this.pool.destroy();
    this.textures.destroy();
    this.images.destroy();
    this.emoji.destroy();
    this.scene.destroy({ children: true });
    this.renderer.destroy({ removeView: true });
    this.clip.remove();
    Ticker.system.stop();
  }

  /**
   * Pay the one-off costs now, not in the first gift's opening frames: software GL compiles the batch
   * shader for each blend mode on first use, and every texture is drawn on a canvas and uploaded on
   * first use. One invisible sprite per particle shape, normal and additive, drawn once.
   */
  private warmUp(): void {
    const sprites: Sprite[] = [];
    for (const shape of SHAPES) {
      for (const blendMode of ['normal', 'add'] as const) {
        const sprite = this.pool.acquire(this.textures.get(shape));
        if (!sprite) continue;
        sprite.alpha = 0.001;
        sprite.blendMode = blendMode;
        sprites.push(sprite);
        this.scene.addChild(sprite);
      }
    }
    this.draw();
    for (const sprite of sprites) this.pool.release(sprite);
    this.draw();
  }

  private readonly tick = (): void => {
    // Frames over the cap cost nothing: no update, no draw, so nothing for the GPU to composite.
    if (!this.pacer.due(this.ticker.lastTime)) return;
    const now = this.options.clock();
    // Wall-clock time, so 30 and 60 fps last the same; a stall longer than MAX_STEP (a blocked main
    // thread) is not allowed to skip an effect's opening.
    const dt = Math.min(MAX_STEP, Math.max(0, now - this.last) / 1000);
    this.last = now;
    for (const [key, effect] of this.effects) {
      effect.update(dt);
      if (effect.done) {
        effect.destroy();
        this.effects.delete(key);
      }
    }
    this.fit();
    this.draw();
    this.frames++;
    // This frame drew the last effect away: nothing more to draw until the next gift.
    if (this.effects.size === 0) this.sleep();
  };

  /** A gift battle must not become chaos: a few effects at once, the oldest fade out for the new. */
  private makeRoom(): void {
    const max = this.light ? MAX_EFFECTS_LIGHT : MAX_EFFECTS;
    let calm = 0;
    for (const effect of this.effects.values()) if (!effect.finishing) calm++;
    for (const [key, effect] of this.effects) {
      if (this.effects.size >= max + 2) {
        effect.destroy();
        this.effects.delete(key);
      } else if (calm >= max && !effect.finishing) {
        effect.finish();
        calm--;
      }
    }
  }

  private draw(): void {
    this.renderer.render({ container: this.scene });
  }

  /**
   * Show the canvas only where this frame draws (see clipRect.ts). The canvas itself always covers
   * the whole screen and is never resized while effects play: resizing a WebGL canvas reallocates
   * its drawing buffer, a synchronous round trip to the GPU process that, mid-battle on a slow GPU,
   * blocked the main thread for 2 s. Instead a clipping box (`.gg-stage`, overflow hidden) is moved
   * and sized over what each frame draws, at the price of a style change when it moves a grid step:
   * the compositor blends only the pixels inside it. At rest it is empty, so callouts that animate
   * alone are not blended with a clear canvas.
   */
  private fit(): void {
    const rect = clipRect(
      [...this.effects.values()].map((effect) => effect.screenRect()),
      this.size,
    );
    if (rect && !sameRect(rect, this.clipped)) this.place(rect);
  }

  private place(rect: Rect | null): void {
    this.clipped = rect;
    const { left, top, right, bottom } = rect ?? { left: 0, top: 0, right: 0, bottom: 0 };
    const clip = this.clip.style;
    clip.left = `${left}px`;
    clip.top = `${top}px`;
    clip.width = `${right - left}px`;
    clip.height = `${bottom - top}px`;
    const canvas = this.renderer.canvas.style;
    canvas.left = `${-left}px`;
    canvas.top = `${-top}px`;
  }

  private wake(): void {
    if (!this.visible || this.ticker.started) return;
    this.last = this.options.clock();
    this.pacer.reset();
    Ticker.system.start();
    this.ticker.start();
  }

  private sleep(): void {
    this.place(null);
    this.ticker.stop();
    Ticker.system.autoStart = false;
    Ticker.system.stop();
  }

  private readonly onLost = (): void => {
    this.losses++;
  };

  /**
   * Pixi re-creates GPU state itself, and all our art lives in canvases (particles, emoji, gift box)
   * that simply upload again; effects in flight end rather than finish half-drawn.
   */
  private readonly onRestored = (): void => {
    for (const effect of this.effects.values()) effect.destroy();
    this.effects.clear();
    this.draw();
  };

  /** Follows the window (OBS sizes the page to the source); effects lay out from `screen` per frame. */
  private readonly onResize = (): void => {
    this.size = { width: innerWidth, height: innerHeight };
    this.renderer.resize(this.size.width, this.size.height, this.resolution);
    // Effects lay out from the new size in their next update, and the box follows (tick).
    if (!this.ticker.started) this.draw();
  };
}
