import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : /\.(ts|svelte)$/.test(name)
        ? [path]
        : [];
  });
}

function importsOf(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('feed boundaries', () => {
  it('imports tmi.js from exactly one file in src/', () => {
    const importers = filesUnder(join(root, 'src'))
      .filter((path) =>
        importsOf(path).some((spec) => spec === 'tmi.js' || spec.startsWith('tmi.js/')),
      )
      .map((path) => relative(root, path));
    expect(importers).toEqual(['src/feeds/twitch/twitchFeed.ts']);
  });

  it('loads twitchFeed only through a dynamic import()', () => {
    for (const path of filesUnder(join(root, 'src'))) {
      const source = readFileSync(path, 'utf8');
      expect(source, relative(root, path)).not.toMatch(/from\s+['"][./]*twitchFeed['"]/);
    }
  });

  it('keeps src/feeds free of node:, ws, pixi.js, svelte and the DOM pages', () => {
    for (const path of filesUnder(join(root, 'src/feeds'))) {
      for (const spec of importsOf(path)) {
        expect(spec, relative(root, path)).not.toMatch(
          /^(node:|ws$|pixi\.js|svelte|\.\.\/(render|ui|app)\/)/,
        );
      }
    }
  });
});
