// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyTheme, FONT_STACKS } from '../../../../src/ui/themes/themes';

describe('applyTheme', () => {
  it("puts the theme's class and its checked custom properties on the element", () => {
    const element = document.createElement('div');
    element.className = 'gg-alerts';
    applyTheme(element, { theme: 'neon', accent: '#00ff00', font: 'mono', scale: 1.5 });
    expect(element.className).toBe('gg-alerts gg-theme-neon');
    expect(element.style.getPropertyValue('--gg-accent')).toBe('#00ff00');
    expect(element.style.getPropertyValue('--gg-font')).toBe(FONT_STACKS.mono);
    expect(element.style.getPropertyValue('--gg-scale')).toBe('1.5');
  });

  it('leaves an invalid accent out of the style', () => {
    const element = document.createElement('div');
    applyTheme(element, { theme: 'glow', accent: 'red; color: blue', font: 'system', scale: 1 });
    expect(element.style.getPropertyValue('--gg-accent')).toBe('');
    expect(element.getAttribute('style')).not.toContain('blue');
  });
});
