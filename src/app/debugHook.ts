import type { AlertQueue } from '../core/alerts/AlertQueue';
import type { QueueStats } from '../core/alerts/queueStats';
import type { Stage } from '../render/Stage';
import type { Chimes } from '../ui/sound/Chimes';
import type { PlayedSound, RuleSounds } from '../ui/sound/RuleSounds';
import type { AlertMedia, MediaOnScreen } from '../ui/alerts/AlertMedia';
import type { RulesInfo } from './rulesInfo';
import { publishDebug } from './debugBag';
import type { RecentMap } from '../core/RecentMap';

interface Parts {
  stage: Stage | null;
  queue: AlertQueue;
  root: HTMLElement;
  chimes: Chimes | null;
  thanked: RecentMap<true>;
  sounds: RuleSounds | null;
  media: AlertMedia;
  rules: RulesInfo;
}

/** What `window.__giftglow.alerts` reports; e2e tests and the bench read this type too. */
export interface AlertsHook {
  readonly frames: number;
  readonly quality: string;
  readonly fillNs: number;
  readonly fpsCap: number;
  readonly canvas: { width: number; height: number };
  readonly running: boolean;
  readonly activeEffects: number;
  readonly displayObjects: number;
  readonly textures: number;
  readonly pooledSprites: number;
  readonly contextLosses: number;
  readonly domNodes: number;
  readonly callouts: number;
  readonly audioNotes: number;
  readonly queue: QueueStats & { waiting: number; playing: number };
  /** Names the newest callouts and summaries showed (1,000-2,000 of them), oldest first. */
  readonly thanked: string[];
  /** The rules' media elements on screen now (`gg-media`): file, video readyState and time. */
  readonly media: MediaOnScreen[];
  /**
   * The rules' sounds (sound=on): the last 20 that started (file, decoded seconds), how many hold
   * audio nodes now, and how many were kept quiet because another sound was playing.
   */
  readonly sounds: { played: readonly PlayedSound[]; playing: number; skipped: number };
  /** The alert rules in use: where from, version, how many, their problems, the hub socket. */
  readonly rules: RulesInfo;
}

/**
 * `window.__giftglow.alerts`: live counters (frames drawn, display objects, textures, effects, DOM
 * nodes, queue), the rules' media and sounds and the rules in use, that e2e tests and the bench
 * read. Always maintained, read-only, no test branches.
 */
export function installDebugHook(parts: Parts): () => void {
  const { stage, queue, root, chimes, sounds, media, rules, thanked } = parts;
  const hook: AlertsHook = {
    get frames() {
      return stage?.stats.frames ?? 0;
    },
    get quality() {
      return stage?.stats.quality ?? 'none';
    },
    get fillNs() {
      return stage?.stats.fillNs ?? 0;
    },
    get fpsCap() {
      return stage?.stats.fpsCap ?? 0;
    },
    get canvas() {
      return stage?.stats.canvas ?? { width: 0, height: 0 };
    },
    get running() {
      return stage?.stats.running ?? false;
    },
    get activeEffects() {
      return stage?.stats.activeEffects ?? 0;
    },
    get displayObjects() {
      return stage?.stats.displayObjects ?? 0;
    },
    get textures() {
      return stage?.stats.textures ?? 0;
    },
    get pooledSprites() {
      return stage?.stats.pooledSprites ?? 0;
    },
    get contextLosses() {
      return stage?.stats.contextLosses ?? 0;
    },
    get domNodes() {
      return root.getElementsByTagName('*').length;
    },
    get callouts() {
      return root.getElementsByClassName('gg-callout').length;
    },
    get audioNotes() {
      return chimes?.activeNotes ?? 0;
    },
    get queue() {
      return { ...queue.stats, waiting: queue.waitingCount, playing: queue.playingCount };
    },
    get thanked() {
      return thanked.newest(2_000).map(([name]) => name);
    },
    get media() {
      return media.onScreen;
    },
    get sounds() {
      return {
        played: sounds?.played ?? [],
        playing: sounds?.playing ?? 0,
        skipped: sounds?.skipped ?? 0,
      };
    },
    get rules() {
      return rules;
    },
  };
  return publishDebug('alerts', hook);
}
