import { describe, expect, it } from 'vitest';
import { byteRange, type ByteRange } from '../../../src/hub/media/byteRange';

/** The one `Range` a media file is cut by (Chromium's <video> asks `bytes=0-`, then pieces). */

const part = (start: number, end: number): ByteRange => ({ kind: 'part', start, end });
const whole: ByteRange = { kind: 'whole' };
const unsatisfiable: ByteRange = { kind: 'unsatisfiable' };

describe('byteRange of a 1000-byte file', () => {
  const cases: Array<[string | undefined, ByteRange]> = [
    [undefined, whole],
    ['bytes=0-', part(0, 999)],
    ['bytes=0-99', part(0, 99)],
    ['bytes=500-999', part(500, 999)],
    ['bytes=500-5000', part(500, 999)],
    ['bytes=999-999', part(999, 999)],
    ['bytes=-100', part(900, 999)],
    ['bytes=-5000', part(0, 999)],
    [' bytes=10-20 ', part(10, 20)],
    ['bytes=1000-', unsatisfiable],
    ['bytes=1000-2000', unsatisfiable],
    ['bytes=-0', unsatisfiable],
    ['bytes=20-10', whole],
    ['bytes=-', whole],
    ['bytes=0-1,5-9', whole],
    ['items=0-1', whole],
    ['bytes=a-b', whole],
    ['bytes=99999999999999999999-', whole],
    ['', whole],
  ];
  it.each(cases)('reads %j', (header, range) => {
    expect(byteRange(header, 1000)).toEqual(range);
  });

  it('finds nothing to cut in an empty file', () => {
    expect(byteRange('bytes=0-', 0)).toEqual(unsatisfiable);
    expect(byteRange('bytes=-1', 0)).toEqual(unsatisfiable);
  });
});
