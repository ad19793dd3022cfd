import { z } from 'zod/mini';
import type { CoreEvent } from '../core/events';

/**
 * Shared pieces of every wire schema: bounded numbers, string ids, and the result of mapping one
 * payload. Feeds parse at the edge, once; everything after a mapping trusts its event.
 */

/** Longest display text kept from the wire (names are shown far shorter: see core/names.ts). */
export const TEXT_MAX = 2000;
/** Longest picture URL kept. */
export const URL_MAX = 4096;

/** Anything above this is absurd for one delivery (coins, bits, a streak count, viewers). */
export const MAX_AMOUNT = 1_000_000_000;

/** Up to 10 digits: a whole amount sent as a decimal string ("100"). */
export const WHOLE_TEXT = /^\d{1,10}$/;
/** Up to 16 digits: a timestamp sent as a decimal string. */
export const MILLIS_TEXT = /^\d{1,16}$/;

const decimal = (re: RegExp, message?: string) =>
  z.pipe(z.string().check(z.regex(re, message)), z.transform(Number));

/** A non-negative whole amount, as a number or a decimal string ("100"); bounded by MAX_AMOUNT. */
export const amount = z.pipe(
  z.union([z.number(), decimal(WHOLE_TEXT, 'not a whole number')]),
  z.int().check(z.nonnegative(), z.maximum(MAX_AMOUNT)),
);

/**
 * An id kept as a string. 64-bit ids (TikTok msgId, userId) lose digits as JS numbers, so a number
 * is accepted only while it is a safe integer; anything else is refused rather than silently wrong.
 */
export const idString = z.union([
  z.string().check(z.minLength(1), z.maxLength(128)),
  z.pipe(
    z
      .int()
      .check(
        z.nonnegative(),
        z.refine(Number.isSafeInteger, 'id beyond 2^53 must be sent as a string'),
      ),
    z.transform(String),
  ),
]);

/** A plausible timestamp in ms, or undefined (the caller then uses the receive time). */
export const plausibleMillis = (ms: number): number | undefined =>
  Number.isFinite(ms) && ms > 0 && ms < 1e14 ? ms : undefined;

/**
 * A timestamp in ms (numeric string or number); absurd values become undefined (use receive time).
 * The string comes first: it is what tiktok-live-connector v1 (TikFinity) sends.
 */
export const millis = z.pipe(
  z.union([decimal(MILLIS_TEXT), z.number()]),
  z.transform(plausibleMillis),
);

/** A flag sent as a boolean or as 0/1 (connector 2.x sends `repeatEnd` as a number). */
export const flag = z.pipe(
  z.union([z.boolean(), z.literal([0, 1])]),
  z.transform((v) => v === true || v === 1),
);

/**
 * Something a mapping had to make do with while keeping the event (a name cut, a picture left
 * out): counted by reason like a drop, so a streamer can see that a feed sends odd data.
 */
export interface Note {
  reason: string;
  detail?: string;
}

/** What a mapping makes of one payload: an event (with its notes), nothing, or a counted drop. */
export type MapResult =
  | { kind: 'event'; event: CoreEvent; notes: readonly Note[] }
  | { kind: 'ignore' }
  | { kind: 'drop'; reason: string; detail?: string };

export const ignore: MapResult = { kind: 'ignore' };

export function drop(reason: string, detail?: string): MapResult {
  return detail === undefined ? { kind: 'drop', reason } : { kind: 'drop', reason, detail };
}

const NO_NOTES: readonly Note[] = [];

export function emit(event: CoreEvent, notes: readonly Note[] = NO_NOTES): MapResult {
  return { kind: 'event', event, notes };
}

/**
 * A short, single-line description of why zod refused a payload (for `sink.drop` details).
 * zod/mini ships no message texts (they would cost every page a locale), so the common issues are
 * worded here from their structured fields; messages given in a schema are used as they are.
 */
export function describeIssues(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const path = first.path.length > 0 ? first.path.join('.') : '(root)';
  return `${path}: ${explain(first)}`.slice(0, 200);
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return `${issue.origin} above ${String(issue.maximum)}`;
    case 'too_small':
      return `${issue.origin} below ${String(issue.minimum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`.slice(
        0,
        120,
      );
    case 'invalid_union': {
      // The branch that got past the type check says most ("number above ..."); else list the types.
      const firsts = issue.errors.map((branch) => branch[0]).filter((i) => i !== undefined);
      const near = firsts.find((i) => i.code !== 'invalid_type');
      if (near) return explain(near);
      const types = firsts.map((i) => (i.code === 'invalid_type' ? i.expected : ''));
      return types.length > 0 ? `expected ${types.join(' or ')}` : 'matches no accepted shape';
    }
    case 'invalid_format':
      return issue.message !== 'Invalid input' ? issue.message : `not ${issue.format}`;
    default:
      return issue.message;
  }
}
