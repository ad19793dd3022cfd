import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SIGN_KEY_FILE, TIKTOK_PORT } from '../playwright.config';
import type { ProtocolEventInput } from '../../src/wire/protocol';
import { countAnimationFrames } from './animationFrames';
import { hubToken } from './hubToken';

/**
 * The session kept by the server (issue 24), against the built pages on npm start's own server:
 * gifts arrive through the hub; a browser with empty storage opens the board of the same session
 * and sees the same rows; the server is killed with SIGKILL and started again and the board is
 * still exact; the start page shows that board and a CSV with every gifter once; the credits roll
 * lists them in order and requests no frame once it has finished.
 *
 * The spec runs its own server (vite preview, one process) on a free port the system gives, so it
 * can kill it; its data folder is its own under test-results.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SESSION = 'e2e-kept';

/**
 * A port no one holds now, asked of the system: a fixed one (the suite's + 10) was taken on a CI
 * machine, and `--strictPort` then refused to start while something else answered there.
 */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

let OWN_PORT = 0;
let BASE = '';
let BOARD = '';
let DATA = '';

/** The last lines the server printed, so a server that would not start says why. */
let printed = '';

function startServer(): ChildProcess {
  const child = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(OWN_PORT), '--strictPort'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIFTGLOW_DATA: DATA,
        GIFTGLOW_SIGN_KEY_FILE: SIGN_KEY_FILE,
        SIGN_API_URL: `http://127.0.0.1:${TIKTOK_PORT}`,
        SIGN_API_KEY: '',
        GIFTGLOW_TIKTOK_LOOKUP: 'sign-server',
      },
    },
  );
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

/** Until the server answers its status, or fails with what it printed if it exits first. */
async function listening(child: ChildProcess): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited (${code ?? signal})`;
  });
  await expect
    .poll(
      async () => {
        if (exited) return `${exited}:\n${printed}`;
        try {
          return (await fetch(`${BASE}/hub/status`)).status;
        } catch (error) {
          return `${String((error as Error).cause ?? error)}\n${printed}`;
        }
      },
      { timeout: 60_000, message: `the server on ${BASE} answers /hub/status` },
    )
    .toBe(200);
}

const gifts: ProtocolEventInput[] = [
  {
    v: 1,
    type: 'gift',
    id: 'kept-lion',
    platform: 'tiktok',
    user: { id: 'kept-1', login: 'leona', name: 'Leona' },
    gift: { id: '6369', name: 'Lion', coins: 29999 },
  },
  ...[1, 5, 30].map((count, i): ProtocolEventInput => ({
    v: 1,
    type: 'gift',
    id: `kept-rose-${i}`,
    platform: 'tiktok',
    user: { id: 'kept-2', login: 'rosa', name: 'Rosa' },
    gift: { id: '5655', name: 'Rose', coins: 1 },
    count,
    streak: 'kept-streak',
    end: count === 30,
  })),
  {
    v: 1,
    type: 'cheer',
    id: 'kept-cheer',
    platform: 'twitch',
    user: { id: 'kept-3', login: 'bitsy', name: '=Bitsy' },
    bits: 500,
  },
  {
    v: 1,
    type: 'follow',
    id: 'kept-follow',
    platform: 'tiktok',
    user: { id: 'kept-4', login: 'fern', name: 'Fern' },
  },
];

async function send(events: ProtocolEventInput[]): Promise<void> {
  const res = await fetch(`${BASE}/hub/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${hubToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(events),
  });
  expect(res.status).toBe(202);
}

/** The board's rows as a viewer reads them: name and exact value. */
async function rows(page: Page): Promise<string[]> {
  return page
    .locator('.gg-board .gg-row')
    .evaluateAll((items) =>
      items.map(
        (li) => `${li.querySelector('.gg-name')?.textContent} ${li.getAttribute('data-value')}`,
      ),
    );
}

const EXPECTED = ['Leona 29999', '=Bitsy 500', 'Rosa 30'];

let server: ChildProcess;

test.beforeAll(async () => {
  OWN_PORT = await freePort();
  BASE = `http://localhost:${OWN_PORT}`;
  BOARD = `${BASE}/overlays/board.html?source=hub&session=${SESSION}&top=10`;
  DATA = `test-results/e2e-sessions-${OWN_PORT}`;
  rmSync(resolve(ROOT, DATA), { recursive: true, force: true });
  server = startServer();
  await listening(server);
});

test.afterAll(() => {
  server.kill('SIGKILL');
});

