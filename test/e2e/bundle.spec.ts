import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KB, PAGES } from '../bench/budgets';
import { pageBundle } from '../bench/bundle';

/**
 * Bundle-size budgets on the build that precedes the e2e run (dist/). Gzip sizes of what each page
 * loads at start are deterministic, so CI can hold them; timings are left to `npm run bench`.
 */

const dist = join(import.meta.dirname, '..', '..', 'dist');
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

test.beforeAll(() => {
  expect(existsSync(join(dist, 'overlays', 'alerts.html')), 'run `vite build` first').toBe(true);
});

for (const spec of PAGES) {
  test(`the ${spec.label} page loads its scripts and styles from dist/, within budget`, () => {
    const bundle = pageBundle(dist, spec.page, spec.eager);
    const entry = bundle.files.filter((f) => f.how === 'entry');
    expect(entry, 'one module entry script').toHaveLength(1);
    expect(
      bundle.files.some((f) => f.kind === 'css'),
      'a stylesheet',
    ).toBe(true);
    if (spec.jsBudget === null) return;
    const biggest = [...bundle.files]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 4)
      .map((f) => `${f.chunk} ${kb(f.gzip)}`)
      .join(', ');
    expect(
      bundle.jsGzip,
      `${spec.label} JS is ${kb(bundle.jsGzip)} gzip (budget ${kb(spec.jsBudget)}); biggest: ${biggest}`,
    ).toBeLessThanOrEqual(spec.jsBudget);
  });
}

test('the board and goal pages load no PixiJS, and no page loads the Twitch client until asked', () => {
  for (const page of ['overlays/board.html', 'overlays/goal.html']) {
    const bundle = pageBundle(dist, page);
    expect(bundle.files.map((f) => f.chunk)).not.toContain('browserAll');
    expect(bundle.lazy).not.toContain('browserAll');
    expect(bundle.files.map((f) => f.file).join(' ')).not.toMatch(/pixi|Stage/i);
  }
  for (const spec of PAGES) {
    const bundle = pageBundle(dist, spec.page, spec.eager);
    expect(bundle.files.map((f) => f.chunk)).not.toContain('twitchFeed');
  }
});

test('in the browser, each page fetches no script beyond the budgeted ones', async ({ page }) => {
  // The start page is not budgeted (and its live preview is an alerts page in an iframe).
  for (const spec of PAGES.filter((p) => p.jsBudget !== null)) {
    const counted = new Set(
      pageBundle(dist, spec.page, spec.eager).files.map((f) => f.file.split('/').pop()),
    );
    const fetched: string[] = [];
    const listen = (request: { url(): string }) => {
      const name = new URL(request.url()).pathname.split('/').pop() ?? '';
      if (name.endsWith('.js')) fetched.push(name);
    };
    page.on('request', listen);
    await page.goto(
      `${spec.page.replace(/^index\.html$/, './')}${spec.page.includes('overlays') ? '?source=demo&rate=600' : ''}`,
    );
    // Everything the page loads at start has arrived once the network is quiet.
    await page.waitForLoadState('networkidle');
    page.off('request', listen);
    expect(
      fetched.filter((name) => !counted.has(name)),
      `${spec.label}: fetched but not counted`,
    ).toEqual([]);
  }
});
