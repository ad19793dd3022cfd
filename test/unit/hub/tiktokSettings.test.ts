import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EULER_SIGN_URL, tiktokSettings } from '../../../src/hub/tiktok/tiktokSettings';

/** How the hub reaches TikTok: the environment and the git-ignored key file; one file imports it. */

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = () => mkdtempSync(join(tmpdir(), 'giftglow-sign-'));

describe('the TikTok settings', () => {
  it("default to Euler Stream's sign server, no key, rooms looked up on tiktok.com first", () => {
    const root = dir();
    const settings = tiktokSettings(root, {});
    expect(settings).toMatchObject({ signUrl: EULER_SIGN_URL, lookup: 'tiktok' });
    expect(settings.signKey.current()).toBeNull();
    expect(settings.signKey.source).toBe('none');
    expect(settings.signKey.path).toBe(join(root, '.giftglow-sign-key'));
  });

  it('take SIGN_API_URL, SIGN_API_KEY and GIFTGLOW_TIKTOK_LOOKUP=sign-server from the environment', () => {
    const root = dir();
    writeFileSync(join(root, '.giftglow-sign-key'), 'from_the_file_123\n');
    const env = {
      SIGN_API_URL: 'http://127.0.0.1:9/',
      SIGN_API_KEY: ' from_the_env_456 ',
      GIFTGLOW_TIKTOK_LOOKUP: 'sign-server',
    };
    const settings = tiktokSettings(root, env);
    expect(settings).toMatchObject({ signUrl: 'http://127.0.0.1:9/', lookup: 'sign-server' });
    expect(settings.signKey.current()).toBe('from_the_env_456');
    expect(settings.signKey.source).toBe('env');
  });

  it('read the key from .giftglow-sign-key when the environment has none; ignore one that is not a key', () => {
    const root = dir();
    const path = join(root, '.giftglow-sign-key');
    writeFileSync(path, 'from_the_file_123\n');
    const settings = tiktokSettings(root, {
      GIFTGLOW_TIKTOK_LOOKUP: 'tiktok.com',
      SIGN_API_KEY: ' ',
    });
    expect(settings.lookup).toBe('tiktok');
    expect(settings.signKey.current()).toBe('from_the_file_123');
    expect(settings.signKey.source).toBe('file');
    writeFileSync(path, 'two words\n');
    expect(tiktokSettings(root, {}).signKey.current()).toBeNull();
    writeFileSync(path, 'x'.repeat(257));
    expect(tiktokSettings(root, {}).signKey.source).toBe('none');
  });

  it('keep the key where GIFTGLOW_SIGN_KEY_FILE says (the e2e server keeps it out of the project)', () => {
    const root = dir();
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere/key'), 'kept_elsewhere_789\n');
    const key = tiktokSettings(root, { GIFTGLOW_SIGN_KEY_FILE: 'elsewhere/key' }).signKey;
    expect(key.path).toBe(join(root, 'elsewhere/key'));
    expect(key.current()).toBe('kept_elsewhere_789');
  });

  it('keep the key file out of git', () => {
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain(
      '.giftglow-sign-key',
    );
  });
});

describe('the TikTok library', () => {
  it('is imported by one file in src/ only, and only with import() (loaded on first use)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const importers = files(join(ROOT, 'src')).filter((path) =>
      /['"]tiktok-live-(connector|api-sdk)['"]/.test(readFileSync(path, 'utf8')),
    );
    expect(importers.map((path) => relative(ROOT, path))).toEqual([
      'src/hub/tiktok/tiktokLibrary.ts',
    ]);
    const text = readFileSync(join(ROOT, 'src/hub/tiktok/tiktokLibrary.ts'), 'utf8');
    const statics = text.match(/^import (?!type)[^;]*['"]tiktok-live-[^'"]+['"]/gm) ?? [];
    expect(statics).toEqual([]);
  });
});
