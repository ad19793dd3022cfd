import { describe, expect, it } from 'vitest';
import { tiktokUsername } from '../../../src/core/config/tiktokUsername';

describe('tiktokUsername', () => {
  it.each([
    ['giftglow', 'giftglow'],
    ['@GiftGlow', 'giftglow'],
    ['  @gift.glow_7  ', 'gift.glow_7'],
    ['https://www.tiktok.com/@some_one/live', 'some_one'],
    ['tiktok.com/@Some.One?lang=en', 'some.one'],
    ['ab', 'ab'],
    ['a'.repeat(24), 'a'.repeat(24)],
  ])('reads %j as %j', (input, username) => {
    expect(tiktokUsername(input)).toEqual({ ok: true, username });
  });

  it.each([
    ['', 'a TikTok username is needed'],
    ['@', 'a TikTok username is needed'],
    ['a', 'a TikTok username has 2 to 24 characters'],
    ['a'.repeat(25), 'a TikTok username has 2 to 24 characters'],
    ['two words', 'a TikTok username has only letters, digits, _ and .'],
    ['../../etc', 'a TikTok username has only letters, digits, _ and .'],
    ['name/live', 'a TikTok username has only letters, digits, _ and .'],
    ['<img src=x>', 'a TikTok username has only letters, digits, _ and .'],
    ['name?x=1', 'a TikTok username has only letters, digits, _ and .'],
    ['náme', 'a TikTok username has only letters, digits, _ and .'],
    ['name.', 'a TikTok username never ends with a period'],
  ])('refuses %j: %s', (input, why) => {
    expect(tiktokUsername(input)).toEqual({ ok: false, why });
  });
});
