import type { Alert } from '../core/alerts/AlertQueue';
import type { Tier } from '../core/alerts/tiers';
import type { Stage } from '../render/Stage';
import type { EffectSpec } from '../render/effects/GiftEffect';
import type { AlertMedia } from '../ui/alerts/AlertMedia';
import type { EffectAction } from '../ui/alerts/effectAction';
import { lookEffect } from '../ui/alerts/lookEffect';
import type { Chimes } from '../ui/sound/Chimes';
import type { RuleSounds } from '../ui/sound/RuleSounds';

export interface PlayerParts {
  stage: Stage | null;
  chimes: Chimes | null;
  /** null with sound=off. */
  sounds: RuleSounds | null;
  media: AlertMedia;
  /** The stage effect of an alert at a tier. */
  effectOf(alert: Alert, tier: Tier): EffectSpec;
}

/**
 * What an alert plays besides its callout: the stage effect (or the rule's `effect`), the rule's
 * media file, and one sound (the rule's, else the tier's chime). Media and sound names resolve
 * against the media base of the rules in use (`/media/` on the hub, the rules file's folder on a
 * static host).
 */
export class AlertPlayer {
  readonly #parts: PlayerParts;
  /** Alerts that played and are not removed yet: a media file that fails falls back for these. */
  readonly #playing = new Map<string, Alert>();
  #mediaBase: string | null = null;

  constructor(parts: PlayerParts) {
    this.#parts = parts;
  }

  setMediaBase(base: string): void {
    this.#mediaBase = base;
  }

  perform(action: EffectAction, alert: Alert): void {
    const { stage, chimes, sounds, media } = this.#parts;
    const tier = lookEffect(alert.look, alert.tier);
    if (action === 'play') {
      this.#playing.set(alert.key, alert);
      if (tier !== null) stage?.play(this.#parts.effectOf(alert, tier));
      const { media: file, sound } = alert.look;
      if (file !== undefined) {
        const url = this.#url(file);
        if (url) media.show(alert.key, url, file);
      }
      const soundUrl = sound && this.#url(sound.file);
      if (sound && soundUrl && sounds)
        sounds.play(soundUrl, sound.file, alert.tier, (sound.volume ?? 100) / 100);
      else chimes?.play(alert.tier);
    } else if (action === 'bump') {
      if (tier !== null) stage?.bump(this.#parts.effectOf(alert, tier));
    } else if (action === 'chime') chimes?.play(1);
  }

  /** The alert's media file could not be shown: if the media was its whole show, its effect plays. */
  mediaFailed(key: string): void {
    const alert = this.#playing.get(key);
    if (!alert || lookEffect(alert.look, alert.tier) !== null) return; // an effect already plays
    const tier = lookEffect(alert.look, alert.tier, true);
    if (tier !== null) this.#parts.stage?.play(this.#parts.effectOf(alert, tier));
  }

  /** The callout starts to leave: its media fades with it. */
  leave(alert: Alert): void {
    this.#parts.media.leave(alert.key);
  }

  /** The callout is gone: so is its media. */
  remove(alert: Alert): void {
    this.#playing.delete(alert.key);
    this.#parts.media.remove(alert.key);
  }

  #url(file: string): string | null {
    return this.#mediaBase === null
      ? null
      : new URL(encodeURIComponent(file), this.#mediaBase).href;
  }
}
