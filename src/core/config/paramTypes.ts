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
  page: 'both' | 'alerts' | 'board' | 'goal' | 'credits';
  /** The value as it is written in a URL ('' for "not set"). */
  format(value: T): string;
  /** Why a raw value is wrong, when the field's rule can say more than `allowed`. */
  why?(raw: string): string | undefined;
}

/**
 * The control the start page shows for a parameter, known from the builder that made its schema (so
 * a new field gets the right control with no start-page code): a select for a fixed choice, boxes to
 * tick for a list of fixed choices, a switch for two states, a slider (or a number box, for huge
 * ranges) with its bounds, a colour picker, and a text field for everything else.
 */
export type Control =
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'choices'; options: readonly string[] }
  | { kind: 'switch'; on: string; off: string }
  | { kind: 'slider' | 'number'; min: number; max: number; step: number }
  | { kind: 'colour' }
  | { kind: 'text' };

const CONTROLS = new WeakMap<object, Control>();

function withControl<S extends object>(schema: S, control: Control): S {
  CONTROLS.set(schema, control);
  return schema;
}

/** The control of a schema: its own, or that of what it wraps (optional, default, pipe input). */
export function controlOf(schema: z.ZodMiniType<unknown>): Control {
  let node: unknown = schema;
  for (let depth = 0; depth < 10 && typeof node === 'object' && node !== null; depth++) {
    const found = CONTROLS.get(node);
    if (found) return found;
    const def = (node as { _zod?: { def?: { innerType?: unknown; in?: unknown } } })._zod?.def;
    node = def?.innerType ?? def?.in;
  }
  return { kind: 'text' };
}

/** A slider's step: whole numbers step by 1, others by a round tenth-of-a-percent of the range. */
function stepOf(min: number, max: number, integer: boolean): number {
  if (integer) return 1;
  return 10 ** Math.floor(Math.log10((max - min) / 200));
}

function numberControl(min: number, max: number, integer: boolean): Control {
  const step = stepOf(min, max, integer);
  // A slider over a billion points moves in steps nobody can aim at: a number box there.
  return { kind: max - min <= 1000 ? 'slider' : 'number', min, max, step };
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
  const schema = z.pipe(z.pipe(trimmed(z.regex(DECIMAL)), z.transform(Number)), range);
  return withControl(schema, numberControl(min, max, integer));
}

/** A factor on the value scale: 3 decimals at most, so board totals stay exact (value.ts). */
export function factor(min: number, max: number) {
  const schema = numberIn(min, max).check(
    z.refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6),
  );
  return withControl(schema, numberControl(min, max, false));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return withControl(z.pipe(trimmed(z.toLowerCase()), z.enum(values)), {
    kind: 'select',
    options: values,
  });
}

export function onOff() {
  const schema = z.pipe(
    oneOf(['on', 'off']),
    z.transform((value) => value === 'on'),
  );
  return withControl(schema, { kind: 'switch', on: 'on', off: 'off' });
}

export function showHide() {
  const schema = z.pipe(
    oneOf(['show', 'hide']),
    z.transform((value) => value === 'show'),
  );
  return withControl(schema, { kind: 'switch', on: 'show', off: 'hide' });
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
  const schema = z.pipe(z.pipe(z.pipe(z.string(), split), items), unique<T[number]>());
  return withControl(schema, { kind: 'choices', options: values });
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
  const schema = z.pipe(
    trimmed(z.regex(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i)),
    z.transform((raw) => '#' + raw.replace('#', '').toLowerCase()),
  );
  return withControl(schema, { kind: 'colour' });
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
