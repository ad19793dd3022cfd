import { describe, expect, it } from 'vitest';
import { heartbeatEvery, heartbeatFrame } from '../../../src/wire/heartbeat';

describe('the heartbeat frame', () => {
  it('is built as the protocol says and read back', () => {
    expect(heartbeatFrame(15_000)).toBe('{"v":1,"type":"heartbeat","every":15000}');
    expect(heartbeatEvery(JSON.parse(heartbeatFrame(5000)))).toBe(5000);
  });

  it.each([
    { v: 1, type: 'heartbeat', every: 999 },
    { v: 1, type: 'heartbeat', every: 300_001 },
    { v: 1, type: 'heartbeat', every: 1500.5 },
    { v: 2, type: 'heartbeat', every: 5000 },
    { v: 1, type: 'gift', every: 5000 },
    'heartbeat',
    null,
  ])('is not read from %j', (json) => {
    expect(heartbeatEvery(json)).toBeNull();
  });
});
