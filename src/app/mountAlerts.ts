import { mount, unmount } from 'svelte';
import type { Config } from '../core/config/config';
import type { Moment } from '../core/alerts/moment';
import { AlertQueue, type Alert } from '../core/alerts/AlertQueue';
import { thanksFilter } from '../core/alerts/thanks';
import { builtInArt, giftArt } from '../render/giftArt';
import type { Position } from '../core/config/choices';
import { Stage } from '../render/Stage';
import type { EffectSpec } from '../render/effects/GiftEffect';
import { AudioOut } from '../ui/sound/AudioOut';
import { Chimes } from '../ui/sound/Chimes';
import { RuleSounds } from '../ui/sound/RuleSounds';
import { AlertMedia } from '../ui/alerts/AlertMedia';
import type { RulesUpdate } from '../feeds/rules/rulesSource';
import type { FeedStatus } from '../core/event/events';
import type { Tier } from '../core/alerts/tiers';
import { AlertPlayer } from './alertPlayer';
import { rulesInfoOf, type RulesInfo } from './rulesInfo';
import type { Log } from './log';
import { applyTheme, paletteOf } from '../ui/themes/themes';
import '../ui/themes/themes.css';
import AlertsLayer from '../ui/alerts/AlertsLayer.svelte';
import { AlertsState } from '../ui/alerts/AlertsState.svelte';
import { calloutOf } from '../ui/alerts/calloutModel';
import { startAction, updateAction } from '../ui/alerts/effectAction';
import { installDebugHook } from './debugHook';
import { missingFields, templateParts } from '../core/text/template';
import { watchVisibility } from '../ui/alerts/visibility';

/** The config fields the alerts read (all from the one schema in core/config.ts). */
export type AlertsConfig = Pick<
  Config,
  | 'template'
  | 'min'
  | 'minaction'
  | 'duration'
  | 'tiers'
  | 'maxqueue'
  | 'theme'
  | 'accent'
  | 'font'
  | 'scale'
  | 'position'
  | 'sound'
  | 'volume'
  | 'quality'
  | 'fps'
  | 'follows'
  | 'shares'
  | 'likes'
>;

export interface AlertsOptions {
  config: AlertsConfig;
  /** Wall clock in ms (Date.now or performance.now): the queue runs on it, never on frames. */
  clock: () => number;
  random: () => number;
  /** The OBS log: media and sound files that fail are said there once. */
  log: Log;
}

export interface AlertsView {
  /** A new moment, or an update of one already shown (same id: a combo climbing, then final). */
  show(moment: Moment): void;
  /** New alert rules (a file, or the hub's saved rules, now or after a change): used from now on. */
  setRules(update: RulesUpdate): void;
  /** The hub's rules socket (for the debug hook). */
  rulesStatus(status: FeedStatus): void;
  /** Releases the GL context, timers, listeners, audio and DOM. */
  destroy(): void;
}

/** Callouts on screen at once. */
const SLOTS = 3;
/** Matches the CSS exit transition of .gg-callout--leaving. */
const LEAVE_MS = 450;

/**
 * The alerts page's view: a PixiJS stage for the effects, Svelte callouts over it, the wall-clock
 * queue between them, and optional chimes. If WebGL is unavailable the callouts still work.
 */
