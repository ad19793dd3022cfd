import { describe, expect, it } from 'vitest';
import { formatCompact, formatExact, formatWhole } from '../../../src/ui/format';

/** The formatters each page built for itself before they shared one module: the output is theirs. */
const board = (locale?: string) =>
  new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
const goal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const callout = new Intl.NumberFormat();

const SAMPLES = [0, 1, 12, 999, 1234, 12_345, 29_999, 1_234_567, 0.5, 2.25, 1234.5678, -3];

describe('number formats', () => {
  it('prints board totals compact, per locale', () => {
    for (const n of SAMPLES) {
      expect(formatCompact(n)).toBe(board().format(n));
      expect(formatCompact(n, 'de')).toBe(board('de').format(n));
      expect(formatCompact(n, 'ja')).toBe(board('ja').format(n));
    }
    expect(formatCompact(12_345, 'en')).toBe('12.3K');
  });

  it('prints goal counts grouped and exact, never compact', () => {
    for (const n of SAMPLES) expect(formatExact(n)).toBe(goal.format(n));
    expect(formatExact(12_345, 'en')).toBe('12,345');
  });

  it('prints callout counts and values rounded to whole numbers', () => {
    for (const n of SAMPLES) expect(formatWhole(n)).toBe(callout.format(Math.round(n)));
    expect(formatWhole(1234.5678, 'en')).toBe('1,235');
  });
});
