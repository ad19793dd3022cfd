import { mount, unmount } from 'svelte';
import { parseParams } from '../core/config/config';
import type { LedgerEntry } from '../core/session/ledger';
import { loadSnapshot, storageKey } from '../core/session/persist';
import { supportersOf } from '../core/session/supporters';
import { CreditsModel } from '../ui/credits/CreditsModel.svelte';
import CreditsRoll from '../ui/credits/CreditsRoll.svelte';
import { applyTheme } from '../ui/themes/themes';
import '../ui/themes/themes.css';
import { fetchServerSession } from './serverSession';
import { browserStore } from './storage';
import './page.css';

/**
 * The credits page: the session's supporters (gifters by value, then subscribers, then followers)
 * rolled once (or looping) at `speed=`. It reads the session npm start's server keeps; on a static
 * host, the board its sibling pages kept in this browser's storage (gifters only: storage keeps
 * no names of subscribers or followers).
 */
async function main(): Promise<void> {
  const { config } = parseParams(location.search);
  applyTheme(document.documentElement, config);
  const model = new CreditsModel();
  const target = document.getElementById('app');
  if (!target) throw new Error('credits.html has no #app');
  const app = mount(CreditsRoll, {
    target,
    props: { model, title: 'Thank you', speed: config.speed, loop: config.loop },
  });
  addEventListener('pagehide', () => void unmount(app), { once: true });
  const server = await fetchServerSession(config.session);
  if (server) model.show(supportersOf(server.ledger), 'server');
  else model.show(supportersOf(storedRows(config.session)), 'page');
}

/** The fullest board the overlays kept in this browser, as ledger entries of its gifters. */
function storedRows(session: string): [string, LedgerEntry][] {
  const store = browserStore();
  if (!store) return [];
  const boards = (['board', 'alerts', 'goal'] as const).map(
    (page) => loadSnapshot(store, storageKey(session, page)).snapshot?.rows ?? [],
  );
  const rows = boards.reduce((best, next) => (next.length > best.length ? next : best), []);
  return rows.map(({ key, name, login, platform, milli, seq }) => [
    `e:${platform}:~${key}`,
    {
      user: { key, name, login, platform },
      milli,
      items: 0,
      coins: 0,
      bits: 0,
      first: seq,
      last: seq,
    },
  ]);
}

void main();
