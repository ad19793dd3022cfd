import { HUB_PATHS } from '../../wire/hubPaths';

/**
 * The hub's WebSocket on the server that serves the page (`npm start`): ws(s)://<host>/hub. The
 * overlay URL needs nothing more than `source=hub`. A page with no http(s) origin (a file opened
 * from disk) has no hub: undefined.
 */
export function hubUrlOf(pageHref: string): string | undefined {
  let page: URL;
  try {
    page = new URL(pageHref);
  } catch {
    return undefined;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return undefined;
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}${HUB_PATHS.socket}`;
}
