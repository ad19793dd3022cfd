import { Container, Graphics, Sprite, Text, type Texture } from 'pixi.js';
import type { GiftArt } from '../giftArt';

/** Emoji fonts first for the art; the platform picks the one it has. */
const EMOJI_FONTS = ['Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', 'sans-serif'];

/** A procedural gift box: the art for gifts nobody has a picture or emoji for. */
function giftBox(colour: number, ribbon: number): Graphics {
  return new Graphics()
    .roundRect(-46, -18, 92, 64, 8)
    .fill(colour)
    .roundRect(-52, -34, 104, 22, 6)
    .fill(colour)
    .rect(-8, -34, 16, 80)
    .fill(ribbon)
    .ellipse(-18, -42, 18, 11)
    .stroke({ width: 7, color: ribbon })
    .ellipse(18, -42, 18, 11)
    .stroke({ width: 7, color: ribbon });
}

/**
 * The gift's art, about 100 units tall, centred on (0, 0). Emoji are drawn with Pixi `Text` (canvas
 * text handles colour emoji); pictures are loaded textures shared through the ImageCache.
 */
export function createArt(art: GiftArt, colours: readonly number[]): Container {
  const holder = new Container();
  if (art.kind === 'emoji') {
    const text = new Text({ text: art.emoji, style: { fontFamily: EMOJI_FONTS, fontSize: 100 } });
    text.anchor.set(0.5);
    holder.addChild(text);
  } else if (art.kind === 'box') {
    holder.addChild(giftBox(colours[0] ?? 0xffc857, colours[1] ?? 0xffffff));
  }
  return holder;
}

/** Swap in a loaded picture, scaled to the same 100-unit box. */
export function showPicture(holder: Container, texture: Texture): void {
  for (const child of holder.removeChildren()) child.destroy();
  const sprite = new Sprite(texture);
  sprite.anchor.set(0.5);
  sprite.scale.set(100 / Math.max(1, texture.width, texture.height));
  holder.addChild(sprite);
}
