import type { BlockAction } from '../text/blocklist';
import type { Config } from '../config/config';

/** Bounds that keep a stream left running for hours in fixed memory and storage. */
export interface SessionLimits {
  /** Event ids remembered for dedupe. */
  ids: number;
  /** Closed combo keys remembered (late deliveries of them change nothing). */
  closedCombos: number;
  /** Ids, closed combos and board rows written to storage (the best rows first). */
  persistIds: number;
  persistClosed: number;
  persistRows: number;
  /** Followers remembered so a follow counts once per user (and how many are stored). */
  followers: number;
  persistFollowers: number;
  /** Least time between two saves: tick() saves what changed once this much time has passed. */
  saveIntervalMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  ids: 20_000,
  closedCombos: 5_000,
  persistIds: 5_000,
  persistClosed: 1_000,
  persistRows: 3_000,
  followers: 20_000,
  persistFollowers: 5_000,
  saveIntervalMs: 1_000,
};

export interface SessionOptions {
  /** Session name (URL `session`): its board survives reloads. */
  session: string;
  /** The page ('alerts', 'board', 'goal'): each page keeps its own copy, so two sources never overwrite each other. */
  role: string;
  /** A combo silent this long is finished with what arrived. */
  streakTimeoutMs: number;
  block: readonly string[];
  blockAction: BlockAction;
  /** Logins kept off `top()` (still counted). */
  hide: readonly string[];
  /** Test events (`test: true`) count on the board too: a rehearsal session. Default false. */
  countTests?: boolean;
  /**
   * Like milestones (`likes=`): a like moment each time the room's total likes passes a multiple
   * of this; 0 or unset: like events are counted but never shown.
   */
  likeStep?: number;
  limits?: Partial<SessionLimits>;
}

/** Session options from the page's URL config; `role` is the page ('alerts', 'board', 'goal'). */
export function sessionOptions(config: Config, role: string): SessionOptions {
  return {
    session: config.session,
    role,
    streakTimeoutMs: config.streak * 1000,
    block: config.block,
    blockAction: config.blockaction,
    hide: config.hide,
    countTests: config.counttests,
    likeStep: config.likes,
  };
}
