import { describe, expect, it } from 'vitest';
import { worstStatus } from '../../../src/feeds/worstStatus';

describe('the combined feed status', () => {
  it('is live only when every feed is live', () => {
    expect(worstStatus(['live', 'live'])).toBe('live');
    expect(worstStatus(['live', 'connecting'])).toBe('connecting');
  });

  it('puts offline above retrying above connecting', () => {
    expect(worstStatus(['connecting', 'retrying', 'live'])).toBe('retrying');
    expect(worstStatus(['retrying', 'offline', 'connecting'])).toBe('offline');
  });

  it('says offline when there is no feed at all', () => {
    expect(worstStatus([])).toBe('offline');
  });
});
