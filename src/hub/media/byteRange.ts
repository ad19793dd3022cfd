/**
 * A `Range: bytes=...` header read against a file of `size` bytes (RFC 9110 §14): Chromium's
 * <video> asks for `bytes=0-` and then for pieces. Only one range is served; several ranges,
 * another unit or a malformed header are ignored (the whole file is sent, as the RFC allows).
 */
export type ByteRange =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = SINGLE.exec(header?.trim() ?? '');
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  const a = Number(first);
  const b = Number(last);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last `b` bytes.
    if (b === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - b), end: size - 1 };
  }
  if (last !== '' && b < a) return { kind: 'whole' };
  if (a >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start: a, end: last === '' ? size - 1 : Math.min(b, size - 1) };
}
