import { z } from 'zod/mini';

/**
 * The fields every wire schema is made of: bounded numbers, string ids, timestamps and flags as the
 * platforms send them. Feeds parse at the edge, once; everything after a mapping trusts its event.
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
