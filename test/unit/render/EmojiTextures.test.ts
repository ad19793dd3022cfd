// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { EmojiTextures } from '../../../src/render/EmojiTextures';

const destroyed = (t: { destroyed: boolean }) => t.destroyed;

describe('EmojiTextures', () => {
  it('draws each emoji once and shares it', () => {
    const cache = new EmojiTextures(4);
    const a = cache.get('🌹');
    const b = cache.get('🌹');
    expect(b).toBe(a);
    expect(cache.count).toBe(1);
    cache.destroy();
  });

  it('keeps at most `capacity` textures, destroying the least recently used', () => {
    const cache = new EmojiTextures(3);
    const rose = cache.get('🌹');
    cache.release(rose);
    const lion = cache.get('🦁');
    cache.release(lion);
    cache.release(cache.get('🌹')); // the rose is now the most recent
    for (const emoji of ['🎁', '💎']) cache.release(cache.get(emoji));
    expect(cache.count).toBe(3);
    expect(destroyed(lion)).toBe(true);
    expect(destroyed(rose)).toBe(false);
    expect(cache.get('🌹')).toBe(rose);
    cache.destroy();
  });

  it('stays flat over a long stream of ever new emoji', () => {
    const cache = new EmojiTextures(8);
    for (let i = 0; i < 500; i++) cache.release(cache.get(String.fromCodePoint(0x1f300 + i)));
    expect(cache.count).toBe(8);
    cache.destroy();
  });

  it('never destroys a texture an effect still shows; it goes when the effect releases it', () => {
    const cache = new EmojiTextures(1);
    const shown = cache.get('🦁');
    cache.release(cache.get('🌹')); // evicts the lion from the cache while it is on screen
    expect(cache.count).toBe(1);
    expect(destroyed(shown)).toBe(false);
    cache.release(shown);
    expect(destroyed(shown)).toBe(true);
    cache.destroy();
  });

  it('caches the present per colour pair, beside the emoji', () => {
    const cache = new EmojiTextures(4);
    const gold = cache.present(0xffc24b, 0xffffff);
    expect(cache.present(0xffc24b, 0xffffff)).toBe(gold);
    expect(cache.present(0xff2bd6, 0x20e3ff)).not.toBe(gold);
    expect(cache.count).toBe(2);
    cache.destroy();
  });
});
