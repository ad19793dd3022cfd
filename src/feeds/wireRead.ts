import { MAX_AMOUNT, plausibleMillis } from './wire';

/**
 * Plain readers of the wire pieces in wire.ts, for the hot path: each accepts exactly what its
 * schema accepts and returns the same value, or `INVALID` (test/unit/feeds/readers.test.ts checks
 * both on hostile values). A payload a reader refuses goes to the schema, which says what is wrong;
 * a good one never pays for zod's parse contexts, union attempts and issue lists (~20x faster).
 */

export const INVALID: unique symbol = Symbol('invalid');
export type Read<T> = T | typeof INVALID;

/** What zod's `z.object` accepts: any object that is not null or an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `amount`: a safe whole number 0..MAX_AMOUNT, or up to 10 digits as a string. */
export function readAmount(value: unknown): Read<number> {
  const n = typeof value === 'string' ? digitsValue(value, 10) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_AMOUNT
    ? n
    : INVALID;
}

/** `idString`: a string of 1 to 128 characters, or a safe whole number (as its string). */
export function readId(value: unknown): Read<string> {
  if (typeof value === 'string') return value.length >= 1 && value.length <= 128 ? value : INVALID;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? String(value)
    : INVALID;
}

/** `millis`: a finite number or up to 16 digits; implausible times become undefined. */
export function readMillis(value: unknown): Read<number | undefined> {
  if (typeof value === 'number') return Number.isFinite(value) ? plausibleMillis(value) : INVALID;
  if (typeof value !== 'string') return INVALID;
  const n = digitsValue(value, 16);
  return n === INVALID ? INVALID : plausibleMillis(n);
}

/**
 * `WHOLE_TEXT` / `MILLIS_TEXT` (`/^\d{1,max}$/`) then `Number`, without a regex call (it cost more
 * than the rest of reading a gift's createTime) or a second pass to convert: up to 15 digits the
 * sum is exact; a 16th digit may pass 2^53, where only Number's rounding is the schema's.
 */
function digitsValue(text: string, max: number): Read<number> {
  if (text.length < 1 || text.length > max) return INVALID;
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return INVALID;
    n = n * 10 + (c - 0x30);
  }
  return text.length > 15 ? Number(text) : n;
}

/** `flag`: a boolean, 0 or 1. */
export function readFlag(value: unknown): Read<boolean> {
  if (value === true || value === 1) return true;
  return value === false || value === 0 ? false : INVALID;
}

/** `z.string().check(z.maxLength(max))`. */
export function readText(value: unknown, max: number): Read<string> {
  return typeof value === 'string' && value.length <= max ? value : INVALID;
}

/** `z.optional(schema)`: undefined stays undefined, anything else is read. */
export function optional<T>(
  value: unknown,
  read: (value: unknown) => Read<T>,
): Read<T | undefined> {
  return value === undefined ? undefined : read(value);
}
