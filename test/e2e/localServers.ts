import { test } from '@playwright/test';
import { startFakeTwitch, type FakeTwitch } from '../servers/fakeTwitch';
import { startFeedServer, type FeedServer } from '../servers/feedServer';

/**
 * Local feed servers for e2e specs. A spec calls `closeServersAfterEach()` once; every server it
 * starts through here is closed after its test, pass or fail (closing twice is harmless).
 */
const running = new Set<{ close(): Promise<void> }>();

export function closeServersAfterEach(): void {
  test.afterEach(async () => {
    for (const server of running) await server.close();
    running.clear();
  });
}

export async function feedServer(options: { port?: number } = {}): Promise<FeedServer> {
  const server = await startFeedServer(options);
  running.add(server);
  return server;
}

export async function fakeTwitch(): Promise<FakeTwitch> {
  const server = await startFakeTwitch();
  running.add(server);
  return server;
}
