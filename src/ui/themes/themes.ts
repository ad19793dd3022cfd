/**
 * The built-in themes as data: colours for the canvas effects and the CSS class that styles the
 * callouts (themes.css), one palette and one font stack for each name in core/params.ts.
 * `accent=` replaces the main colour of either; `font=` picks a font stack (Nunito for
 * `font=rounded` is bundled with the page; the others are system fonts: nothing is fetched). Emoji come from the system's own fallback: an
 * emoji font named in the stack makes Chromium draw spaces and digits with it (wide gaps).
 */
import { THEMES, type Font, type Theme } from '../../core/config/choices';

const PALETTES: Readonly<Record<Theme, readonly string[]>> = {
  glow: ['#ffc24b', '#ff8a3d', '#fff1c1', '#ff5e7a', '#ffe08a'],
  neon: ['#ff2bd6', '#20e3ff', '#b26bff', '#ffffff', '#39ff88'],
  candy: ['#ff7ac3', '#7ad7ff', '#ffe36e', '#9dffb0', '#c9a2ff'],
  minimal: ['#ffffff', '#d9dde3', '#9aa4b2', '#ffffff'],
};

export const FONT_STACKS: Readonly<Record<Font, string>> = {
  system: `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`,
  rounded: `"Nunito", ui-rounded, "SF Pro Rounded", "Varela Round", "Arial Rounded MT Bold", "Segoe UI", sans-serif`,
  serif: `"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "DejaVu Serif", serif`,
  mono: `ui-monospace, "Cascadia Code", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace`,
  display: `Bahnschrift, "DIN Alternate", "Franklin Gothic Medium", "Arial Narrow", sans-serif`,
};

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

function isTheme(name: string): name is Theme {
  return (THEMES as readonly string[]).includes(name);
}

/** '#abc' or '#aabbcc' -> 0xaabbcc (null for anything else). */
export function colourNumber(hex: string): number | null {
  if (!HEX.test(hex)) return null;
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return parseInt(digits, 16);
}

/** Effect colours: the theme's, with the accent (when valid) first. */
export function paletteOf(theme: string, accent: string | undefined): number[] {
  const base = PALETTES[isTheme(theme) ? theme : 'glow'];
  const colours = (accent && HEX.test(accent) ? [accent, ...base.slice(1)] : [...base]).map(
    colourNumber,
  );
  return colours.filter((c): c is number => c !== null);
}

/** What a page's theme is made of: its name, and the accent, font and scale it is tuned with. */
export interface ThemeConfig {
  theme: Theme;
  accent: string | undefined;
  font: Font;
  scale: number;
}

/** CSS custom properties for the page root: values re-checked here, never raw URL text in CSS. */
export function themeVars(options: Omit<ThemeConfig, 'theme'>): Record<string, string> {
  const vars: Record<string, string> = {};
  if (options.accent && HEX.test(options.accent)) vars['--gg-accent'] = options.accent;
  vars['--gg-font'] = FONT_STACKS[options.font] ?? FONT_STACKS.system;
  const scale = Number.isFinite(options.scale) ? Math.min(3, Math.max(0.5, options.scale)) : 1;
  vars['--gg-scale'] = String(scale);
  return vars;
}

/**
 * The one theme set-up: the theme's class (themes.css) and the custom properties, on the element
 * that roots a page (the alerts root, the board or goal page's <html>, the alerts page's inline goal).
 */
export function applyTheme(element: HTMLElement, config: ThemeConfig): void {
  element.classList.add(`gg-theme-${config.theme}`);
  for (const [name, value] of Object.entries(themeVars(config)))
    element.style.setProperty(name, value);
}
