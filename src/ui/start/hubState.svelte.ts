import { HubClient, type HubStatus } from './hubClient';
import { TEST_ALERTS, testAlert, type TestKind } from './testAlerts';

const POLL_MS = 2_000;

/** The start page's view of the hub: overlays listening now, and what the last test did. */
export class HubState {
  status = $state<HubStatus | null>(null);
  /** What the last Test button did, in words. */
  result = $state('');
  sending = $state<TestKind | null>(null);

  /** The hub's routes, with the token once asked for (the sign key's field uses it too). */
  readonly client: HubClient;
  readonly #clock: () => number;
  readonly #stops = new Set<() => void>();

  constructor(pageHref: string, clock: () => number) {
    this.client = new HubClient(pageHref);
    this.#clock = clock;
  }

  /** Polls the overlay count while the page is open; returns the stop. */
  start(): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const status = await this.client.status();
      if (stopped) return;
      this.status = status;
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const stop of this.#stops) stop();
      this.#stops.clear();
    };
  }

  fire(kind: TestKind): void {
    const label = TEST_ALERTS.find((t) => t.kind === kind)?.label ?? kind;
    this.sending = kind;
    this.result = `Sending ${label}…`;
    const stop = this.client.play(testAlert(kind, this.#clock()), (sent) => {
      this.#stops.delete(stop);
      if (this.sending === kind) this.sending = null;
      this.result = sent.ok
        ? `${label} sent to ${sent.overlays} overlay${sent.overlays === 1 ? '' : 's'}.`
        : `${label} not sent: ${sent.why}`;
      if (!sent.ok) return;
      const known = this.status?.reachable ? this.status : { senders: 0, refused: {} };
      this.status = { ...known, reachable: true, overlays: sent.overlays };
    });
    this.#stops.add(stop);
  }
}
