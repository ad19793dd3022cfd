import { z } from 'zod';
import type { CoreEvent } from '../core/events';

/**
 * Shared pieces of every wire schema: bounded numbers, string ids, and the result of mapping one
 * payload. Feeds parse at the edge, once; everything after a mapping trusts its event.
 */

/** Anything above this is absurd for one delivery (coins, bits, a streak count, viewers). */
export const MAX_AMOUNT = 1_000_000_000;

/** A non-negative whole amount, as a number or a decimal string ("100"); bounded by MAX_AMOUNT. */
export const amount = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,10}$/, 'not a whole number')
      .transform(Number),
  ])
  .pipe(z.number().int().nonnegative().max(MAX_AMOUNT));

/**
 * An id kept as a string. 64-bit ids (TikTok msgId, userId) lose digits as JS numbers, so a number
 * is accepted only while it is a safe integer; anything else is refused rather than silently wrong.
 */
export const idString = z.union([
  z.string().min(1).max(128),
  z
    .number()
    .int()
    .nonnegative()
    .refine(Number.isSafeInteger, 'id beyond 2^53 must be sent as a string')
    .transform(String),
]);

/** A timestamp in ms (number or numeric string); absurd values become undefined (use receive time). */
export const millis = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,16}$/)
      .transform(Number),
  ])
  .transform((ms) => (Number.isFinite(ms) && ms > 0 && ms < 1e14 ? ms : undefined));

/** A flag sent as a boolean or as 0/1 (connector 2.x sends `repeatEnd` as a number). */
export const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1)])
  .transform((v) => v === true || v === 1);

/** What a mapping makes of one payload: an event, nothing worth counting, or a counted drop. */
export type MapResult =
  | { kind: 'event'; event: CoreEvent }
  | { kind: 'ignore' }
  | { kind: 'drop'; reason: string; detail?: string };

export const ignore: MapResult = { kind: 'ignore' };

export function drop(reason: string, detail?: string): MapResult {
  return detail === undefined ? { kind: 'drop', reason } : { kind: 'drop', reason, detail };
}

export function emit(event: CoreEvent): MapResult {
  return { kind: 'event', event };
}

/** A short, single-line description of why zod refused a payload (for `sink.drop` details). */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const path = first.path.length > 0 ? first.path.join('.') : '(root)';
  return `${path}: ${first.message}`.slice(0, 200);
}
