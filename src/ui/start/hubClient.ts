import {
  eventsAnswer,
  readAnswer,
  signKeyAnswer,
  statusAnswer,
  tokenAnswer,
  type StatusAnswer,
} from '../../wire/hubAnswers';
import { HUB_PATHS } from '../../wire/hubPaths';
import type { ProtocolFrame } from '../../wire/protocol';
import type { SignKeyRequest, SignKeySource } from '../../wire/signKey';
import type { ScheduledFrame } from './testAlerts';

/**
 * The start page's side of the hub (src/hub): the token from a same-origin fetch (never in a URL),
 * test frames and the sign key sent with it (in a POST body, never a URL), and how many overlays
 * listen. Every answer is read with its schema
 * (src/wire/hubAnswers.ts) and is data, never a throw: a start page served without the hub (npm run
 * build + another server) just says so, and so does an answer that is not the hub's.
 */

/** `absent`: nothing answers as a hub; `unexpected`: something answered, not as the hub does. */
export type HubStatus =
  ({ reachable: true } & StatusAnswer) | { reachable: false; why: 'absent' | 'unexpected' };

export type SendResult = { ok: true; overlays: number } | { ok: false; why: string };
/** The sign key kept or forgotten: where the key in use comes from now (SIGN_API_KEY wins). */
export type KeyResult = { ok: true; signKey: SignKeySource } | { ok: false; why: string };
type Posted = { ok: true; status: number; text: string } | { ok: false; why: string };

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
    const posted = await this.#post(HUB_PATHS.events, frame);
    if (!posted.ok) return posted;
    const answer = readAnswer(eventsAnswer, posted.text);
    if (isOk(posted.status) && answer && 'forwarded' in answer) {
      return { ok: true, overlays: answer.overlays };
    }
    return notDone(posted);
  }

  /** Asks the hub to keep `key` (null: to forget the one kept). */
  async saveSignKey(key: string | null): Promise<KeyResult> {
    const body: SignKeyRequest = { key };
    const posted = await this.#post(HUB_PATHS.signKey, body);
    if (!posted.ok) return posted;
    const answer = readAnswer(signKeyAnswer, posted.text);
    if (isOk(posted.status) && answer) return { ok: true, signKey: answer.signKey };
    return notDone(posted);
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

  /** POSTs `body` as JSON with the token: what the hub answered, or why nothing was. */
  async #post(route: string, body: unknown): Promise<Posted> {
    const token = await this.#tokenOnce();
    if ('why' in token) return { ok: false, why: token.why };
    try {
      const res = await fetch(this.#url(route), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { ok: true, status: res.status, text: await res.text() };
    } catch (error) {
      return { ok: false, why: `the hub did not answer: ${String(error)}` };
    }
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

const isOk = (status: number) => status >= 200 && status < 300;

/** Why an answer is not what was asked for: the hub's refusal, or not the hub's answer at all. */
function notDone(posted: { status: number; text: string }): { ok: false; why: string } {
  const answer = readAnswer(eventsAnswer, posted.text);
  if (!isOk(posted.status) && answer && 'refused' in answer) {
    return { ok: false, why: `refused (${answer.refused}): ${answer.detail}` };
  }
  return { ok: false, why: `${UNEXPECTED} (HTTP ${posted.status})` };
}
