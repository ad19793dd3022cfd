import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { attachHub } from './hubServer.ts';
import { loadOrCreateToken, tokenPath } from './tokenFile.ts';

/**
 * The local event hub inside `npm start` (vite preview) and `npm run dev`: same origin as the pages,
 * so `source=hub` needs no address. Prints the token once the server listens.
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
    const server = attachHub(httpServer, { token });
    use(server.middleware as never);
    httpServer.once('listening', () => {
      const lines = [
        '',
        `  Hub token (for tools that send events, as "Authorization: Bearer <token>"; ${kept ? `kept in ${path}` : `not saved: ${path} is not writable`}):`,
        `  token ${token}`,
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
