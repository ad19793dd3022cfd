import { z } from 'zod';

/**
 * Building blocks of the URL parameter schema (config.ts). Every parser takes the raw string from the
 * query and either returns a clean value or fails; the caller then uses the parameter's default and
 * tells the streamer what is allowed. Values are parsed strictly: text stays text, colours and fonts
 * come from allow-lists, URLs must be ws:// or wss://.
 */

export interface ParamSpec<T> {
  schema: z.ZodType<T>;
  /** The value used when the parameter is missing or bad. */
  fallback: T;
  /** What is allowed, completing "<name> must be ...". */
  allowed: string;
  /** What the parameter does, for the README table and the start page. */
  meaning: string;
  /** Which page reads it. */
  page: 'both' | 'alerts' | 'board';
  /** The value as it is written in a URL ('' for "not set"). */
  format(value: T): string;
}

export function spec<T>(
  schema: z.ZodType<T>,
  fallback: T,
  allowed: string,
  meaning: string,
  page: ParamSpec<T>['page'] = 'both',
  format: (value: T) => string = (value) => (value === undefined ? '' : String(value)),
): ParamSpec<T> {
  return { schema, fallback, allowed, meaning, page, format };
}

const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;
// Control characters never belong in a parameter value (they would end up in text on screen).
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;

export function numberIn(min: number, max: number, integer = false) {
  const range = integer ? z.number().int().min(min).max(max) : z.number().min(min).max(max);
  return z.string().trim().regex(DECIMAL).transform(Number).pipe(range);
}

/** A factor on the value scale: 3 decimals at most, so board totals stay exact (value.ts). */
export function factor(min: number, max: number) {
  return numberIn(min, max).refine(
    (value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6,
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().trim().toLowerCase().pipe(z.enum(values));
}

export function onOff() {
  return oneOf(['on', 'off']).transform((value) => value === 'on');
}

export function showHide() {
  return oneOf(['show', 'hide']).transform((value) => value === 'show');
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function list(item: z.ZodType<string, string>, maxItems: number) {
  return z
    .string()
    .transform(splitList)
    .pipe(z.array(item).max(maxItems))
    .transform((items) => Array.from(new Set(items)));
}

export function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((raw) => splitList(raw.toLowerCase()))
    .pipe(z.array(z.enum(values)).min(1).max(values.length))
    .transform((items) => Array.from(new Set(items)));
}

export function wsUrl() {
  return z
    .string()
    .trim()
    .refine((raw) => {
      if (!/^wss?:\/\/[^\s]+$/i.test(raw) || raw.length > 300) return false;
      try {
        return new URL(raw).hostname !== '';
      } catch {
        return false;
      }
    });
}

export function text(maxLength: number) {
  return z
    .string()
    .transform((raw) => raw.replace(CONTROL, ' ').trim())
    .pipe(z.string().max(maxLength));
}

export function pattern(re: RegExp) {
  return z.string().trim().regex(re);
}

/** `#rgb` or `#rrggbb`. The `#` may be left out: an unencoded `#` in a URL starts the fragment. */
export function hexColour() {
  return z
    .string()
    .trim()
    .regex(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i)
    .transform((raw) => '#' + raw.replace('#', '').toLowerCase());
}

export function ascendingNumbers(count: number, min: number, max: number) {
  return z
    .string()
    .transform(splitList)
    .pipe(z.array(z.string().regex(DECIMAL).transform(Number).pipe(z.number().min(min).max(max))))
    .refine((values) => values.length === count)
    .refine((values) =>
      values.every((value, i) => i === 0 || value > (values[i - 1] ?? -Infinity)),
    );
}

export const joinList = (values: readonly (string | number)[]): string => values.join(',');
