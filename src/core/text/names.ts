/**
 * Display names are untrusted text from the feeds. `sanitizeName` makes one safe and bounded to show
 * as text (never markup): NFC, no control/bidi/zero-width/invisible characters (emoji ZWJ sequences
 * and flag tag sequences kept whole), combining-mark stacks capped ("zalgo"), truncated by grapheme.
 */

export interface NameOptions {
  /** Most graphemes shown, the ellipsis included. */
  maxGraphemes?: number;
  /** Hard cap in UTF-16 code units: one grapheme can be a 50-emoji ZWJ chain. */
  maxCodeUnits?: number;
  /** Shown when neither the name nor the login has anything visible. */
  fallback?: string;
}

export const ANONYMOUS = 'Anonymous';
export const NAME_MAX_GRAPHEMES = 24;
export const NAME_MAX_CODE_UNITS = 96;
const MAX_MARKS = 3;
const ELLIPSIS = '\u2026';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Subdivision flags (England) are a black flag + tag characters: the only place tags belong. */
const TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const TAG_PLACEHOLDER = '\u{F0000}';
const PLACEHOLDERS = /\u{F0000}/gu;
/**
 * Removed: controls (Cc), format characters (Cf: bidi overrides/isolates, zero-width, BOM, tags,
 * the Arabic letter mark) except ZWJ, line/paragraph separators, the combining grapheme joiner,
 * and letters that render as nothing (Hangul fillers, braille blank) used to fake an empty name.
 */
const INVISIBLE = /[\p{Cc}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0\u2800]|(?!\u200D)\p{Cf}/gu;
/** A ZWJ is kept only between emoji (family, profession, flag sequences). */
const STRAY_ZWJ =
  /(?<![\p{Extended_Pictographic}\uFE0F\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
const LINE_BREAKS = /[\t\n\v\f\r\u0085]/g;
const MARK_RUN = /\p{M}{4,}/gu;
const SPACES = /\s+/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function clean(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return '';
  const tags: string[] = [];
  let text = raw.replace(LONE_SURROGATE, '').replace(PLACEHOLDERS, '');
  text = text.replace(TAG_SEQUENCE, (sequence) => {
    tags.push(sequence);
    return TAG_PLACEHOLDER;
  });
  text = text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').replace(STRAY_ZWJ, '');
  // Normalise after removing: a zero-width character between "e" and U+0301 must not survive as a split.
  text = text.normalize('NFC');
  text = text.replace(MARK_RUN, (run) => Array.from(run).slice(0, MAX_MARKS).join(''));
  text = text.replace(SPACES, ' ').trim();
  let tag = 0;
  return text.replace(PLACEHOLDERS, () => tags[tag++] ?? '');
}

/** Keeps whole graphemes only; appends an ellipsis when something was cut. */
export function truncateGraphemes(
  text: string,
  maxGraphemes: number,
  maxCodeUnits: number,
): string {
  // A grapheme is at least one code unit: a short text cannot be too long.
  if (text.length <= Math.min(maxGraphemes, maxCodeUnits)) return text;
  const kept: string[] = [];
  let units = 0;
  let cut = false;
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length >= maxGraphemes || units + segment.length > maxCodeUnits) {
      cut = true;
      break;
    }
    kept.push(segment);
    units += segment.length;
  }
  if (!cut) return text;
  // Make room for the ellipsis without splitting a grapheme.
  while (kept.length > 0 && (kept.length + 1 > maxGraphemes || units + 1 > maxCodeUnits)) {
    units -= kept.pop()?.length ?? 0;
  }
  return kept.join('').trimEnd() + ELLIPSIS;
}

/** Printable ASCII, no leading, trailing or doubled spaces: nothing to clean (most names). */
const PLAIN = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;

function bounded(raw: unknown, options: NameOptions): string {
  const text = typeof raw === 'string' && PLAIN.test(raw) ? raw : clean(raw);
  if (text === '') return '';
  const shown = truncateGraphemes(
    text,
    Math.max(2, options.maxGraphemes ?? NAME_MAX_GRAPHEMES),
    Math.max(8, options.maxCodeUnits ?? NAME_MAX_CODE_UNITS),
  );
  // One grapheme too long to show at all (a giant emoji chain) leaves only the ellipsis: that
  // names nobody, so the caller falls back to the login.
  return shown === ELLIPSIS ? '' : shown;
}

/**
 * The name to show for a sender: the display name, else the login (Twitch display names may be
 * empty; some are only invisible characters), else "Anonymous".
 */
export function sanitizeName(
  raw: unknown,
  fallbackLogin?: string,
  options: NameOptions = {},
): string {
  return (
    bounded(raw, options) || bounded(fallbackLogin, options) || (options.fallback ?? ANONYMOUS)
  );
}

/** The first grapheme of a (sanitised) name. */
export function firstGrapheme(text: string): string {
  for (const { segment } of segmenter.segment(text)) return segment;
  return '';
}
