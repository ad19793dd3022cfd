import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/core/config/config';
import { paramRow } from '../helpers/paramsTable';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** A table row with its cells trimmed: Prettier pads Markdown tables to align their columns. */
const cells = (row: string) =>
  row
    .split('|')
    .map((cell) => cell.trim())
    .join('|');
const readmeRows = new Set(readme.split('\n').map(cells));

describe('the README', () => {
  it('documents every URL parameter exactly as the schema defines it', () => {
    const missing = PARAMS.map(paramRow).filter((row) => !readmeRows.has(cells(row)));
    expect(missing, 'regenerate with: npx tsx test/helpers/paramsTable.ts').toEqual([]);
  });

  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
