import { describe, expect, it } from 'vitest';
import { withSources } from '../../../../src/ui/start/sourceList';
import { StartModel } from '../../../../src/ui/start/startModel.svelte';

describe("the start page's first section", () => {
  it('puts a platform in place of the demo, platforms first, and the demo back when none is left', () => {
    expect(withSources(['hub', 'demo'], ['tiktok'], ['tikfinity'])).toBe('tiktok,hub');
    expect(withSources(['tiktok', 'hub'], ['twitch'], [])).toBe('tiktok,twitch,hub');
    expect(withSources(['tiktok', 'twitch', 'hub'], ['tikfinity'], ['tiktok'])).toBe(
      'tikfinity,twitch,hub',
    );
    expect(withSources(['tiktok', 'hub'], [], ['tiktok'])).toBe('hub,demo');
    expect(withSources(['ws', 'demo'], [], ['twitch'])).toBe('ws');
  });

  it('writes source=tiktok&tiktok=<name> for a TikTok username, and gives the start back when cleared', () => {
    const model = new StartModel('http://localhost:4173/');
    const start = model.url('alerts');
    model.setTikTok('@GiftGlow');
    expect(model.url('alerts')).toMatch(/\?source=tiktok,hub&tiktok=giftglow$/);
    model.setTwitch('SomeOne');
    expect(model.url('board')).toMatch(
      /\?source=tiktok,twitch,hub&tiktok=giftglow&channel=someone$/,
    );
    model.setTikTok(' ');
    model.setTwitch('');
    expect(model.url('alerts')).toBe(start);
  });

  it('sets the username aside while TikFinity is chosen, and brings it back', () => {
    const model = new StartModel('http://localhost:4173/');
    model.setTikTok('giftglow');
    model.useTikFinity(true);
    expect(model.url('alerts')).toMatch(/\?source=tikfinity,hub$/);
    model.useTikFinity(false);
    expect(model.url('alerts')).toMatch(/\?source=tiktok,hub&tiktok=giftglow$/);
  });
});
