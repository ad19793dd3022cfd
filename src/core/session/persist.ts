import { z } from 'zod/mini';
import type { BoardEntry } from './Board';
import type { ClosedCombo, OpenCombo } from './Combos';
import { PLATFORMS } from '../event/events.ts';
import type { TallySnapshot } from './Tally';
import type { ThankedSnapshot } from './Thanked';

/**
 * The session's state in storage, so an OBS reload (scene switch, settings change) keeps the board,
 * the recent event ids (a replay after reload counts nothing twice), the open streaks and the goal
 * tally (totals, followers counted, goals celebrated) and the thank-yous (shares, like milestones).
 * Storage is passed in (src/app wraps localStorage) and is untrusted: it may throw, be full, hold
 * corrupt JSON or another overlay's data. All local-file pages share one origin, so each page owns
 * exactly one key, `giftglow:v1:<session>:<role>`, and never touches any other.
 */

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function storageKey(session: string, role: string): string {
  return `giftglow:v1:${session}:${role}`;
}

const kinds = ['gift', 'cheer', 'sub', 'giftsub', 'follow', 'raid', 'like', 'share'] as const;
const milli = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const count = z.number().check(z.minimum(0));

const momentSchema = z.object({
  id: z.string(),
  kind: z.enum(kinds),
  platform: z.enum(PLATFORMS),
  userKey: z.string(),
  name: z.string(),
  gift: z.string(),
  giftId: z.optional(z.string()),
  image: z.optional(z.string()),
  count,
  value: z.number().check(z.minimum(0)),
  // Added with alert rules: a streak saved before them loads with no coins and no bomb.
  coins: z._default(count, 0),
  bomb: z._default(z.boolean(), false),
  tier: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
  final: z.boolean(),
  startedAt: z.number(),
  updatedAt: z.number(),
  callout: z.boolean(),
});

const user = z.object({
  key: z.string(),
  name: z.string(),
  login: z.string(),
  platform: z.enum(PLATFORMS),
});
const worth = { best: milli, bestCount: count, parts: milli, partCount: count };

export const snapshotSchema = z.object({
  v: z.literal(1),
  /** When the page saved it (added with the server's copy: which copy is newer). */
  savedAt: z.optional(z.number()),
  rows: z.array(z.extend(user, { milli, seq: z.int().check(z.minimum(0)) })),
  ids: z.array(z.string()),
  closed: z.array(
    z.tuple([
      z.string(),
      z.object({
        ...worth,
        counted: milli,
        closedAt: z.number(),
        items: z.optional(count),
        price: z.optional(count),
        entry: z.optional(z.string()),
      }),
    ]),
  ),
  open: z.array(
    z.object({
      ...worth,
      key: z.string(),
      user,
      lastAt: z.number(),
      moment: momentSchema,
      price: z.optional(count),
      entry: z.optional(z.string()),
    }),
  ),
  // Added with goals: a session saved before them has no tally (and loads as before).
  tally: z.optional(
    z.object({
      milli,
      coins: milli,
      likes: milli,
      gifts: milli,
      follows: milli,
      followers: z.array(z.string()),
      celebrated: z.array(z.tuple([z.string(), z.int().check(z.minimum(0))])),
    }),
  ),
  // Added with thank-yous (issue 23): shares thanked, the like milestone reached.
  thanked: z.optional(z.object({ sharers: z.array(z.string()), likes: milli })),
});

export interface Snapshot {
  v: 1;
  savedAt?: number;
  rows: BoardEntry[];
  ids: string[];
  closed: [string, ClosedCombo][];
  open: OpenCombo[];
  tally?: TallySnapshot;
  thanked?: ThankedSnapshot;
}

export type LoadResult = { snapshot: Snapshot | null; problem: string | null };

/** Reads the session's key. Missing is fine; unreadable data is reported, never thrown. */
export function loadSnapshot(store: KeyValueStore, key: string): LoadResult {
  let text: string | null;
  try {
    text = store.get(key);
  } catch (error) {
    return {
      snapshot: null,
      problem: `Storage is not available (${describe(error)}); the board is kept in memory only.`,
    };
  }
  if (text === null) return { snapshot: null, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      snapshot: null,
      problem: 'The saved board could not be read; starting a fresh board.',
    };
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    return {
      snapshot: null,
      problem: 'The saved board is from another version or damaged; starting a fresh board.',
    };
  }
  return { snapshot: parsed.data, problem: null };
}

/** Writes the session's key; returns a problem (quota, disabled storage) instead of throwing. */
export function saveSnapshot(store: KeyValueStore, key: string, snapshot: Snapshot): string | null {
  try {
    store.set(key, JSON.stringify(snapshot));
    return null;
  } catch (error) {
    return `The board could not be saved (${describe(error)}); it is kept in memory only.`;
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.name || error.message : String(error);
  return text.slice(0, 60);
}
