import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Boundaries kept by a test, not by memory (docs/ARCHITECTURE.md): src/core is pure (no pixi,
 * svelte, tmi.js, ws, node:*, DOM, clock or randomness); src/wire is as pure and imports only core,
 * so it runs in the browser and in Node alike; only one file imports tmi.js; nothing in src/ reads
 * ../shared.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const CORE = join(SRC, 'core');
const WIRE = join(SRC, 'wire');

const ALLOWED_PACKAGES = new Set(['zod', 'zod/mini']);
const DOM_GLOBALS = new Set([
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'history',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'HTMLElement',
  'HTMLCanvasElement',
  'Element',
  'Node',
  'customElements',
  'WebSocket',
  'fetch',
  'XMLHttpRequest',
  'Image',
  'Audio',
  'globalThis',
  'self',
  'performance',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'process',
  'Buffer',
  'require',
]);

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

/** The TypeScript of a file (a .svelte file's <script> blocks). */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  return Array.from(text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g), (m) => m[1] ?? '').join(
    '\n',
  );
}

/** Every module specifier a file imports: static, re-export, dynamic import() and require(). */
export function importsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(
    fileName,
    scriptOf(fileName, text),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const callee = node.expression;
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require')
      ) {
        found.push(node.arguments[0].text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const inside = (dir: string, path: string) => !relative(dir, path).startsWith('..');

/**
 * Why a file of a pure room breaks purity (empty when it does not): src/core may import only
 * src/core, src/wire only src/wire and src/core.
 */
export function coreViolations(fileName: string, text: string, rooms = [CORE]): string[] {
  const problems: string[] = [];
  const names = rooms.map((room) => `src/${relative(SRC, room)}`).join(' or ');
  for (const spec of importsOf(fileName, text)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(fileName), spec);
      if (!rooms.some((room) => inside(room, target)))
        problems.push(`imports ${spec} (outside ${names})`);
    } else if (!ALLOWED_PACKAGES.has(spec)) {
      problems.push(`imports ${spec}`);
    }
  }
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && !isPropertyName(node)) {
      problems.push(`uses ${node.text}`);
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const call = `${node.expression.text}.${node.name.text}`;
      if (call === 'Date.now' || call === 'Math.random')
        problems.push(`uses ${call}() (pass time and randomness in)`);
    }
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date' &&
      !node.arguments?.length
    ) {
      problems.push('uses new Date() (pass time in)');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** `x.window` or `{ window: 1 }` name a property, not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isMethodSignature(parent) && parent.name === node)
  );
}

const read = (path: string) => readFileSync(path, 'utf8');
const rel = (path: string) => relative(ROOT, path);

/**
 * Which layers each layer may import (docs/ARCHITECTURE.md): core nothing of ours above it; wire
 * (what crosses a socket or an HTTP request: protocol v1, frame limits, drop reasons, the hub's
 * answers) only core; feeds core and wire; render only core; ui core and wire (the start page talks
 * to the hub); the Node-only hub core and wire, never feeds; app, the composition roots, all but the
 * hub.
 */
const LAYERS = ['core', 'wire', 'feeds', 'render', 'ui', 'hub', 'app'] as const;
type Layer = (typeof LAYERS)[number];
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  wire: ['core', 'wire'],
  feeds: ['core', 'wire', 'feeds'],
  render: ['core', 'render'],
  ui: ['core', 'wire', 'ui'],
  hub: ['core', 'wire', 'hub'],
  app: ['core', 'wire', 'feeds', 'render', 'ui', 'app'],
};

function layerOf(path: string): Layer {
  const top = relative(SRC, path).split(/[\\/]/)[0] ?? '';
  if (!(LAYERS as readonly string[]).includes(top)) throw new Error(`${rel(path)}: no layer`);
  return top as Layer;
}

