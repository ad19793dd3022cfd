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
    const { stage, chimes } = this.#parts;
    const tier = lookEffect(alert.look, alert.tier);
    if (action === 'play') {
      if (tier !== null) stage?.play(this.#parts.effectOf(alert, tier));
      if (!this.#extras(alert)) chimes?.play(alert.tier);
    } else if (action === 'bump') {
      if (tier !== null) stage?.bump(this.#parts.effectOf(alert, tier));
    } else if (action === 'chime') chimes?.play(1);
    // A compact thank-you (a follow) plays no effect, but a rule's own media and sound it does get.
    else if (!this.#playing.has(alert.key)) this.#extras(alert);
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

  /** Shows the rule's media and plays its sound (once per alert); false when it has no sound. */
  #extras(alert: Alert): boolean {
    const { sounds, media } = this.#parts;
    const { media: file, sound } = alert.look;
    if (file === undefined && sound === undefined) return false;
    this.#playing.set(alert.key, alert);
    const mediaUrl = file === undefined ? null : this.#url(file);
    if (file !== undefined && mediaUrl) media.show(alert.key, mediaUrl, file);
    const soundUrl = sound && this.#url(sound.file);
    if (!sound || !soundUrl || !sounds) return false;
    sounds.play(soundUrl, sound.file, alert.tier, (sound.volume ?? 100) / 100);
    return true;
  }

  #url(file: string): string | null {
    return this.#mediaBase === null
      ? null
      : new URL(encodeURIComponent(file), this.#mediaBase).href;
  }
}
