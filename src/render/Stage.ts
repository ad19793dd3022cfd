import { Application, Container, Ticker } from 'pixi.js';
import { GiftEffect, type EffectSpec } from './effects/GiftEffect';
import { EmojiTextures } from './EmojiTextures';
import { ImageCache } from './ImageCache';
import { SpritePool } from './SpritePool';
import { ParticleTextures } from './textures';

/** Counters always kept up to date (cheap): the debug hook, tests and the bench read them. */
export interface StageStats {
  /** Frames drawn since start: stays still while idle. */
  frames: number;
  activeEffects: number;
  /** Display objects in the scene graph right now. */
  displayObjects: number;
  /** GPU textures Pixi manages, plus our cached ones. */
  textures: number;
  pooledSprites: number;
  contextLosses: number;
  running: boolean;
}

export interface StageOptions {
  clock: () => number;
  random: () => number;
}

/** Effects playing at once before the oldest make way. */
const MAX_EFFECTS = 5;
/** Longest step of animation time per frame (s): below 4 fps effects slow down instead of skipping. */
const MAX_STEP = 0.25;

function countTree(node: Container): number {
  let n = 1;
  for (const child of node.children) n += countTree(child);
  return n;
}

/**
 * The one long-lived PixiJS application of the alerts page (WebGL, transparent, follows the window
 * size). It draws only while an effect plays: when the last one ends it stops BOTH the app ticker and
 * `Ticker.system` (which otherwise keeps a requestAnimationFrame loop alive), so an idle page costs
 * what an empty page costs; the next gift starts them again at once.
 */
export class Stage {
  private readonly effects = new Map<string, GiftEffect>();
  private readonly pool = new SpritePool();
  private readonly textures = new ParticleTextures();
  private readonly images = new ImageCache();
  private readonly emoji: EmojiTextures;
  private visible = true;
  private last = 0;
  private frames = 0;
  private losses = 0;

  private constructor(
    private readonly app: Application,
    private readonly options: StageOptions,
  ) {
    this.emoji = new EmojiTextures(app.renderer);
    this.warmUp();
    app.ticker.add(this.tick);
    const canvas = app.canvas;
    canvas.addEventListener('webglcontextlost', this.onLost);
    canvas.addEventListener('webglcontextrestored', this.onRestored);
    this.sleep();
  }

  static async create(host: HTMLElement, options: StageOptions): Promise<Stage> {
    const app = new Application();
    await app.init({
      preference: 'webgl',
      backgroundAlpha: 0,
      antialias: false,
      autoDensity: true,
      resolution: Math.min(2, globalThis.devicePixelRatio || 1),
      resizeTo: window,
      autoStart: false,
      sharedTicker: false,
    });
    app.canvas.classList.add('gg-stage');
    app.canvas.setAttribute('aria-hidden', 'true');
    host.appendChild(app.canvas);
    return new Stage(app, options);
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
      screen: () => this.app.screen,
    });
    this.effects.set(spec.key, effect);
    this.app.stage.addChild(effect.container);
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
      this.app.render(); // clear the last frame, or it would reappear frozen on return
    }
  }

  get stats(): StageStats {
    const system = this.app.renderer?.texture as { managedTextures?: unknown[] } | undefined;
    const managed = system?.managedTextures?.length ?? 0;
    return {
      frames: this.frames,
      activeEffects: this.effects.size,
      displayObjects: this.app.stage ? countTree(this.app.stage) : 0,
      textures: managed + this.images.count + this.emoji.count,
      pooledSprites: this.pool.size,
      contextLosses: this.losses,
      running: this.app.ticker?.started ?? false,
    };
  }

  destroy(): void {
    this.app.ticker.remove(this.tick);
    this.app.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.app.canvas.removeEventListener('webglcontextrestored', this.onRestored);
    for (const effect of this.effects.values()) effect.destroy();
    this.effects.clear();
    this.pool.destroy();
    this.textures.destroy();
    this.images.destroy();
    this.emoji.destroy();
    this.app.destroy({ removeView: true }, { children: true });
    Ticker.system.stop();
  }

  /**
   * Draw one invisible particle now: the first draw compiles the batch shader, a stall that would
   * otherwise land in the first alert's first frame and skip its opening.
   */
  private warmUp(): void {
    const sprite = this.pool.acquire(this.textures.get('glow'));
    if (!sprite) return;
    sprite.alpha = 0.001;
    this.app.stage.addChild(sprite);
    this.app.render();
    this.pool.release(sprite);
    this.app.render();
  }

  private readonly tick = (): void => {
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
    this.frames++;
    // The render listener runs after this one in the same frame and clears the last effect away.
    if (this.effects.size === 0) this.sleep();
  };

  /** A gift battle must not become chaos: a few effects at once, the oldest fade out for the new. */
  private makeRoom(): void {
    let calm = 0;
    for (const effect of this.effects.values()) if (!effect.finishing) calm++;
    for (const [key, effect] of this.effects) {
      if (this.effects.size >= MAX_EFFECTS + 2) {
        effect.destroy();
        this.effects.delete(key);
      } else if (calm >= MAX_EFFECTS && !effect.finishing) {
        effect.finish();
        calm--;
      }
    }
  }

  private wake(): void {
    if (!this.visible || this.app.ticker.started) return;
    this.last = this.options.clock();
    Ticker.system.start();
    this.app.ticker.start();
  }

  private sleep(): void {
    this.app.ticker.stop();
    Ticker.system.autoStart = false;
    Ticker.system.stop();
  }

  private readonly onLost = (): void => {
    this.losses++;
  };

  /**
   * Pixi re-creates GPU state itself and our particle textures live in canvases, so they upload
   * again; the emoji art came from pooled text canvases and is drawn anew (effects in flight end).
   */
  private readonly onRestored = (): void => {
    for (const effect of this.effects.values()) effect.destroy();
    this.effects.clear();
    this.emoji.rebuild();
    this.app.render();
  };
}
