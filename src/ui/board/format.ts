/**
 * Board totals in a compact, locale-aware form ("12.3K", "1,2 k", "1.2万"): the exact integer stays in
 * the row's `data-value` for tests and custom CSS.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function formatPoints(points: number, locale?: string): string {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format.format(points);
}
