import {
  eventsAnswer,
  readAnswer,
  statusAnswer,
  tokenAnswer,
  type StatusAnswer,
} from '../../wire/hubAnswers';
import { HUB_PATHS } from '../../wire/hubPaths';
import type { ProtocolFrame } from '../../wire/protocol';
import type { ScheduledFrame } from './testAlerts';

/**
 * The start page's side of the hub (src/hub): the token from a same-origin fetch (never in a URL),
 * test frames sent with it, and how many overlays listen. Every answer is read with its schema
 * (src/wire/hubAnswers.ts) and is data, never a throw: a start page served without the hub (npm run
 * build + another server) just says so, and so does an answer that is not the hub's.
 */

/** `absent`: nothing answers as a hub; `unexpected`: something answered, not as the hub does. */
export type HubStatus =
  ({ reachable: true } & StatusAnswer) | { reachable: false; why: 'absent' | 'unexpected' };

export type SendResult = { ok: true; overlays: number } | { ok: false; why: string };

const NO_HUB = 'no hub here: run npm start and open its start page';
const UNEXPECTED = 'the hub answered something unexpected: run npm start and open its start page';

export class HubClient {
  readonly #pageHref: string;
  #token: Promise<{ token: string } | { why: string }> | null = null;

  constructor(pageHref: string) {
    this.#pageHref = pageHref;
  }

  async status(): Promise<HubStatus> {
    try {
      const res = await fetch(this.#url(HUB_PATHS.status), { cache: 'no-store' });
      if (!res.ok) return { reachable: false, why: 'absent' };
      const status = readAnswer(statusAnswer, await res.text());
      return status ? { reachable: true, ...status } : { reachable: false, why: 'unexpected' };
    } catch {
      return { reachable: false, why: 'absent' };
    }
  }

  async send(frame: ProtocolFrame): Promise<SendResult> {
    const token = await this.#tokenOnce();
    if ('why' in token) return { ok: false, why: token.why };
    try {
      const res = await fetch(this.#url(HUB_PATHS.events), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(frame),
      });
      const answer = readAnswer(eventsAnswer, await res.text());
      if (res.ok && answer && 'forwarded' in answer) return { ok: true, overlays: answer.overlays };
      if (!res.ok && answer && 'refused' in answer) {
        return { ok: false, why: `refused (${answer.refused}): ${answer.detail}` };
      }
      return { ok: false, why: `${UNEXPECTED} (HTTP ${res.status})` };
    } catch (error) {
      return { ok: false, why: `the hub did not answer: ${String(error)}` };
    }
  }

  /** Sends a schedule (a Rose streak climbs over a few frames); returns the stop. */
  play(frames: readonly ScheduledFrame[], done: (result: SendResult) => void): () => void {
    const timers = frames.map((item, i) =>
      setTimeout(() => {
        void this.send(item.frame).then((result) => {
          if (i === frames.length - 1 || !result.ok) done(result);
        });
      }, item.afterMs),
    );
    return () => timers.forEach(clearTimeout);
  }

  #url(route: string): string {
    return new URL(route, this.#pageHref).href;
  }

  /** Asked once per page: a start page without the hub stays without it until reloaded. */
  #tokenOnce(): Promise<{ token: string } | { why: string }> {
    this.#token ??= fetch(this.#url(HUB_PATHS.token), { cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) return { why: NO_HUB };
        return readAnswer(tokenAnswer, await res.text()) ?? { why: UNEXPECTED };
      })
      .catch(() => ({ why: NO_HUB }));
    return this.#token;
  }
}
