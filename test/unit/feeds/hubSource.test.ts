import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/core/config/config';
import { createFeeds } from '../../../src/feeds/createFeeds';
import { hubUrlOf } from '../../../src/feeds/protocol/hubUrl';
import { mapProtocolFrame } from '../../../src/wire/protocol';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';
import { SCALE } from './scale';

describe('source=hub', () => {
  it.each([
    ['http://localhost:4173/overlays/alerts.html?source=hub', 'ws://localhost:4173/hub'],
    ['http://127.0.0.1:4292/overlays/board.html', 'ws://127.0.0.1:4292/hub'],
    ['https://example.test/giftglow/overlays/alerts.html', 'wss://example.test/hub'],
  ])('finds the hub of the page %s at %s', (page, hub) => {
    expect(hubUrlOf(page)).toBe(hub);
  });

  it('has no hub on a page opened from disk', () => {
    expect(hubUrlOf('file:///home/me/dist/overlays/alerts.html')).toBeUndefined();
    expect(hubUrlOf('not a url')).toBeUndefined();
  });

  it('makes a feed named hub on the derived URL, or on hub= when given', () => {
    const timers = new ManualTimers();
    const derived = createFeeds(parseParams('?source=hub').config, {
      timers,
      hubUrl: 'ws://localhost:4173/hub',
    });
    expect(derived.map((f) => f.name)).toEqual(['hub']);
    const both = createFeeds(parseParams('?source=demo,hub&hub=ws://127.0.0.1:9/hub').config, {
      timers,
    });
    expect(both.map((f) => f.name)).toEqual(['demo', 'hub']);
  });

  it('says so when there is no hub to reach', () => {
    const [feed] = createFeeds(parseParams('?source=hub').config, { timers: new ManualTimers() });
    const recorded = recordingSink();
    feed?.start(recorded.sink);
    expect(recorded.last()).toBe('offline');
  });
});

describe('the protocol test flag', () => {
  const lion = {
    v: 1,
    type: 'gift',
    id: 't1',
    user: { id: '1', name: 'Tester' },
    gift: { id: '6369', name: 'Lion', coins: 29999 },
  };

  it('marks an event sent with "test": true', () => {
    const [result] = mapProtocolFrame({ ...lion, test: true }, SCALE, 1);
    expect(result).toMatchObject({ kind: 'event', event: { test: true, value: 29999 } });
  });

  it('leaves real events unmarked and refuses a flag that is not a boolean', () => {
    const [real] = mapProtocolFrame(lion, SCALE, 1);
    expect(real?.kind === 'event' && 'test' in real.event).toBe(false);
    const [bad] = mapProtocolFrame({ ...lion, test: 'yes' }, SCALE, 1);
    expect(bad).toMatchObject({ kind: 'drop', reason: 'bad-shape' });
  });
});
