import { z } from 'zod/mini';

/**
 * Building blocks of the URL parameter schema (config.ts). Every parser takes the raw string from the
 * query and either returns a clean value or fails; the caller then uses the parameter's default and
 * tells the streamer what is allowed. Values are parsed strictly: text stays text, colours and fonts
 * come from allow-lists, URLs must be ws:// or wss://.
 */

export interface ParamSpec<T> {
  schema: z.ZodMiniType<T>;
  /** The value used when the parameter is missing or bad. */
  fallback: T;
  /** What is allowed, completing "<name> must be ...". */
  allowed: string;
  /** What the parameter does, for the README table and the start page. */
  meaning: string;
  /** Which page reads it: 'both' is every page; 'goal' is the goal page (and the alerts page). */
  page: 'both' | 'alerts' | 'board' | 'goal';
  /** The value as it is written in a URL ('' for "not set"). */
  format(value: T): string;
}

export function spec<T>(
  schema: z.ZodMiniType<T>,
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

/** A trimmed string, then its checks (trim runs first, as zod applies checks in order). */
const trimmed = (...checks: z.core.$ZodCheck<string>[]) => z.string().check(z.trim(), ...checks);

export function numberIn(min: number, max: number, integer = false) {
  const bounds = [z.minimum(min), z.maximum(max)];
  const range = integer ? z.int().check(...bounds) : z.number().check(...bounds);
  return z.pipe(z.pipe(trimmed(z.regex(DECIMAL)), z.transform(Number)), range);
}

/** A factor on the value scale: 3 decimals at most, so board totals stay exact (value.ts). */
export function factor(min: number, max: number) {
  return numberIn(min, max).check(
    z.refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6),
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.pipe(trimmed(z.toLowerCase()), z.enum(values));
}

export function onOff() {
  return z.pipe(
    oneOf(['on', 'off']),
    z.transform((value) => value === 'on'),
  );
}

export function showHide() {
  return z.pipe(
    oneOf(['show', 'hide']),
    z.transform((value) => value === 'show'),
  );
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const unique = <T>() => z.transform((items: T[]) => Array.from(new Set(items)));

export function list(item: z.ZodMiniType<string, string>, maxItems: number) {
  const items = z.array(item).check(z.maxLength(maxItems));
  return z.pipe(z.pipe(z.pipe(z.string(), z.transform(splitList)), items), unique<string>());
}

export function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  const items = z.array(z.enum(values)).check(z.minLength(1), z.maxLength(values.length));
  const split = z.transform((raw: string) => splitList(raw.toLowerCase()));
  return z.pipe(z.pipe(z.pipe(z.string(), split), items), unique<T[number]>());
}

export function wsUrl() {
  return trimmed(
    z.refine((raw) => {
      if (!/^wss?:\/\/[^\s]+$/i.test(raw) || raw.length > 300) return false;
      try {
        return new URL(raw).hostname !== '';
      } catch {
        return false;
      }
    }),
  );
}

export function text(maxLength: number) {
  const clean = z.transform((raw: string) => raw.replace(CONTROL, ' ').trim());
  return z.pipe(z.pipe(z.string(), clean), z.string().check(z.maxLength(maxLength)));
}

export function pattern(re: RegExp) {
  return trimmed(z.regex(re));
}

/** `#rgb` or `#rrggbb`. The `#` may be left out: an unencoded `#` in a URL starts the fragment. */
export function hexColour() {
  return z.pipe(
    trimmed(z.regex(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i)),
    z.transform((raw) => '#' + raw.replace('#', '').toLowerCase()),
  );
}

export function ascendingNumbers(count: number, min: number, max: number) {
  const number = z.pipe(
    z.pipe(z.string().check(z.regex(DECIMAL)), z.transform(Number)),
    z.number().check(z.minimum(min), z.maximum(max)),
  );
  return z.pipe(z.pipe(z.string(), z.transform(splitList)), z.array(number)).check(
    z.refine((values) => values.length === count),
    z.refine((values) =>
      values.every((value, i) => i === 0 || value > (values[i - 1] ?? -Infinity)),
    ),
  );
}

export const joinList = (values: readonly (string | number)[]): string => values.join(',');
