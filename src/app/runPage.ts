import { unmount } from 'svelte';
import type { PageState } from '../ui/page/pageState.svelte';
import type { Runtime } from './runtime';

/**
 * What the board and goal pages do once mounted: start the model and the feeds, and stop them all
 * (and unmount the page) when OBS or the browser hides the page for good.
 */
export async function runPage(parts: {
  runtime: Runtime;
  model: { start(): () => void };
  page: PageState;
  app: Record<string, unknown>;
}): Promise<void> {
  const { runtime, model, page, app } = parts;
  const stopModel = model.start();
  const stopFeeds = await runtime.start({ feed: (state) => page.setFeed(state) });
  addEventListener(
    'pagehide',
    () => {
      stopFeeds();
      stopModel();
      page.destroy();
      void unmount(app);
    },
    { once: true },
  );
}