test('a session is kept by the server: a new browser, a SIGKILL, the start page and the credits all show the same gifts once', async ({
  browser,
}) => {
  const obs = await browser.newContext();
  const board = await obs.newPage();
  await board.goto(BOARD);
  await expect(board.locator('html')).toHaveAttribute('data-feed', 'live');
  await send(gifts);
  await expect.poll(() => rows(board), { timeout: 20_000 }).toEqual(EXPECTED);

  // The page saves to the server within seconds (throttled): wait until the file has it all.
  const file = resolve(ROOT, DATA, 'sessions', `${SESSION}.json`);
  const kept = () => {
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { ledger: unknown[] }).ledger.length;
    } catch {
      return 0;
    }
  };
  await expect.poll(kept, { timeout: 20_000 }).toBe(4);

  // A browser with empty storage (OBS's cache cleared) opens the same session.
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(BOARD);
  await expect.poll(() => rows(again)).toEqual(EXPECTED);

  // The server dies mid-stream, without a chance to do anything, and comes back.
  server.kill('SIGKILL');
  await new Promise((done) => server.once('exit', done));
  server = startServer();
  await listening(server);
  const after = await (await browser.newContext()).newPage();
  await after.goto(BOARD);
  await expect.poll(() => rows(after)).toEqual(EXPECTED);

  // The next gift after the restart reaches the open pages (reconnected) and counts once.
  await expect(board.locator('html')).toHaveAttribute('data-feed', 'live', { timeout: 30_000 });
  await expect(after.locator('html')).toHaveAttribute('data-feed', 'live');
  await send([
    {
      ...gifts[0]!,
      id: 'kept-lion-2',
      user: { id: 'kept-2', login: 'rosa', name: 'Rosa' },
    } as ProtocolEventInput,
  ]);
  const NEXT = ['Rosa 30029', 'Leona 29999', '=Bitsy 500'];
  await expect.poll(() => rows(board), { timeout: 20_000 }).toEqual(NEXT);
  await expect.poll(() => rows(after)).toEqual(NEXT);
  await expect.poll(kept, { timeout: 20_000 }).toBe(5);

  // The start page: the live session's board, and a CSV with every gifter once.
  const start = await (await browser.newContext()).newPage();
  await start.goto(`${BASE}/`);
  await start
    .locator(`.gg-sessions tr[data-session="${SESSION}"]`)
    .getByRole('button', { name: 'Use' })
    .click();
  const stream = start.locator('.gg-stream-board .gg-stream-row');
  await expect(stream).toHaveText([/Rosa\s+30029/, /Leona\s+29999/, /=Bitsy\s+500/]);
  await expect(start.locator('.gg-stream-totals')).toHaveText(
    '33 gifts from 3 gifters, 60528 points',
  );
  const download = start.waitForEvent('download');
  await start.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('group,name,handle,platform,points,coins,bits,gifts,first,last');
  expect(csv.slice(1).map((line) => line.split(',').slice(0, 8).join(','))).toEqual([
    'gifter,Rosa,rosa,tiktok,30029,30029,0,31',
    'gifter,Leona,leona,tiktok,29999,29999,0,1',
    "gifter,'=Bitsy,bitsy,twitch,500,0,500,1",
    'follower,Fern,fern,tiktok,0,0,0,0',
  ]);

  // The credits roll: everyone in order, then no more frames once it has rolled past.
  const credits = await (await browser.newContext()).newPage();
  const frames = await countAnimationFrames(credits);
  await credits.goto(`${BASE}/overlays/credits.html?session=${SESSION}&speed=400`);
  await expect(credits.locator('.gg-credits-name')).toHaveText([/Rosa/, /Leona/, /=Bitsy/, /Fern/]);
  await expect(credits.locator('.gg-credits')).toHaveAttribute('data-state', 'rolling');
  await credits.clock.runFor(60_000);
  await expect(credits.locator('.gg-credits')).toHaveAttribute('data-state', 'done');
  const done = await frames();
  await credits.clock.runFor(5_000);
  expect(await frames()).toBe(done);
});

test('the start page lists the sessions kept and a damaged file, renames one and deletes one only once confirmed', async ({
  page,
}) => {
  const folder = resolve(ROOT, DATA, 'sessions');
  mkdirSync(folder, { recursive: true });
  writeFileSync(resolve(folder, 'cut-short.json'), '{"v":1,"name":"cut-short","ledg');
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: 'Start a fresh session' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Started stream-/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'cut-short.json' })).toContainText(
    'not JSON',
  );
  const fresh = page.locator('.gg-sessions tr[data-session^="stream-"]');
  await expect(fresh).toHaveCount(1);
  await fresh.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: /New name for stream-/ }).fill('rehearsal');
  await page.getByRole('button', { name: 'Save name' }).click();
  const renamed = page.locator('.gg-sessions tr[data-session="rehearsal"]');
  await expect(renamed).toHaveCount(1);
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await renamed.getByRole('button', { name: 'Keep it' }).click();
  await expect(renamed).toHaveCount(1);
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await renamed.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(renamed).toHaveCount(0);
  // The damaged file is left as it was.
  expect(readFileSync(resolve(folder, 'cut-short.json'), 'utf8')).toBe(
    '{"v":1,"name":"cut-short","ledg',
  );
});

test('a page whose server keeps no sessions (a static host) asks once and goes on as before', async ({
  page,
}) => {
  const asked: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.install();
  await page.route('**/hub/sessions/**', (route) => {
    asked.push(route.request().method());
    return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
  });
  await page.goto(`${BASE}/overlays/board.html?source=hub&session=static-host`);
  await expect(page.locator('html')).toHaveAttribute('data-feed', 'live');
  await page.clock.runFor(30_000);
  expect(asked).toEqual(['GET']);
  expect(errors).toEqual([]);
});
