import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/core/config/config';
import { paramRow } from '../helpers/paramsTable';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const architecture = readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
const root = new URL('../../', import.meta.url);

/**
 * Every `src/…` file a document names, with the function names that follow it on the same line in
 * backticks (the README's "one gift from the socket to the screen" reads `path` `function`).
 */
function namedFiles(doc: string): { path: string; names: string[] }[] {
  return doc.split('\n').flatMap((line) =>
    [...line.matchAll(/`(src\/[\w./-]+\.(?:ts|svelte))`((?:\s+`\w+`)*)/g)].map((m) => ({
      path: m[1] ?? '',
      names: [...(m[2] ?? '').matchAll(/`(\w+)`/g)].map((n) => n[1] ?? ''),
    })),
  );
}

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

  it.each([
    ['README.md', readme],
    ['docs/ARCHITECTURE.md', architecture],
  ])('%s names only files that exist, and functions they define', (_name, doc) => {
    const named = namedFiles(doc);
    expect(named.length).toBeGreaterThan(0);
    const wrong = named.flatMap(({ path, names }) => {
      const url = new URL(path, root);
      if (!existsSync(url)) return [`${path} does not exist`];
      const text = readFileSync(url, 'utf8');
      return names
        .filter((n) => !new RegExp(`\\b${n}\\b`).test(text))
        .map((n) => `${path} has no ${n}`);
    });
    expect(wrong).toEqual([]);
  });

  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
