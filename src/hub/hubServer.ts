import type { Server } from 'node:http';
import { Hub } from './Hub.ts';
import { hubRoutes, type Middleware } from './hubRoutes.ts';
import { attachHubSocket } from './hubSocket.ts';

/**
 * The hub on the server that serves the pages (`npm start`): its WebSocket (hubSocket.ts) and its
 * HTTP routes (hubRoutes.ts), both thin glue around Hub.ts, which holds every rule.
 */

export interface HubServer {
  hub: Hub;
  /** Connect-style middleware for the /hub/* routes. */
  middleware: Middleware;
  /** Stops the heartbeat and closes every hub socket. */
  close(): void;
}

export function attachHub(httpServer: Server, options: { token: string }): HubServer {
  const hub = new Hub({ token: options.token, clock: () => Date.now() });
  const close = attachHubSocket(httpServer, hub);
  httpServer.once('close', close);
  return { hub, middleware: hubRoutes(hub, options.token), close };
}
