import { afterEach, describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/core/config/config';
import { createFeeds } from '../../../src/feeds/createFeeds';
import { startFakeTwitch, type FakeTwitch } from '../../servers/fakeTwitch';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';

const servers: FakeTwitch[] = [];
const stops: Array<() => void> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const server of servers.splice(0)) await server.close();
});

function feedsFor(query: string) {
  return createFeeds(parseParams(query).config, { timers: new ManualTimers() });
}

describe('feeds from the URL config', () => {
  it('makes one feed per source, in the order given', () => {
    const names = feedsFor('source=tikfinity,twitch,ws,demo&channel=abc&ws=ws://127.0.0.1:9/').map(
      (f) => f.name,
    );
    expect(names).toEqual(['tikfinity', 'twitch', 'ws', 'demo']);
  });

  it('skips a source whose address is missing (the config already reported it)', () => {
    expect(feedsFor('source=twitch,ws').map((f) => f.name)).toEqual([]);
  });

  it('defaults to the demo feed', () => {
    expect(feedsFor('').map((f) => f.name)).toEqual(['demo']);
  });

  it('loads the Twitch feed on start and reads the configured channel through irc=', async () => {
    const server = await startFakeTwitch();
    servers.push(server);
    const [twitch] = feedsFor(`source=twitch&channel=SomeOne&irc=${server.url}`);
    const rec = recordingSink();
    stops.push(twitch!.start(rec.sink));
    expect(rec.statuses[0]?.status).toBe('connecting');
    expect(await server.joined()).toBe('#someone');
    await rec.until(() => rec.last() === 'live');
  });

  it('never starts a Twitch feed that was stopped while its code was loading', async () => {
    const server = await startFakeTwitch();
    servers.push(server);
    const [twitch] = feedsFor(`source=twitch&channel=abc&irc=${server.url}`);
    const stop = twitch!.start(recordingSink().sink);
    stop();
    await new Promise((wake) => setTimeout(wake, 300));
    expect(server.accepted()).toBe(0);
  });
});
