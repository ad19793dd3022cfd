import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROTOCOL_VERSION, type ProtocolEventInput } from '../../src/wire/protocol';

/** The token the e2e server (vite preview, in the repo root) made: where tokenFile.ts keeps it. */
export function hubToken(): string {
  const root = resolve(import.meta.dirname, '../..');
  return readFileSync(
    resolve(root, process.env.GIFTGLOW_TOKEN_FILE ?? '.giftglow-token'),
    'utf8',
  ).trim();
}

export const testLion = (id: string): ProtocolEventInput => ({
  v: PROTOCOL_VERSION,
  type: 'gift',
  id,
  test: true,
  platform: 'tiktok',
  user: { id: 'e2e-lion', login: 'leo', name: 'Leo Test' },
  gift: { id: '6369', name: 'Lion', coins: 29999 },
});
