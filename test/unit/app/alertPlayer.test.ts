import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/core/alerts/AlertQueue';
import type { Tier } from '../../../src/core/alerts/tiers';
import type { RuleThen } from '../../../src/core/rules/ruleFormat';
import { AlertPlayer, type PlayerParts } from '../../../src/app/alertPlayer';

function alertWith(look: RuleThen, tier: Tier = 4): Alert {
  return {
    key: 'k1',
    kind: 'full',
    tier,
    moments: [],
    summary: null,
    look,
    startedAt: 0,
    endsAt: 5000,
  };
}

function setup(base: string | null = 'http://localhost:5173/media/') {
  const calls: string[] = [];
  const parts = {
    stage: {
      play: (spec: { tier: Tier }) => calls.push(`effect ${spec.tier}`),
      bump: (spec: { tier: Tier }) => calls.push(`bump ${spec.tier}`),
    },
    chimes: { play: (tier: Tier) => calls.push(`chime ${tier}`) },
    sounds: {
      play: (url: string, file: string, tier: Tier, volume: number) =>
        calls.push(`sound ${url} ${file} ${tier} ${volume}`),
    },
    media: {
      show: (key: string, url: string, file: string) => calls.push(`media ${key} ${url} ${file}`),
      leave: (key: string) => calls.push(`leave ${key}`),
      remove: (key: string) => calls.push(`remove ${key}`),
    },
    effectOf: (_: Alert, tier: Tier) => ({ tier }),
  } as unknown as PlayerParts;
  const player = new AlertPlayer(parts);
  if (base) player.setMediaBase(base);
  return { player, calls };
}

describe('what an alert plays besides its callout', () => {
  it('plays the tier effect and chime when no rule matched', () => {
    const { player, calls } = setup();
    player.perform('play', alertWith({}, 3));
    expect(calls).toEqual(['effect 3', 'chime 3']);
  });

  it("shows a rule's clip instead of the effect and plays its sound instead of the chime", () => {
    const { player, calls } = setup();
    player.perform(
      'play',
      alertWith({ media: 'my lion.webm', effect: 'none', sound: { file: 'roar.wav', volume: 80 } }),
    );
    expect(calls).toEqual([
      'media k1 http://localhost:5173/media/my%20lion.webm my lion.webm',
      'sound http://localhost:5173/media/roar.wav roar.wav 4 0.8',
    ]);
  });

  it("plays the rule's tier, or nothing for effect 'none', and bumps only an effect that plays", () => {
    const { player, calls } = setup();
    player.perform('play', alertWith({ effect: 1 }));
    player.perform('bump', alertWith({ effect: 1 }));
    player.perform('bump', alertWith({ effect: 'none' }));
    expect(calls).toEqual(['effect 1', 'chime 4', 'bump 1']);
  });

  it("falls back to the alert's own effect when the media it showed alone fails", () => {
    const { player, calls } = setup();
    player.perform('play', alertWith({ media: 'a.png', effect: 'none' }, 2));
    player.mediaFailed('k1');
    expect(calls.at(-1)).toBe('effect 2');
    const withTier = setup();
    withTier.player.perform('play', alertWith({ media: 'a.png', effect: 1 }, 3));
    withTier.player.mediaFailed('k1');
    expect(withTier.calls.filter((c) => c.startsWith('effect'))).toEqual(['effect 1']);
  });

  it('lets the media fade with its callout and go with it; a removed alert falls back no more', () => {
    const { player, calls } = setup();
    const alert = alertWith({ media: 'a.png', effect: 'none' });
    player.perform('play', alert);
    player.leave(alert);
    player.remove(alert);
    player.mediaFailed('k1');
    expect(calls.slice(1)).toEqual(['chime 4', 'leave k1', 'remove k1']);
  });

  it("gives a compact thank-you its rule's media and sound, once, and never an effect", () => {
    const { player, calls } = setup();
    const follow = {
      ...alertWith({ media: 'wave.gif', effect: 'none', sound: { file: 'hi.wav' } }, 1),
      kind: 'compact' as const,
    };
    player.perform('none', follow);
    player.perform('none', follow);
    player.perform('none', alertWith({}, 1));
    expect(calls).toEqual([
      'media k1 http://localhost:5173/media/wave.gif wave.gif',
      'sound http://localhost:5173/media/hi.wav hi.wav 1 1',
    ]);
  });
});
