import { describe, expect, it } from 'vitest';
import { anchorFor, unitOf } from '../../../../src/render/layout';
import { colourNumber, FONT_STACKS, paletteOf, themeVars } from '../../../../src/ui/themes/themes';

describe('themes', () => {
  it('puts a valid accent first in the effect colours', () => {
    expect(paletteOf('neon', '#00ff00')[0]).toBe(0x00ff00);
    expect(paletteOf('neon', undefined)[0]).toBe(0xff2bd6);
  });

  it('falls back to the glow theme for an unknown name', () => {
    expect(paletteOf('nope', undefined)).toEqual(paletteOf('glow', undefined));
  });

  it('never lets CSS through the accent or font', () => {
    // The schema only lets known font names through; a bad one still reaches no CSS here.
    const font = 'x}body{' as Parameters<typeof themeVars>[0]['font'];
    const vars = themeVars({ accent: 'red; background: url(x)', font, scale: 1 });
    expect(vars['--gg-accent']).toBeUndefined();
    expect(vars['--gg-font']).toBe(FONT_STACKS.system);
  });

  it('names no emoji font in a stack (Chromium would draw spaces and digits with it)', () => {
    for (const stack of Object.values(FONT_STACKS)) expect(stack).not.toMatch(/emoji/i);
  });

  it('clamps the scale', () => {
    expect(themeVars({ accent: undefined, font: 'mono', scale: 99 })['--gg-scale']).toBe('3');
  });

  it('reads short and long hex colours', () => {
    expect(colourNumber('#fa0')).toBe(0xffaa00);
    expect(colourNumber('#12abEF')).toBe(0x12abef);
    expect(colourNumber('orange')).toBeNull();
  });
});

describe('layout', () => {
  it('places small effects near the callouts and big ones in the middle', () => {
    expect(anchorFor('top-left', 1, 0.5)).toEqual({ x: 0.24, y: 0.42 });
    expect(anchorFor('bottom-right', 2, 0.5).x).toBeGreaterThan(0.5);
    expect(anchorFor('top-left', 4, 0.5)).toEqual({ x: 0.5, y: 0.45 });
  });

  it('sizes the layout unit by the short side, so vertical 1080x1920 matches 1920x1080', () => {
    expect(unitOf(1080, 1920)).toBe(unitOf(1920, 1080));
  });
});
