import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateToken, tokenPath } from '../../../src/hub/tokenFile';

describe('the token file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'giftglow-token-'));

  it('is made once, readable by its owner only, and the same token is read back', () => {
    const path = join(dir(), '.giftglow-token');
    const first = loadOrCreateToken(path);
    expect(first.kept).toBe(true);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateToken(path).token).toBe(first.token);
  });

  it('replaces a file that holds no valid token', () => {
    const path = join(dir(), '.giftglow-token');
    writeFileSync(path, 'short\n');
    expect(loadOrCreateToken(path).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('lives in the project, or where GIFTGLOW_TOKEN_FILE says', () => {
    expect(tokenPath('/repo', {})).toBe('/repo/.giftglow-token');
    expect(tokenPath('/repo', { GIFTGLOW_TOKEN_FILE: '/tmp/t' })).toBe('/tmp/t');
  });
});
