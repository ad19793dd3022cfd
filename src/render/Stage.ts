import { chooseQuality, type Quality, type QualityChoice } from './chooseQuality';
import { ClipBox } from './ClipBox';
import type { EffectSpec } from './effects/GiftEffect';
import { PlayingEffects } from './effects/PlayingEffects';
import { EffectSupplies } from './EffectSupplies';
import { FrameLoop } from './FrameLoop';
import type { FpsSetting } from './framePacer';
import type { StageStats } from './StageStats';
import { Surface } from './Surface';
import { warmUp } from './warmUp';

export interface StageOptions {
  clock: () => number;
  random: () => number;
  /** auto: light on a GPU the start-up probe finds slow. */
  quality: Quality;
  fps: FpsSetting;
}

/**
 * The one long-lived PixiJS scene of the alerts page (WebGL, transparent, follows the window size).
 * It draws only while an effect plays: when the last one ends it stops BOTH its ticker and
 * `Ticker.system` (which otherwise keeps a requestAnimationFrame loop alive), so an idle page costs
 * what an empty page costs; the next gift starts them again at once. Without WebGL `create`
 * rejects and the page shows callouts alone (mountAlerts catches the failure).
 */
export class Stage {
  readonly #supplies = new EffectSupplies();
  readonly #surface: Surface;
  readonly #clip: ClipBox;
  readonly #quality: QualityChoice;
  readonly #effects: PlayingEffects;
  readonly #loop: FrameLoop;
  readonly #unlisten: () => void;
  #visible = true;
  #destroyed = false;

  // TypeScript `private`: ECMAScript has no private constructors, and only `create` builds a stage.
  private constructor(surface: Surface, clip: ClipBox, options: StageOptions) {
    this.#surface = surface;
    this.#clip = clip;
    const { pool, textures } = this.#supplies;
    warmUp(surface.scene, pool, textures, () => surface.draw());
    const probe = () => surface.measureFillNs(textures.get('glow'));
    this.#quality = chooseQuality(options, probe, surface.resolution);
    this.#effects = new PlayingEffects(surface.scene, this.#supplies, {
      random: options.random,
      screen: () => surface.size,
      light: this.#quality.light,
    });
    this.#loop = new FrameLoop(this.#quality.pacer, options.clock, this.#frame);
    surface.resolution = this.#quality.resolution;
    surface.draw();
    this.#unlisten = surface.listen({
      // Effects lay out from the new size in their next update, and the clip follows (#frame).
      resized: () => {
        if (!this.#loop.running) surface.draw();
      },
      // Pixi re-creates GPU state itself, and all our art lives in canvases (particles, emoji,
      // presents) that simply upload again; effects in flight end rather than finish half-drawn.
      restored: () => {
        this.#effects.clear();
        surface.draw();
      },
    });
    this.#sleep();
  }

  static async create(host: HTMLElement, options: StageOptions): Promise<Stage> {
    const surface = await Surface.create();
    return new Stage(surface, new ClipBox(host, surface.canvas), options);
  }

  /** Start an effect (a new alert, or a bigger tier for a combo that grew). */
  play(spec: EffectSpec): void {
    this.#effects.play(spec);
    this.#wake();
  }

  /** A combo step for an alert on screen: pulse its effect, or replay the spec if it had ended. */
  bump(spec: EffectSpec): void {
    this.#effects.bump(spec);
    this.#wake();
  }

  /** Hidden (tab or OBS source): drop what plays and stop drawing; nobody can see it. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    if (!visible) {
      this.#effects.clear();
      this.#sleep();
      this.#surface.draw(); // clear the last frame, or it would reappear frozen on return
    }
  }

  get stats(): StageStats {
    const { light, fillNs, pacer } = this.#quality;
    return {
      frames: this.#loop.frames,
      quality: light ? 'light' : 'full',
      fillNs: Math.round(fillNs * 10) / 10,
      fpsCap: Number.isFinite(pacer.cap) ? pacer.cap : 0,
      canvas: this.#clip.size,
      activeEffects: this.#effects.size,
      displayObjects: this.#surface.displayObjects,
      textures: this.#surface.managedTextures + this.#supplies.artTextures,
      pooledSprites: this.#supplies.pool.size,
      contextLosses: this.#surface.losses,
      running: this.#loop.running,
    };
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#loop.destroy();
    this.#unlisten();
    this.#effects.clear();
    this.#supplies.destroy();
    this.#surface.destroy();
    this.#clip.remove();
  }

  readonly #frame = (dt: number): void => {
    this.#effects.update(dt);
    this.#clip.fit(this.#effects.screenRects(), this.#surface.size);
    this.#surface.draw();
    // This frame drew the last effect away: nothing more to draw until the next gift.
    if (this.#effects.size === 0) this.#sleep();
  };

  #wake(): void {
    if (this.#visible) this.#loop.wake();
  }

  #sleep(): void {
    this.#clip.empty();
    this.#loop.sleep();
  }
}