export async function mountAlerts(
  target: HTMLElement,
  options: AlertsOptions,
): Promise<AlertsView> {
  const { config, clock, random, log } = options;
  const root = document.createElement('div');
  root.className = 'gg-alerts';
  applyTheme(root, config);
  target.appendChild(root);

  let stage: Stage | null = null;
  try {
    stage = await Stage.create(root, {
      clock,
      random,
      quality: config.quality,
      fps: config.fps,
    });
  } catch {
    root.dataset.stage = 'unavailable';
  }
  // Light effects come with light callouts: no large blurred shadows to composite (themes.css).
  const quality = stage?.stats.quality ?? (config.quality === 'light' ? 'light' : 'full');
  root.classList.add(`gg-quality-${quality}`);

  const alerts = new AlertsState();
  const media = new AlertMedia({
    problem: (file, message) => log.problem(`media:${file}`, `media file ${file}: ${message}`),
    failed: (key) => player.mediaFailed(key),
  });
  const parts = templateParts(config.template);
  const missing = missingFields(parts);
  const layer = mount(AlertsLayer, {
    target: root,
    props: { alerts, parts, missing, position: config.position, media },
  });
  const durationMs = config.duration * 1000;
  const shows = thanksFilter(config);
  const queue = new AlertQueue({
    slots: SLOTS,
    maxLength: config.maxqueue,
    durationMs,
    min: config.min,
    minAction: config.minaction,
    tiers: config.tiers,
    backlogGapMs: Math.max(8000, 2 * durationMs),
  });
  const audio = config.sound ? new AudioOut(config.volume / 100, clock) : null;
  const chimes = audio && new Chimes(audio);
  const sounds =
    audio &&
    new RuleSounds(audio, {
      problem: (file, message) => log.problem(`sound:${file}`, `sound file ${file}: ${message}`),
    });
  const palette = paletteOf(config.theme, config.accent);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let wake: ReturnType<typeof setTimeout> | undefined;

  const later = (ms: number, run: () => void) => {
    const id = setTimeout(() => {
      timers.delete(id);
      run();
    }, ms);
    timers.add(id);
  };

  const effectOf = (alert: Alert, tier: Tier): EffectSpec => {
    const first = alert.moments[0];
    const gift = first ?? { kind: 'gift' as const };
    return {
      key: alert.key,
      tier,
      art: giftArt(gift),
      fallback: builtInArt(gift),
      position: config.position,
      palette,
    };
  };

  const player = new AlertPlayer({ stage, chimes, sounds, media, effectOf });
  const perform = player.perform.bind(player);
  const rules: RulesInfo = rulesInfoOf(null, 'none');

  const start = (alert: Alert) => {
    const view = calloutOf(alert);
    alerts.upsert(view);
    perform(startAction(view), alert);
  };

  const update = (alert: Alert) => {
    const before = alerts.get(alert.key);
    const view = calloutOf(alert);
    alerts.upsert(view);
    perform(updateAction(before, view), alert);
  };

  const end = (alert: Alert) => {
    alerts.leave(alert.key);
    player.leave(alert);
    later(LEAVE_MS, () => {
      alerts.remove(alert.key);
      player.remove(alert);
    });
  };

  const pump = () => {
    if (wake !== undefined) clearTimeout(wake);
    wake = undefined;
    // While hidden nothing advances: on return one step ends what is over and summarises the backlog.
    if (!visibility.visible) return;
    const now = clock();
    const step = queue.advance(now);
    step.ended.forEach(end);
    step.started.forEach(start);
    step.updated.forEach(update);
    const next = queue.nextWake();
    if (next !== null) wake = setTimeout(pump, Math.max(0, next - now) + 1);
  };

  const visibility = watchVisibility((visible) => {
    stage?.setVisible(visible);
    if (visible) pump();
  });
  stage?.setVisible(visibility.visible);
  const removeHook = installDebugHook({ stage, queue, root, chimes, sounds, media, rules });

  return {
    show(moment) {
      // follows=off, shares=off, likes=0: the session counted it; this page shows no thank-you.
      if (!shows(moment)) return;
      queue.push(moment, clock());
      pump();
    },
    setRules(update) {
      queue.setRules(update.rules);
      player.setMediaBase(update.mediaBase);
      sounds?.forget();
      media.forget();
      Object.assign(rules, rulesInfoOf(update, rules.socket, rules.version + 1));
    },
    rulesStatus(status) {
      rules.socket = status;
    },
    destroy() {
      if (wake !== undefined) clearTimeout(wake);
      for (const id of timers) clearTimeout(id);
      timers.clear();
      visibility.stop();
      removeHook();
      void unmount(layer);
      stage?.destroy();
      media.destroy();
      audio?.destroy();
      root.remove();
    },
  };
}
