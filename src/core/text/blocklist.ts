import { firstGrapheme } from './names';

/**
 * The streamer's blocklist: a name matches when, after normalising both sides, it contains a
 * blocked word. Normalising folds case, full/half width (NFKC), accents, separators and the common
 * look-alikes people use to dodge filters ("b4d_w0rd", "Ｂａｄ", "b.a.d").
 */

export type BlockAction = 'mask' | 'skip';

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const LOOK_ALIKE = /[013457@$]/g;
const MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(NOT_LETTER_OR_DIGIT, '');
}

export interface Blocklist {
  /** True when the name (display name or login) contains a blocked word. */
  matches(...names: readonly string[]): boolean;
}

export function compileBlocklist(words: readonly string[]): Blocklist {
  const normalized = Array.from(new Set(words.map(normalizeForMatch).filter((w) => w !== '')));
  return {
    matches(...names) {
      if (normalized.length === 0) return false;
      return names.some((name) => {
        const text = normalizeForMatch(name);
        return normalized.some((word) => text.includes(word));
      });
    },
  };
}

const MASK_DOTS = '\u2022\u2022\u2022';

/** "A•••" from a sanitised name; "Viewer" when even the first character is not a letter or digit. */
export function maskName(name: string): string {
  const first = firstGrapheme(name);
  return /^[\p{L}\p{N}]$/u.test(first) ? first.toUpperCase() + MASK_DOTS : 'Viewer';
}
