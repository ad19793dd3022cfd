import { readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What one built page loads before it can show anything, read from dist/ (deterministic: sizes, never
 * timings). From the page's HTML: the entry script, modulepreload links and stylesheets; from each JS
 * chunk: its static imports; plus the dynamic imports named in `eager` (chunks a library always loads
 * at start, e.g. PixiJS's `browserAll` environment, loaded by `Application.init` in every browser).
 * Other dynamic imports (the Twitch feed, loaded only for source=twitch) are listed, not counted.
 */

export type How = 'entry' | 'modulepreload' | 'stylesheet' | 'import' | 'eager-dynamic';

export interface BundleFile {
  file: string;
  /** The chunk's name without its content hash (`config` for `config-iLaQQBDy.js`). */
  chunk: string;
  kind: 'js' | 'css';
  how: How;
  bytes: number;
  gzip: number;
}

export interface PageBundle {
  page: string;
  files: BundleFile[];
  /** Dynamic imports left out (lazy chunks), by chunk name. */
  lazy: string[];
  jsGzip: number;
  cssGzip: number;
}

const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i');
const TAG = /<(script|link)\b[^>]*>/gi;
// Rolldown writes `import{a as b}from"./x.js";`, `import"./x.js";` and `export{..}from"./x.js"`.
const STATIC =
  /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const DYNAMIC = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

export function chunkName(file: string): string {
  const base = posix.basename(file).replace(/\.(js|css)$/, '');
  return base.replace(/-[\w-]{8}$/, '');
}

/** Gzip level 9, like the sizes bundlers and CDNs report. */
export function gzipSize(buffer: Buffer): number {
  return gzipSync(buffer, { level: 9 }).length;
}

function htmlRefs(html: string): { href: string; how: How }[] {
  const refs: { href: string; how: How }[] = [];
  for (const [tag, name] of html.matchAll(TAG)) {
    if (name?.toLowerCase() === 'script') {
      const src = ATTR('src').exec(tag)?.[1];
      if (src && /type\s*=\s*["']module["']/i.test(tag)) refs.push({ href: src, how: 'entry' });
    } else {
      const rel = ATTR('rel').exec(tag)?.[1]?.toLowerCase();
      const href = ATTR('href').exec(tag)?.[1];
      if (!href || href.startsWith('data:')) continue;
      if (rel === 'modulepreload') refs.push({ href, how: 'modulepreload' });
      else if (rel === 'stylesheet') refs.push({ href, how: 'stylesheet' });
    }
  }
  return refs;
}

export function pageBundle(dist: string, page: string, eager: readonly string[] = []): PageBundle {
  const htmlPath = join(dist, page);
  const html = readFileSync(htmlPath, 'utf8');
  const files = new Map<string, BundleFile>();
  const lazy = new Set<string>();
  const queue: { path: string; how: How }[] = htmlRefs(html)
    .filter((ref) => !/^[a-z]+:/i.test(ref.href))
    .map((ref) => ({ path: join(dirname(htmlPath), ref.href.split(/[?#]/)[0]!), how: ref.how }));

  while (queue.length > 0) {
    const { path, how } = queue.shift()!;
    const file = relative(dist, path).split('\\').join('/');
    if (files.has(file)) continue;
    const buffer = readFileSync(path);
    const kind = path.endsWith('.css') ? 'css' : 'js';
    files.set(file, {
      file,
      chunk: chunkName(file),
      kind,
      how,
      bytes: buffer.length,
      gzip: gzipSize(buffer),
    });
    if (kind !== 'js') continue;
    const code = buffer.toString('utf8');
    for (const [, spec] of code.matchAll(STATIC)) {
      queue.push({ path: join(dirname(path), spec!), how: 'import' });
    }
    for (const [, spec] of code.matchAll(DYNAMIC)) {
      const name = chunkName(spec!);
      if (eager.includes(name))
        queue.push({ path: join(dirname(path), spec!), how: 'eager-dynamic' });
      else lazy.add(name);
    }
  }
  const list = [...files.values()];
  const sum = (kind: 'js' | 'css') =>
    list.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzip, 0);
  const counted = new Set(list.map((f) => f.chunk));
  return {
    page,
    files: list,
    lazy: [...lazy].filter((name) => !counted.has(name)).sort(),
    jsGzip: sum('js'),
    cssGzip: sum('css'),
  };
}
