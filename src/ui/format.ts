/**
 * Every number the overlays print, in the viewer's locale. One formatter per style and locale is
 * made once and kept: building an Intl.NumberFormat costs far more than using one.
 */
const STYLES = {
  /** Board totals: "12.3K", "1,2 k", "1.2万" (the exact integer stays in the row's data-value). */
  compact: { notation: 'compact', maximumFractionDigits: 1 },
  /** Grouped and exact ("12,345"): a goal is read digit by digit, so never "12.3K". */
  exact: { maximumFractionDigits: 3 },
} satisfies Record<string, Intl.NumberFormatOptions>;

const formats = new Map<string, Intl.NumberFormat>();

function formatter(style: keyof typeof STYLES, locale: string | undefined): Intl.NumberFormat {
  const key = `${style}:${locale ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, STYLES[style]);
    formats.set(key, format);
  }
  return format;
}

/** A board total, compact. */
export function formatCompact(n: number, locale?: string): string {
  return formatter('compact', locale).format(n);
}

/** A goal's count or target, grouped and exact. */
export function formatExact(n: number, locale?: string): string {
  return formatter('exact', locale).format(n);
}

/** A callout's count or value: rounded to a whole number, grouped. */
export function formatWhole(n: number, locale?: string): string {
  return formatExact(Math.round(n), locale);
}
