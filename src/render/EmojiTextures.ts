// The canvas text system is an extension: register it (Text itself is never imported here).
import 'pixi.js/text';
import { TextStyle, type Renderer, type Texture } from 'pixi.js';

/** Emoji fonts first; the platform picks the one it has. */
const EMOJI_STYLE = new TextStyle({
  fontFamily: ['Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', 'sans-serif'],
  fontSize: 100,
  padding: 8,
});

/**
 * Built-in gift art: each emoji drawn once through Pixi's canvas text renderer (the engine behind
 * `Text`, which handles colour emoji) and shared by every effect that shows it. The set of emoji is
 * the fixed gift table, so the cache is bounded by design. After a WebGL context loss the text
 * canvases are gone: `rebuild()` drops them and the next use draws them again.
 */
export class EmojiTextures {
  private readonly textures = new Map<string, Texture>();

  constructor(private readonly renderer: Renderer) {}

  get(emoji: string): Texture {
    let texture = this.textures.get(emoji);
    if (!texture) {
      texture = this.renderer.canvasText.getTexture({ text: emoji, style: EMOJI_STYLE });
      this.textures.set(emoji, texture);
    }
    return texture;
  }

  get count(): number {
    return this.textures.size;
  }

  rebuild(): void {
    for (const texture of this.textures.values()) this.renderer.canvasText.returnTexture(texture);
    this.textures.clear();
  }

  destroy(): void {
    this.rebuild();
  }
}
