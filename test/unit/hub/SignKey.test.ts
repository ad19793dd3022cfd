import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignKey } from '../../../src/hub/tiktok/SignKey';

/** The sign key's file: written whole and private, wherever GIFTGLOW_SIGN_KEY_FILE points. */

const KEY = 'euler_c2lnbl9rZXlfdGVzdA';
const dir = () => mkdtempSync(join(tmpdir(), 'giftglow-signkey-'));

describe('the sign key file', () => {
  it('is made with its folder when that is missing (a path under test-results/)', () => {
    const root = dir();
    const key = new SignKey(join(root, 'not/yet/there/key'), undefined);
    expect(key.source).toBe('none');
    expect(key.save(KEY)).toEqual({ ok: true, source: 'file' });
    expect(readFileSync(join(root, 'not/yet/there/key'), 'utf8')).toBe(`${KEY}\n`);
    expect(new SignKey(join(root, 'not/yet/there/key'), '').current()).toBe(KEY);
  });

  it('stays private even when a crash left a readable temp file behind', () => {
    const root = dir();
    const path = join(root, 'key');
    writeFileSync(`${path}.${process.pid}.tmp`, 'half a k', { mode: 0o644 });
    expect(new SignKey(path, undefined).save(KEY)).toEqual({ ok: true, source: 'file' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(root)).toEqual(['key']);
  });

  it('says which file it could not write, never the key', () => {
    const root = dir();
    writeFileSync(join(root, 'a-file'), '');
    const key = new SignKey(join(root, 'a-file/key'), undefined);
    const result = key.save(KEY);
    expect(result).toMatchObject({ ok: false, detail: expect.stringContaining('a-file/key') });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(key.source).toBe('none');
  });
});
