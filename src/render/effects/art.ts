import { Container, Graphics, Sprite, type Texture } from 'pixi.js';
import type { EmojiTextures } from '../EmojiTextures';
import type { GiftArt } from '../giftArt';

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

function fitted(texture: Texture): Sprite {
  const sprite = new Sprite(texture);
  sprite.anchor.set(0.5);
  sprite.scale.set(100 / Math.max(1, texture.width, texture.height));
  return sprite;
}

/** The gift's art, about 100 units tall, centred on (0, 0). Textures are shared, never owned here. */
export function createArt(
  art: GiftArt,
  colours: readonly number[],
  emoji: EmojiTextures,
): Container {
  const holder = new Container();
  if (art.kind === 'emoji') holder.addChild(fitted(emoji.get(art.emoji)));
  else if (art.kind === 'box')
    holder.addChild(giftBox(colours[0] ?? 0xffc857, colours[1] ?? 0xffffff));
  return holder;
}

/** Swap in a loaded picture, scaled to the same 100-unit box. */
export function showPicture(holder: Container, texture: Texture): void {
  for (const child of holder.removeChildren()) child.destroy();
  holder.addChild(fitted(texture));
}
