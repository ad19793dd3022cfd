import { describe, expect, it } from 'vitest';
import { giftArt, isAllowedImage } from '../../../src/render/giftArt';
import { KNOWN_GIFTS } from '../../../src/core/event/knownGifts';

describe('isAllowedImage', () => {
  it.each([
    'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png',
    'https://p16-sign-va.tiktokcdn.com/x.webp',
    'https://p16-webcast.tiktokcdn-us.com/img/a.png',
    'https://sf16-website-login.neutral.ttwstatic.com/obj/a.png',
  ])('accepts a picture on a TikTok image host: %s', (url) => {
    expect(isAllowedImage(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://p19-webcast.tiktokcdn.com/a.png'],
    ['a look-alike host', 'https://tiktokcdn.com.evil.example/a.png'],
    ['a host that only ends alike', 'https://eviltiktokcdn.com/a.png'],
    ['credentials', 'https://user:pw@p19-webcast.tiktokcdn.com/a.png'],
    ['a port', 'https://p19-webcast.tiktokcdn.com:8443/a.png'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/png;base64,AAAA'],
    ['another site', 'https://example.com/a.png'],
    ['not a URL', 'not a url'],
    ['nothing', undefined],
    ['a huge URL', `https://p19-webcast.tiktokcdn.com/${'a'.repeat(5000)}`],
  ])('refuses %s', (_, url) => {
    expect(isAllowedImage(url)).toBe(false);
  });
});

describe('giftArt', () => {
  it('uses an allowed picture first', () => {
    const url = 'https://p19-webcast.tiktokcdn.com/img/rose.png';
    expect(giftArt({ kind: 'gift', giftId: '5655', image: url })).toEqual({ kind: 'image', url });
  });

  it('draws built-in art for well-known gifts by id when the picture is not allowed', () => {
    expect(giftArt({ kind: 'gift', giftId: '5655', image: 'https://evil.example/x.png' })).toEqual({
      kind: 'emoji',
      emoji: '🌹',
    });
    expect(giftArt({ kind: 'gift', giftId: '6369' })).toEqual({ kind: 'emoji', emoji: '🦁' });
    expect(giftArt({ kind: 'gift', giftId: '9072' })).toEqual({ kind: 'emoji', emoji: '🌌' });
  });

  it('falls back to the generic present for an unknown gift', () => {
    expect(giftArt({ kind: 'gift', giftId: '123456' })).toEqual({ kind: 'present' });
  });

  it('marks Twitch events by kind', () => {
    expect(giftArt({ kind: 'cheer' })).toEqual({ kind: 'emoji', emoji: '💎' });
    expect(giftArt({ kind: 'giftsub' })).toEqual({ kind: 'emoji', emoji: '🎁' });
  });

  it('knows every gift of the reference table by id', () => {
    expect(KNOWN_GIFTS.size).toBe(35);
    expect(KNOWN_GIFTS.get('6369')?.coins).toBe(29999);
  });
});
