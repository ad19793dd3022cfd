import type { Server } from 'node:http';
import type { DataFolder } from './dataFolder.ts';
import { Hub } from './Hub.ts';
import { hubRoutes, type Middleware } from './hubRoutes.ts';
import { SessionStore } from './sessions/SessionStore.ts';
import { attachHubSocket } from './hubSocket.ts';
import { MediaFolder } from './media/MediaFolder.ts';
import { attachRulesSocket } from './rules/rulesSocket.ts';
import { RulesStore } from './rules/RulesStore.ts';
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
  /**
   * Where the media folder, the saved rules and the sessions live (dataFolder.ts); the media
   * folder is made.
   */
  data: DataFolder;
  /** Where the hub says what went wrong with a file of its own (a bad rules.json): the npm start log. */
  log?: (text: string) => void;
  /** The hub's clock (its rate limits'): Date.now unless a test holds time still. */
  clock?: () => number;
}

export function attachHub(httpServer: Server, options: HubServerOptions): HubServer {
  const clock = options.clock ?? (() => Date.now());
  const hub = new Hub({ token: options.token, clock });
  const { settings } = options;
  const tiktok = new TikTokLinks({
    open: tiktokLibrary(settings),
    timers: systemLinkTimers,
    random: () => Math.random(),
    ...options.tiktok,
    refusals: hub.refusals,
  });
  const closeSockets = attachHubSocket(httpServer, hub, tiktok);
  // The media folder and the alert rules (issue 23).
  const log = options.log ?? (() => undefined);
  const media = new MediaFolder(options.data.media);
  if (media.problem !== null) log(`  Media folder: ${media.problem}; uploads will fail`);
  const rules = new RulesStore(options.data.rules, log);
  const closeRules = attachRulesSocket(httpServer, hub, rules);
  const close = () => {
    closeSockets();
    closeRules();
    tiktok.close();
  };
  httpServer.once('close', close);
  const { token } = options;
  // The sessions the server keeps (issue 24).
  const sessions = new SessionStore(options.data.sessions, clock);
  const middleware = hubRoutes({
    hub,
    tiktok,
    token,
    signKey: settings.signKey,
    media,
    rules,
    clock,
    sessions,
  });
  return { hub, tiktok, middleware, close };
}
