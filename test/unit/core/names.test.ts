import { describe, expect, it } from 'vitest';
import { sanitizeName } from '../../../src/core/text/names';
import { compileBlocklist, maskName, normalizeForMatch } from '../../../src/core/text/blocklist';

describe('sanitizeName', () => {
  it.each([
    ['a plain name', 'Zerody Tester', 'Zerody Tester'],
    ['CJK', '小明同学', '小明同学'],
    ['Arabic', 'محمد', 'محمد'],
    ['Thai with marks', 'สวัสดี', 'สวัสดี'],
    ['markup, kept as text', '<script>x</script>', '<script>x</script>'],
    ['a bidi override', '\u202Eevil\u202C', 'evil'],
    ['bidi isolates and the Arabic letter mark', '\u2066a\u2069\u061Cb', 'ab'],
    ['zero-width characters', 'Z\u200Be\u200Cr\u2060o\uFEFF', 'Zero'],
    ['control characters and newlines', 'a\u0000b\nc\u007F', 'ab c'],
    ['runs of spaces', '  spaced   out  ', 'spaced out'],
    ['decomposed accents (NFC)', 'Cafe\u0301', 'Café'],
    ['a lone surrogate', '\uD800abc', 'abc'],
    ['a family emoji (ZWJ kept)', '👨‍👩‍👧‍👦 fam', '👨‍👩‍👧‍👦 fam'],
    ['a flag of England (tags kept)', '🏴󠁧󠁢󠁥󠁮󠁧󠁿 eng', '🏴󠁧󠁢󠁥󠁮󠁧󠁿 eng'],
    ['a stray ZWJ between letters', 'a\u200Db', 'ab'],
    ['stray tag characters', 'a\u{E0041}b', 'ab'],
  ])('cleans %s', (_, raw, expected) => {
    expect(sanitizeName(raw, 'login')).toBe(expected);
  });

  it('caps stacked combining marks (zalgo) at 3 per character', () => {
    const zalgo = 'x' + '\u0334\u0335\u0336\u0337\u0338'.repeat(5) + 'y\u0334';
    expect(sanitizeName(zalgo)).toBe('x\u0334\u0335\u0336y\u0334');
  });

  it('truncates long names by grapheme with an ellipsis', () => {
    expect(sanitizeName('x'.repeat(100))).toBe('x'.repeat(23) + '…');
    expect(sanitizeName('abcdef', '', { maxGraphemes: 4 })).toBe('abc…');
  });

  it('never splits an emoji sequence when truncating', () => {
    const flags = '🇯🇵'.repeat(30);
    const shown = sanitizeName(flags);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.slice(0, -1)).toBe('🇯🇵'.repeat(23));
  });

  it('bounds a single huge grapheme (a 50-person ZWJ chain) by code units', () => {
    const chain = Array(50).fill('👩').join('\u200D');
    expect(sanitizeName(chain, 'login').length).toBeLessThanOrEqual(96);
  });

  it.each([
    ['empty', '', 'login8', 'login8'],
    ['only invisible characters', '\u200B\u200E\u3164\u2800', 'login8', 'login8'],
    ['empty with no login', '', '', 'Anonymous'],
    ['not a string', 42 as unknown as string, 'l', 'l'],
  ])('falls back to the login, then Anonymous, when the name is %s', (_, raw, login, expected) => {
    expect(sanitizeName(raw, login)).toBe(expected);
  });
});

describe('blocklist', () => {
  const list = compileBlocklist(['badword', 'Ｓｐａｍ']);

  it.each([
    ['exact', 'badword'],
    ['case', 'BadWord'],
    ['full width', 'ＢＡＤＷＯＲＤ'],
    ['separators', 'b.a-d w_o r d'],
    ['look-alikes', 'B4D_W0RD'],
    ['symbols as letters', '$p@m'],
    ['accents', 'bádwörd'],
    ['inside a longer name', 'xXbadwordXx'],
    ['full-width word in the list', 'spam bot'],
  ])('matches %s', (_, name) => {
    expect(list.matches(name)).toBe(true);
  });

  it.each([
    ['a nice name', 'Zerody Tester'],
    ['a near miss', 'bad world'],
    ['empty', ''],
  ])('does not match %s', (_, name) => {
    expect(list.matches(name)).toBe(false);
  });

  it('ignores words that normalise to nothing, so "," never blocks everyone', () => {
    expect(compileBlocklist(['', ' . ']).matches('anyone')).toBe(false);
  });

  it('normalises look-alikes 0 1 3 4 5 7 @ $', () => {
    expect(normalizeForMatch('01345 7@$')).toBe('oieastas');
  });

  it('masks a name as its first letter and dots, or "Viewer"', () => {
    expect(maskName('badword')).toBe('B•••');
    expect(maskName('🎉party')).toBe('Viewer');
  });
});
