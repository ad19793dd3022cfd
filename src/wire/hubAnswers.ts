import { z } from 'zod/mini';
import { DROP_REASON_CODES } from './dropReasons.ts';
import { SIGN_KEY_SOURCES } from './signKey.ts';
import { TIKTOK_STATES } from './tiktokLive.ts';
import { MEDIA_TYPES, type MediaType } from './mediaFiles.ts';

const MEDIA_TYPE_NAMES = Object.keys(MEDIA_TYPES) as [MediaType, ...MediaType[]];

/**
 * What the local hub's routes (hubPaths.ts) answer, as both ends see it: src/hub builds its answers
 * through these types; the start page parses them with these schemas, so an answer that is not the
 * hub's is a state the page shows, never a cast that lies or a throw.
 */

const count = z.int().check(z.nonnegative());

/** 202 from `POST /hub/events`: the frame's events went to every overlay connected now. */
const forwarded = z.object({ forwarded: count, overlays: count });

/** Any refusal (4xx, 5xx): the counted reason, and a detail for people. */
const refused = z.object({ refused: z.enum(DROP_REASON_CODES), detail: z.string() });

export const eventsAnswer = z.union([forwarded, refused]);
export const tokenAnswer = z.object({ token: z.string().check(z.minLength(1)) });
export const statusAnswer = z.object({
  overlays: count,
  senders: count,
  refused: z.record(z.string(), count),
  /** The hub's TikTok connections (only when there is one): whose, and how each stands. */
  tiktok: z.optional(z.array(z.object({ username: z.string(), state: z.enum(TIKTOK_STATES) }))),
  /** Where the sign key comes from, never the key (an npm start older than the field: absent). */
  signKey: z.optional(z.enum(SIGN_KEY_SOURCES)),
});
/** 200 from `POST /hub/tiktok/key`: what was done, and where the key in use now comes from. */
export const signKeyAnswer = z.object({
  done: z.enum(['saved', 'forgotten']),
  signKey: z.enum(SIGN_KEY_SOURCES),
});

/**
 * GET `/hub/media`: the folder's files (name, bytes, type as sniffed) and where it is on disk;
 * `skipped`: files in it that are not listed (a name or content the folder does not take).
 */
export const mediaAnswer = z.object({
  folder: z.string(),
  files: z.array(z.object({ name: z.string(), size: count, type: z.enum(MEDIA_TYPE_NAMES) })),
  skipped: z.optional(count),
});
/** 200 from a POST or DELETE on `/hub/media`. */
export const mediaDoneAnswer = z.object({ done: z.enum(['saved', 'deleted']), name: z.string() });
/**
 * 200 from `PUT /hub/rules`: saved; `rules`: how many the file holds (those with problems too), and
 * each problem as `rule <n> (<name>): <why>`: those rules are skipped by the overlays.
 */
export const rulesSavedAnswer = z.object({
  done: z.literal('saved'),
  rules: count,
  problems: z.array(z.string()),
});

export type EventsAnswer = z.output<typeof eventsAnswer>;
export type TokenAnswer = z.output<typeof tokenAnswer>;
export type StatusAnswer = z.output<typeof statusAnswer>;
export type SignKeyAnswer = z.output<typeof signKeyAnswer>;
export type MediaAnswer = z.output<typeof mediaAnswer>;
export type MediaDoneAnswer = z.output<typeof mediaDoneAnswer>;
export type RulesSavedAnswer = z.output<typeof rulesSavedAnswer>;

/** An answer's body read with its schema: the data, or null (not JSON, or not this answer). */
export function readAnswer<S extends z.core.$ZodType>(schema: S, text: string): z.output<S> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = z.safeParse(schema, json);
  return parsed.success ? parsed.data : null;
}
