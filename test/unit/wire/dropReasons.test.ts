import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DROP_REASONS } from '../../../src/wire/dropReasons';

const doc = readFileSync(new URL('../../../docs/feed-protocol.md', import.meta.url), 'utf8');

/** The rows of the doc's reasons table: `code` -> meaning (Prettier pads the cells). */
function documented(): Record<string, string> {
  const section = doc.split('## Drop and refusal reasons')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
  return Object.fromEntries(
    rows
      .map(([, code, meaning]) => [/^`([a-z-]+)`$/.exec(code ?? '')?.[1], meaning])
      .filter((row): row is [string, string] => row[0] !== undefined),
  );
}

describe('the drop reasons', () => {
  it('are documented in docs/feed-protocol.md word for word, in the same order', () => {
    expect(documented()).toEqual(DROP_REASONS);
    expect(Object.keys(documented())).toEqual(Object.keys(DROP_REASONS));
  });

  it('are short kebab-case codes, each with a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(DROP_REASONS)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(meaning.length).toBeGreaterThan(10);
      expect(meaning).not.toMatch(/[\n|]/);
    }
  });
});
