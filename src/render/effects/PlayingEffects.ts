import type { Container } from 'pixi.js';
import type { EffectSupplies } from '../EffectSupplies';
import type { Rect } from '../rect';
import { GiftEffect, type EffectDeps, type EffectSpec } from './GiftEffect';

/** Effects playing at once before the oldest make way (on a slow GPU: one). */
const MAX_EFFECTS = 5;
const MAX_EFFECTS_LIGHT = 1;

/**
 * The effects on the stage, one per alert key: started, pulsed, moved on by a frame, and destroyed
 * (their sprites and art handed back) as they end.
 */
export class PlayingEffects {
  readonly #effects = new Map<string, GiftEffect>();
  readonly #scene: Container;
  readonly #deps: EffectDeps;
  readonly #max: number;

  /** Effects are drawn in `scene`, with sprites and art borrowed from `supplies`. */
  constructor(
    scene: Container,
    supplies: EffectSupplies,
    options: Pick<EffectDeps, 'random' | 'screen' | 'light'>,
  ) {
    const { pool, textures, images, emoji } = supplies;
    this.#scene = scene;
    this.#deps = { pool, textures, images, emoji, ...options };
    this.#max = options.light ? MAX_EFFECTS_LIGHT : MAX_EFFECTS;
  }

  get size(): number {
    return this.#effects.size;
  }

  /** Start an effect (a new alert, or a bigger tier for a combo that grew). */
  play(spec: EffectSpec): void {
    this.#effects.get(spec.key)?.destroy();
    this.#effects.delete(spec.key);
    this.#makeRoom();
    const effect = new GiftEffect(spec, this.#deps);
    this.#effects.set(spec.key, effect);
    this.#scene.addChild(effect.container);
  }

  /** A combo step for an alert on screen: pulse its effect, or replay the spec if it had ended. */
  bump(spec: EffectSpec): void {
    const effect = this.#effects.get(spec.key);
    if (effect) effect.bump();
    else this.play({ ...spec, tier: 1 });
  }

  /** Move every effect on by `dt` seconds; the ones that ended are destroyed. */
  update(dt: number): void {
    for (const [key, effect] of this.#effects) {
      effect.update(dt);
      if (effect.done) {
        effect.destroy();
        this.#effects.delete(key);
      }
    }
  }

  /** Where each effect draws this frame, in screen px. */
  screenRects(): Rect[] {
    return [...this.#effects.values()].map((effect) => effect.screenRect());
  }

  /** End them all at once. */
  clear(): void {
    for (const effect of this.#effects.values()) effect.destroy();
    this.#effects.clear();
  }

  /** A gift battle must not become chaos: a few effects at once, the oldest fade out for the new. */
  #makeRoom(): void {
    const max = this.#max;
    let calm = 0;
    for (const effect of this.#effects.values()) if (!effect.finishing) calm++;
    for (const [key, effect] of this.#effects) {
      if (this.#effects.size >= max + 2) {
        effect.destroy();
        this.#effects.delete(key);
      } else if (calm >= max && !effect.finishing) {
        effect.finish();
        calm--;
      }
    }
  }
}
