import type { Server } from 'node:http';
import { Hub } from './Hub.ts';
import { hubRoutes, type Middleware } from './hubRoutes.ts';
import { SessionStore } from './sessions/SessionStore.ts';
import { attachHubSocket } from './hubSocket.ts';
import { systemLinkTimers } from './tiktok/linkTimers.ts';
import { tiktokLibrary } from './tiktok/tiktokLibrary.ts';
import { TikTokLinks, type TikTokLinksOptions } from './tiktok/TikTokLinks.ts';
import type { TikTokSettings } from './tiktok/tiktokSettings.ts';

/**
 * The hub on the server that serves the pages (`npm start`): its WebSockets (hubSocket.ts), its
 * HTTP routes (hubRoutes.ts) and its TikTok connections (tiktok/TikTokLinks.ts), all thin glue
 * around rules that hold no sockets (Hub.ts, tiktok/TikTokLink.ts).
 */

export interface HubServer {
  hub: Hub;
  tiktok: TikTokLinks;
  /** Connect-style middleware for the /hub/* routes. */
  middleware: Middleware;
  /** Stops the heartbeat, closes every hub socket and lets every TikTok connection go. */
  close(): void;
}

export interface HubServerOptions {
  token: string;
  /** The sign server, its key (the start page may save one) and the look-up (tiktokSettings.ts). */
  settings: TikTokSettings;
  /** The TikTok connections' port (the real library, with `settings`, by default), clock and log. */
  tiktok?: Partial<Omit<TikTokLinksOptions, 'refusals'>>;
  /** Where the sessions are kept (dataFolder.ts `sessions`); none: not kept by the server. */
  sessionsFolder?: string;
}

export function attachHub(httpServer: Server, options: HubServerOptions): HubServer {
  const hub = new Hub({ token: options.token, clock: () => Date.now() });
  const { settings } = options;
  const tiktok = new TikTokLinks({
    open: tiktokLibrary(settings),
    timers: systemLinkTimers,
    random: () => Math.random(),
    ...options.tiktok,
    refusals: hub.refusals,
  });
  const closeSockets = attachHubSocket(httpServer, hub, tiktok);
  const close = () => {
    closeSockets();
    tiktok.close();
  };
  httpServer.once('close', close);
  const sessions = options.sessionsFolder
    ? new SessionStore(options.sessionsFolder, () => Date.now())
    : undefined;
  const middleware = hubRoutes({
    hub,
    tiktok,
    token: options.token,
    signKey: settings.signKey,
    ...(sessions ? { sessions } : {}),
  });
  return { hub, tiktok, middleware, close };
}
