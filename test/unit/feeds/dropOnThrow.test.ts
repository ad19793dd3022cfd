import { describe, expect, it } from 'vitest';
import { dropOnThrow } from '../../../src/feeds/dropOnThrow';
import { recordingSink } from './recordingSink';

describe('a frame handler that throws', () => {
  it('costs that frame as a counted handler-error drop, and nothing else', () => {
    const rec = recordingSink();
    dropOnThrow(rec.sink, () => {
      throw new Error('boom');
    });
    expect(rec.drops).toEqual([{ reason: 'handler-error', detail: 'Error: boom' }]);
    expect(rec.statuses).toEqual([]);
  });

  it('runs a handler that does not throw, dropping nothing', () => {
    const rec = recordingSink();
    let ran = false;
    dropOnThrow(rec.sink, () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(rec.drops).toEqual([]);
  });
});
