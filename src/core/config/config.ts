import { z } from 'zod/mini';
import { FIELDS } from './params';
import { GROUPS } from './groups';
import { controlOf, type Control, type ParamSpec } from './paramTypes';
import type { ValueScale } from '../event/value';

/**
 * The overlay's configuration from its URL. A bad value never blanks the overlay: it falls back to its
 * default and becomes a `ConfigIssue` that names the parameter and says what is allowed.
 */

export type ParamName = keyof typeof FIELDS;
export type Config = { [K in ParamName]: (typeof FIELDS)[K]['fallback'] };
export interface ConfigIssue {
  param: string;
  message: string;
}

export const PARAM_NAMES = Object.keys(FIELDS) as ParamName[];

/** The one schema: raw strings in, a complete Config out (missing parameters take their default). */
export const configSchema = z.object(
  Object.fromEntries(
    PARAM_NAMES.map((name) => {
      const field: ParamSpec<unknown> = FIELDS[name];
      return [
        name,
        field.fallback === undefined ? field.schema : z._default(field.schema, field.fallback),
      ];
    }),
  ),
) as unknown as z.ZodMiniType<Config, Partial<Record<ParamName, string>>>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

const MAX_SHOWN = 40;

function shown(raw: string): string {
  const flat = raw.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return flat.length > MAX_SHOWN ? flat.slice(0, MAX_SHOWN) + '\u2026' : flat;
}

function fallbackText(name: ParamName): string {
  const field: ParamSpec<unknown> = FIELDS[name];
  const text = field.format(field.fallback);
  return text === '' ? 'leaving it unset' : `using ${text}`;
}

function isParamName(name: string): name is ParamName {
  return Object.prototype.hasOwnProperty.call(FIELDS, name);
}

/** The closest parameter name within two edits: catches typos like `rtae`. */
function suggest(name: string): ParamName | undefined {
  const lower = name.toLowerCase();
  if (isParamName(lower)) return lower;
  let best: ParamName | undefined;
  let bestDistance = 3;
  for (const candidate of PARAM_NAMES) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** Reads the parameters in a query string ("?rate=30&top=5" or "rate=30&top=5"). Never throws. */
export function parseParams(search: string): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const raw: Partial<Record<ParamName, string>> = {};
  const seen = new Map<string, number>();
  for (const [name, value] of new URLSearchParams(search.replace(/^[?#]/, ''))) {
    seen.set(name, (seen.get(name) ?? 0) + 1);
    if (isParamName(name)) {
      raw[name] = value;
    } else if (seen.get(name) === 1) {
      const hint = suggest(name);
      const tail = hint ? `; did you mean '${hint}'?` : '';
      issues.push({ param: name, message: `unknown parameter '${shown(name)}' is ignored${tail}` });
    }
  }
  for (const [name, times] of seen) {
    if (times > 1 && isParamName(name)) {
      const last = shown(raw[name] ?? '');
      issues.push({
        param: name,
        message: `${name} is given ${times} times; using the last ('${last}')`,
      });
    }
  }
  let result = configSchema.safeParse(raw);
  if (!result.success) {
    const bad = new Set<ParamName>();
    for (const issue of result.error.issues) {
      const name = issue.path[0];
      if (typeof name === 'string' && isParamName(name)) bad.add(name);
    }
    for (const name of PARAM_NAMES.filter((n) => bad.has(n))) {
      const field: ParamSpec<unknown> = FIELDS[name];
      const why = field.why?.(raw[name] ?? '');
      const got = `'${shown(raw[name] ?? '')}'${why ? `: ${why}` : ''}`;
      const message = `${name} must be ${field.allowed} (got ${got}); ${fallbackText(name)}`;
      issues.push({ param: name, message });
      delete raw[name];
    }
    result = configSchema.safeParse(raw);
  }
  const config = result.success ? result.data : DEFAULT_CONFIG;
  return { config, issues: issues.concat(crossChecks(config)) };
}

/** Problems only visible across parameters: a feed chosen without the address it needs. */
function crossChecks(config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.source.includes('twitch') && !config.channel) {
    issues.push({
      param: 'channel',
      message: `channel is needed with source=twitch (${FIELDS.channel.allowed})`,
    });
  }
  if (config.source.includes('tiktok') && !config.tiktok) {
    issues.push({
      param: 'tiktok',
      message: `tiktok is needed with source=tiktok (${FIELDS.tiktok.allowed})`,
    });
  }
  if (config.source.includes('ws') && !config.ws) {
    issues.push({ param: 'ws', message: `ws is needed with source=ws (${FIELDS.ws.allowed})` });
  }
  return issues;
}

/** The query string ("rate=40&top=3") for a config: only parameters that differ from the default. */
export function toQuery(config: Partial<Config>): string {
  const query = new URLSearchParams();
  for (const name of PARAM_NAMES) {
    const field: ParamSpec<unknown> = FIELDS[name];
    const value = field.format(config[name] ?? field.fallback);
    if (value !== field.format(field.fallback) && value !== '') query.set(name, value);
  }
  // Commas are legal in a query value and keep lists readable for the streamer.
  return query.toString().replace(/%2C/gi, ',');
}

export interface ParamRow {
  name: ParamName;
  /** The default as written in a URL ('' = not set). */
  default: string;
  allowed: string;
  meaning: string;
  page: 'both' | 'alerts' | 'board' | 'goal' | 'credits';
  /** The allowed values when the parameter takes one of a fixed list (a comma list of them for source). */
  choices?: readonly string[];
  /** The start page's control for it, known from its schema. */
  control: Control;
  /** The start page's group (see GROUPS); a parameter not listed goes by its page. */
  group: string;
}

/** A parameter's group on the start page: listed in GROUPS, else by the page that reads it. */
export function groupOf(name: string, page: string): string {
  for (const [group, names] of Object.entries(GROUPS)) if (names.includes(name)) return group;
  if (page === 'goal') return 'Goal';
  if (page === 'credits') return 'Credits';
  return page === 'alerts' ? 'Alerts' : page === 'board' ? 'Board' : 'More';
}

/** The parameter table, as data: the README table and the start page are generated from it. */
export const PARAMS: readonly ParamRow[] = PARAM_NAMES.map((name) => {
  const field: ParamSpec<unknown> = FIELDS[name];
  const control = controlOf(field.schema);
  const row: ParamRow = {
    name,
    default: field.format(field.fallback),
    allowed: field.allowed,
    meaning: field.meaning,
    page: field.page,
    control,
    group: groupOf(name, field.page),
  };
  if (control.kind === 'select' || control.kind === 'choices') row.choices = control.options;
  else if (control.kind === 'switch') row.choices = [control.on, control.off];
  return row;
});

/** The value scale a config asks for (see value.ts). */
export function valueScaleOf(config: Config): ValueScale {
  return {
    coin: config.coin,
    bit: config.bit,
    tier1: config.tier1,
    tier2: config.tier2,
    tier3: config.tier3,
    tiktokSub: config.tiktoksub,
  };
}
