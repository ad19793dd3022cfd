import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * A local WebSocket server that plays a feed: TikFinity-style `{"event","data"}` frames or
 * Giftglow-protocol frames, whatever the test sends. It can restart on the same port, so a test can
 * cut a live overlay off mid-stream and watch it come back. Used by unit tests, e2e and the bench.
 */
export interface FeedServer {
  /** ws://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** Sends a text frame (or binary, for tests of bad frames) to every connected client. */
  send(frame: string | Buffer): void;
  /** Clients connected right now. */
  clients(): number;
  /** Connections accepted since start, across restarts. */
  accepted(): number;
  /** Resolves once at least `count` clients are connected. */
  waitForClients(count?: number): Promise<void>;
  /** Drops every client and stops listening, then listens again on the same port. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Drops every client without closing handshake (a crash), keeps listening. */
  dropClients(): void;
  close(): Promise<void>;
}

export async function startFeedServer(options: { port?: number } = {}): Promise<FeedServer> {
  let accepted = 0;
  let waiters: Array<() => void> = [];
  let server = await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  function listen(onPort: number): Promise<WebSocketServer> {
    return new Promise((resolve, reject) => {
      const wss = new WebSocketServer({ port: onPort, host: '127.0.0.1' });
      wss.once('listening', () => resolve(wss));
      wss.once('error', reject);
      wss.on('connection', (socket) => {
        accepted += 1;
        socket.on('error', () => undefined);
        const ready = waiters;
        waiters = [];
        for (const wake of ready) wake();
      });
    });
  }

  function clients(): number {
    return [...server.clients].filter((c) => c.readyState === WebSocket.OPEN).length;
  }

  function shutdown(wss: WebSocketServer): Promise<void> {
    for (const client of wss.clients) client.terminate();
    return new Promise((resolve) => wss.close(() => resolve()));
  }

  return {
    url: `ws://127.0.0.1:${port}/`,
    port,
    send(frame) {
      for (const client of server.clients) {
        if (client.readyState === WebSocket.OPEN) client.send(frame);
      }
    },
    clients,
    accepted: () => accepted,
    async waitForClients(count = 1) {
      while (clients() < count) await new Promise<void>((wake) => waiters.push(wake));
    },
    async restart({ downMs = 0 } = {}) {
      await shutdown(server);
      if (downMs > 0) await new Promise((wake) => setTimeout(wake, downMs));
      server = await listen(port);
    },
    dropClients() {
      for (const client of server.clients) client.terminate();
    },
    close: () => shutdown(server),
  };
}
