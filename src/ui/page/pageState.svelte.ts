import type { FeedStatus } from '../../core/event/events';

/** How long "Live" stays on screen after a feed connects; after that the badge shows only trouble. */
const LIVE_FLASH_MS = 4_000;

/** Page-level state the shells render: the feeds' combined status. */
export class PageState {
  status = $state<FeedStatus>('connecting');
  detail = $state('');
  /** Whether the status badge is on screen: always while not live, briefly once live. */
  badge = $state(true);
  /** Problems found after the page started (the alert rules'), shown with the settings problems. */
  notes = $state<string[]>([]);

  #timer: ReturnType<typeof setTimeout> | undefined;

  setFeed(state: { status: FeedStatus; detail: string }): void {
    const wasLive = this.status === 'live';
    this.status = state.status;
    this.detail = state.detail;
    if (state.status !== 'live') {
      this.#clear();
      this.badge = true;
    } else if (!wasLive) {
      this.#clear();
      this.badge = true;
      this.#timer = setTimeout(() => {
        this.badge = false;
        this.#timer = undefined;
      }, LIVE_FLASH_MS);
    }
  }

  destroy(): void {
    this.#clear();
  }

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
