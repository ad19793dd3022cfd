import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { dataFolderOf } from './dataFolder.ts';
import { attachHub } from './hubServer.ts';
import { tiktokLog } from './tiktok/tiktokLog.ts';
import { tiktokSettings, type TikTokSettings } from './tiktok/tiktokSettings.ts';
import { loadOrCreateToken, tokenPath } from './tokenFile.ts';

/**
 * The local event hub inside `npm start` (vite preview) and `npm run dev`: same origin as the pages,
 * so `source=hub` needs no address. Prints the token once the server listens, how TikTok is
 * reached, and each TikTok connection's changes of state.
 */
export function hubPlugin(root: string): Plugin {
  function attach(
    httpServer: Server | null,
    use: (fn: never) => void,
    log: (text: string) => void,
  ) {
    if (!httpServer) return;
    const path = tokenPath(root);
    const { token, kept } = loadOrCreateToken(path);
    const settings = tiktokSettings(root);
    const data = dataFolderOf(root);
    const server = attachHub(httpServer, {
      token,
      settings,
      tiktok: { observer: tiktokLog(log, () => Date.now()) },
      data,
      log,
    });
    use(server.middleware as never);
    httpServer.once('listening', () => {
      const lines = [
        '',
        `  Hub token (for tools that send events, as "Authorization: Bearer <token>"; ${kept ? `kept in ${path}` : `not saved: ${path} is not writable`}):`,
        `  token ${token}`,
        '',
        tiktokLine(settings),
        `  Data folder (media files, alert rules; copy it to back it up): ${data.root}`,
        '',
      ];
      setTimeout(() => log(lines.join('\n')), 0);
    });
  }
  return {
    name: 'giftglow:hub',
    configurePreviewServer(server) {
      attach(
        server.httpServer as Server,
        (fn) => server.middlewares.use(fn),
        (text) => server.config.logger.info(text),
      );
    },
    configureServer(server) {
      attach(
        server.httpServer as Server | null,
        (fn) => server.middlewares.use(fn),
        (text) => server.config.logger.info(text),
      );
    },
  };
}

/** How TikTok is reached: the sign server and where its key comes from (never the key). */
function tiktokLine(settings: TikTokSettings): string {
  const { source, path } = settings.signKey;
  const key = {
    env: 'a key from SIGN_API_KEY',
    file: `a key from ${path}`,
    none: 'no key: one may be saved on the start page',
  }[source];
  const lookup =
    settings.lookup === 'sign-server'
      ? 'rooms looked up at the sign server only'
      : 'rooms looked up on tiktok.com first';
  return `  TikTok by @username: sign server ${settings.signUrl} (${key}); ${lookup}`;
}
