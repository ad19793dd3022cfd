import { Container, Sprite, type Texture } from 'pixi.js';
import type { EmojiTextures } from '../EmojiTextures';
import type { GiftArt } from '../giftArt';

function fitted(texture: Texture): Sprite {
  const sprite = new Sprite(texture);
  sprite.anchor.set(0.5);
  sprite.scale.set(100 / Math.max(1, texture.width, texture.height));
  return sprite;
}

/**
 * The gift's built-in art (an emoji, else the wrapped present), about 100 units tall, centred on (0, 0).
 * The texture is borrowed from the shared cache: hand it back with `emoji.release` when done.
 */
export function createArt(
  art: GiftArt,
  colours: readonly number[],
  emoji: EmojiTextures,
): { holder: Container; texture: Texture } {
  const texture =
    art.kind === 'emoji'
      ? emoji.get(art.emoji)
      : emoji.present(colours[0] ?? 0xffc857, colours[1] ?? 0xffffff);
  const holder = new Container();
  holder.addChild(fitted(texture));
  return { holder, texture };
}

/** Swap in a loaded picture, scaled to the same 100-unit square. */
export function showPicture(holder: Container, texture: Texture): void {
  for (const child of holder.removeChildren()) child.destroy();
  holder.addChild(fitted(texture));
}
