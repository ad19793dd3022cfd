// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Container } from 'pixi.js';
import { EffectSupplies } from '../../../src/render/EffectSupplies';
import type { EffectSpec } from '../../../src/render/effects/GiftEffect';
import { PlayingEffects } from '../../../src/render/effects/PlayingEffects';

const spec = (key: string, tier: EffectSpec['tier'] = 1): EffectSpec => ({
  key,
  tier,
  art: { kind: 'emoji', emoji: '🦁' },
  fallback: { kind: 'emoji', emoji: '🦁' },
  position: 'bottom',
  palette: [0xffc24b, 0xff8a3d],
});

function setUp(light = false) {
  const scene = new Container();
  const supplies = new EffectSupplies();
  const effects = new PlayingEffects(scene, supplies, {
    random: () => 0.5,
    screen: () => ({ width: 1920, height: 1080 }),
    light,
  });
  return { scene, supplies, effects };
}

/** Runs the effects until they have all ended (or 60 s). */
function playOut(effects: PlayingEffects): void {
  for (let t = 0; effects.size > 0 && t < 60; t += 1 / 30) effects.update(1 / 30);
}

describe('PlayingEffects', () => {
  it('plays one effect per alert key: a new spec for a key replaces what played', () => {
    const { scene, effects } = setUp();
    effects.play(spec('a'));
    effects.play(spec('a', 2));
    effects.play(spec('b'));
    expect(effects.size).toBe(2);
    expect(scene.children).toHaveLength(2);
    expect(effects.screenRects()).toHaveLength(2);
  });

  it('keeps a battle calm: five at once, the oldest fade out for the new, never more than seven', () => {
    const { effects } = setUp();
    for (let i = 0; i < 20; i++) effects.play(spec(`k${i}`));
    expect(effects.size).toBe(7);
    effects.update(0.4); // the ones making way have faded out
    expect(effects.size).toBe(5);
  });

  it('on a slow GPU keeps one effect at once', () => {
    const { effects } = setUp(true);
    for (let i = 0; i < 20; i++) effects.play(spec(`k${i}`));
    expect(effects.size).toBe(3);
    effects.update(0.4);
    expect(effects.size).toBe(1);
  });

  it('destroys effects as they end and hands their sprites back', () => {
    const { scene, supplies, effects } = setUp();
    effects.play(spec('a', 4));
    effects.play(spec('b', 2));
    expect(supplies.pool.inUse).toBeGreaterThan(0);
    playOut(effects);
    expect(effects.size).toBe(0);
    expect(scene.children).toHaveLength(0);
    expect(supplies.pool.inUse).toBe(0);
  });

  it('pulses an effect on a combo step, and replays one that had ended', () => {
    const { effects } = setUp();
    effects.play(spec('a'));
    effects.update(1.5);
    effects.bump(spec('a'));
    effects.update(0.5);
    expect(effects.size).toBe(1); // a tier-1 pop lasts 1.6 s, the bump kept it on
    playOut(effects);
    effects.bump(spec('a', 3));
    expect(effects.size).toBe(1);
  });

  it('ends everything at once when cleared', () => {
    const { supplies, effects } = setUp();
    for (const key of ['a', 'b', 'c']) effects.play(spec(key, 3));
    effects.clear();
    expect(effects.size).toBe(0);
    expect(supplies.pool.inUse).toBe(0);
  });
});
