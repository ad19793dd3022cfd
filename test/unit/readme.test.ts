import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/core/config';
import { paramRow } from '../helpers/paramsTable';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('documents every URL parameter exactly as the schema defines it', () => {
    const missing = PARAMS.map(paramRow).filter((row) => !readme.includes(row));
    expect(missing, 'regenerate with: npx tsx test/helpers/paramsTable.ts').toEqual([]);
  });

  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
