/**
 * JSON grammar walked over a compact text without building it, for the TikFinity fast path
 * (tiktokText.ts). Each function takes the index where a token starts and returns the index just
 * after it, or FAIL where the text is not JSON or not in the shape walked here. The text must
 * hold no backslash and no char below U+0020 (`UNSAFE_TEXT`): then the first `"` after an opening
 * quote closes the string, so strings are skipped with a native indexOf instead of a loop over
 * their chars (a charCodeAt costs ~3 ns here, measured). Whitespace between tokens, legal JSON
 * but never sent by JSON.stringify, is FAIL too: FAIL only means "take the general path".
 */

export const FAIL = -1;

/** Texts holding these take the general path: escapes and raw control chars need JSON.parse. */
export const UNSAFE_TEXT = /[\u0000-\u001f\\]/;

/** Deeper values are left to JSON.parse (recursion has a limit). */
const MAX_DEPTH = 32;

export const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** `i` at an opening quote. */
export function stringEnd(text: string, i: number): number {
  const close = text.indexOf('"', i + 1);
  return close < 0 ? FAIL : close + 1;
}

function digitsEnd(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i += 1;
  return i;
}

/** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; what follows is the caller's check. */
export function numberEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === MINUS) i += 1;
  const first = text.charCodeAt(i);
  if (first === ZERO) i += 1;
  else if (isDigit(first)) i = digitsEnd(text, i + 1);
  else return FAIL;
  if (text.charCodeAt(i) === DOT) {
    if (!isDigit(text.charCodeAt(i + 1))) return FAIL;
    i = digitsEnd(text, i + 2);
  }
  if ((text.charCodeAt(i) | 0x20) !== 0x65) return i; // e or E
  const sign = text.charCodeAt(i + 1);
  i += sign === 0x2b || sign === MINUS ? 2 : 1;
  return isDigit(text.charCodeAt(i)) ? digitsEnd(text, i + 1) : FAIL;
}

/** A string, number, true, false or null; FAIL for anything else (objects and arrays too). */
export function primitiveEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === MINUS || isDigit(c)) return numberEnd(text, i);
  if (text.startsWith('true', i) || text.startsWith('null', i)) return i + 4;
  return text.startsWith('false', i) ? i + 5 : FAIL;
}

/** Any value, nested ones included. */
export function valueEnd(text: string, i: number, depth: number): number {
  const c = text.charCodeAt(i);
  if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) return primitiveEnd(text, i);
  if (depth >= MAX_DEPTH) return FAIL;
  return c === OPEN_OBJECT ? objectEnd(text, i, depth + 1) : arrayEnd(text, i, depth + 1);
}

/** `i` at a key's opening quote: where its value starts (the key ends 2 chars before), or FAIL. */
export function memberValue(text: string, i: number): number {
  const close = text.indexOf('"', i + 1);
  return close > 0 && text.charCodeAt(close + 1) === COLON ? close + 2 : FAIL;
}

/**
 * After a member or an element ending at `end`: the index of the next one after a comma, or for
 * the closer `-(end + 2)`, i.e. `-(index past the closer) - 1` (negative, so loops stop; never FAIL).
 */
export function nextItem(text: string, end: number, close: number): number {
  const c = text.charCodeAt(end);
  if (c === COMMA) return end + 1;
  return c === close ? -end - 2 : FAIL;
}

/** What a loop over items left in `i`: the index past the closer, or FAIL. */
export const closedAt = (i: number) => (i === FAIL ? FAIL : -i - 1);

function objectEnd(text: string, i: number, depth: number): number {
  if (text.charCodeAt(i + 1) === CLOSE_OBJECT) return i + 2;
  i += 1;
  while (i >= 0) {
    const value = text.charCodeAt(i) === QUOTE ? memberValue(text, i) : FAIL;
    const end = value === FAIL ? FAIL : valueEnd(text, value, depth);
    i = end === FAIL ? FAIL : nextItem(text, end, CLOSE_OBJECT);
  }
  return closedAt(i);
}

function arrayEnd(text: string, i: number, depth: number): number {
  if (text.charCodeAt(i + 1) === CLOSE_ARRAY) return i + 2;
  i += 1;
  while (i >= 0) {
    const end = valueEnd(text, i, depth);
    i = end === FAIL ? FAIL : nextItem(text, end, CLOSE_ARRAY);
  }
  return closedAt(i);
}