describe('architecture', () => {
  it('keeps src/core pure: no pixi, svelte, tmi.js, ws, node:*, DOM, clock or randomness, nothing outside core', () => {
    const files = filesUnder(CORE, ['.ts']);
    expect(files.length).toBeGreaterThan(5);
    const problems = files.flatMap((path) =>
      coreViolations(path, read(path)).map((p) => `${rel(path)} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('keeps src/wire runnable in the browser and in Node: zod and src/core only, no DOM, no node:*', () => {
    const files = filesUnder(WIRE, ['.ts']);
    expect(files.length).toBeGreaterThan(3);
    const problems = files.flatMap((path) =>
      coreViolations(path, read(path), [WIRE, CORE]).map((p) => `${rel(path)} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('keeps the hub off the browser feeds: src/hub imports nothing from src/feeds', () => {
    const FEEDS = join(SRC, 'feeds');
    const problems = filesUnder(join(SRC, 'hub'), ['.ts']).flatMap((path) =>
      importsOf(path, read(path))
        .filter((spec) => spec.startsWith('.') && inside(FEEDS, resolve(dirname(path), spec)))
        .map((spec) => `${rel(path)} imports ${spec}`),
    );
    expect(problems).toEqual([]);
  });

  it('lets exactly one file in src/ reach TikTok LIVE: the hub adapter, in Node only', () => {
    const importers = filesUnder(SRC, ['.ts', '.svelte']).filter((path) =>
      importsOf(path, read(path)).some((spec) => /^tiktok-live-(connector|api-sdk)\b/.test(spec)),
    );
    expect(importers.map(rel)).toEqual(['src/hub/tiktok/tiktokLibrary.ts']);
  });

  it('lets exactly one file in src/ import tmi.js: the Twitch feed', () => {
    const importers = filesUnder(SRC, ['.ts', '.svelte']).filter((path) =>
      importsOf(path, read(path)).includes('tmi.js'),
    );
    expect(importers.map(rel)).toEqual(['src/feeds/twitch/twitchFeed.ts']);
  });

  it('holds the layer matrix: each layer imports only the layers below it', () => {
    const problems = filesUnder(SRC, ['.ts', '.svelte']).flatMap((path) => {
      const from = layerOf(path);
      return importsOf(path, read(path))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => layerOf(resolve(dirname(path), spec)))
        .filter((to) => !MAY_IMPORT[from].includes(to))
        .map((to) => `${rel(path)} (${from}) imports ${to}`);
    });
    expect(problems).toEqual([]);
  });

  it('imports zod only as zod/mini: full zod would put ~40 KB gzip back into every page', () => {
    const importers = filesUnder(SRC, ['.ts', '.svelte']).filter((path) =>
      importsOf(path, read(path)).some((spec) =>
        /^zod(\/(v3|v4|classic|v4\/classic))?$/.test(spec),
      ),
    );
    expect(importers.map(rel)).toEqual([]);
  });

  it('keeps the Node-only hub (src/hub) out of every page: no browser code imports it', () => {
    const HUB = join(SRC, 'hub');
    const importers = filesUnder(SRC, ['.ts', '.svelte'])
      .filter((path) => relative(HUB, path).startsWith('..'))
      .filter((path) =>
        importsOf(path, read(path)).some(
          (spec) =>
            spec.startsWith('.') && !relative(HUB, resolve(dirname(path), spec)).startsWith('..'),
        ),
      );
    expect(importers.map(rel)).toEqual([]);
  });

  it('is the matrix docs/ARCHITECTURE.md draws: each room may import what its row says', () => {
    const doc = read(join(ROOT, 'docs/ARCHITECTURE.md'));
    const rows: Record<string, string[]> = Object.fromEntries(
      [...doc.matchAll(/^\| `src\/(\w+)`\s*\|[^|]*\|([^|]*)\|/gm)].map((m) => [
        m[1],
        (m[2] ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== 'zod')
          .sort(),
      ]),
    );
    const expected = Object.fromEntries(
      LAYERS.map((layer) => [layer, [...new Set([...MAY_IMPORT[layer], layer])].sort()]),
    );
    const documented = Object.fromEntries(
      Object.entries(rows).map(([room, list]) => [room, [...new Set([...list, room])].sort()]),
    );
    expect(documented).toEqual(expected);
  });

  it('never reads ../shared from src/', () => {
    const readers = filesUnder(SRC, ['.ts', '.svelte', '.js']).filter((path) =>
      /(\.\.\/)+shared\b|\/work\/shared/.test(read(path)),
    );
    expect(readers.map(rel)).toEqual([]);
  });
});

describe('the purity checker', () => {
  const core = (name: string) => join(CORE, name);

  it.each([
    ["import { Application } from 'pixi.js';", 'imports pixi.js'],
    ["import { mount } from 'svelte';", 'imports svelte'],
    ["import { writable } from 'svelte/store';", 'imports svelte/store'],
    ["import tmi from 'tmi.js';", 'imports tmi.js'],
    ["import WebSocket from 'ws';", 'imports ws'],
    ["import { readFileSync } from 'node:fs';", 'imports node:fs'],
    ["export { x } from '../feeds/tiktok';", 'imports ../feeds/tiktok (outside src/core)'],
    ["const m = await import('../app/log');", 'imports ../app/log (outside src/core)'],
    [
      "import { MAX_FRAME_CHARS } from '../wire/textFrame';",
      'imports ../wire/textFrame (outside src/core)',
    ],
    ['const t = require("fs");', 'imports fs'],
    ["localStorage.setItem('a', 'b');", 'uses localStorage'],
    ['const w = window.innerWidth;', 'uses window'],
    ['requestAnimationFrame(() => 0);', 'uses requestAnimationFrame'],
    ['class X extends HTMLElement {}', 'uses HTMLElement'],
    ['const ua = navigator.userAgent;', 'uses navigator'],
    ['document.body.innerHTML = name;', 'uses document'],
    ['const now = Date.now();', 'uses Date.now() (pass time and randomness in)'],
    ['const r = Math.random();', 'uses Math.random() (pass time and randomness in)'],
    ['const d = new Date();', 'uses new Date() (pass time in)'],
  ])('flags %s', (sample, problem) => {
    expect(coreViolations(core('bad.ts'), sample)).toContain(problem);
  });

  it.each([
    ["import { z } from 'zod';"],
    ["import { z } from 'zod/mini';"],
    ["import type { Moment } from './moment';"],
    ["// window and localStorage named in a comment\nconst text = 'document';"],
    ['const o = { window: 1, document: 2 }; o.window = 3;'],
    ['const d = new Date(at);'],
  ])('accepts %s', (sample) => {
    expect(coreViolations(core('good.ts'), sample)).toEqual([]);
  });

  it('lets a wire file import core and wire, and nothing else of ours', () => {
    const wire = join(WIRE, 'file.ts');
    const rooms = [WIRE, CORE];
    expect(coreViolations(wire, "import { x } from '../core/event/events';", rooms)).toEqual([]);
    expect(coreViolations(wire, "import { y } from './fields';", rooms)).toEqual([]);
    expect(coreViolations(wire, "import { z } from '../feeds/feed';", rooms)).toEqual([
      'imports ../feeds/feed (outside src/wire or src/core)',
    ]);
    expect(coreViolations(wire, "import { readFileSync } from 'node:fs';", rooms)).toEqual([
      'imports node:fs',
    ]);
  });
});
