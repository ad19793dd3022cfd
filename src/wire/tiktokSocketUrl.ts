import { HUB_PATHS } from './hubPaths.ts';

/**
 * The hub's TikTok socket for one username (`/hub/tiktok?user=<name>`), from the hub's own
 * WebSocket URL: `hub=`, or the /hub of the server that served the page. Its /hub becomes
 * /hub/tiktok, so a hub behind a path prefix keeps the prefix. The name is checked by the config
 * first; it is still encoded here, so no name can add a path or a parameter. Undefined for
 * anything but a ws:// or wss:// URL.
 */
export function tiktokSocketUrl(hubUrl: string, username: string): string | undefined {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  const prefix = path.endsWith(HUB_PATHS.socket) ? path.slice(0, -HUB_PATHS.socket.length) : path;
  url.pathname = prefix + HUB_PATHS.tiktok;
  url.search = new URLSearchParams({ user: username }).toString();
  url.hash = '';
  return url.href;
}
