import { rulesFile, type RulesDoc } from '../../core/rules/ruleFormat';
import {
  eventsAnswer,
  mediaAnswer,
  mediaDoneAnswer,
  readAnswer,
  rulesSavedAnswer,
  signKeyAnswer,
  statusAnswer,
  tokenAnswer,
  type MediaAnswer,
  type RulesSavedAnswer,
  type StatusAnswer,
} from '../../wire/hubAnswers';
import type { z } from 'zod/mini';
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
/** An answer read with its schema, or why there is none (no hub, a refusal, not the hub's). */
export type Answer<T> = ({ ok: true } & T) | { ok: false; why: string };
/** The saved rules as the hub keeps them: each rule still unjudged (the editor reads them one by one). */
export type SavedRules = { ok: true; rules: unknown[] } | { ok: false; why: string };
type Posted = { ok: true; status: number; text: string } | { ok: false; why: string };
type Body = { json: unknown } | { bytes: Uint8Array<ArrayBuffer> };

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

  /** The media folder: its files and where it is on disk. */
  async media(): Promise<Answer<MediaAnswer>> {
    return this.#read(HUB_PATHS.media, mediaAnswer);
  }

  /** Uploads a file's bytes under `name` (the hub judges them again by their first bytes). */
  async upload(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<Answer<{ name: string }>> {
    const route = `${HUB_PATHS.media}?name=${encodeURIComponent(name)}`;
    return this.#done(await this.#send('POST', route, { bytes }));
  }

  async deleteMedia(name: string): Promise<Answer<{ name: string }>> {
    return this.#done(
      await this.#send('DELETE', `${HUB_PATHS.media}?name=${encodeURIComponent(name)}`),
    );
  }

  /** Where the page reads a media file: `/media/<name>` beside the hub. */
  mediaUrl(name: string): string {
    return this.#url(`${HUB_PATHS.mediaFiles}${encodeURIComponent(name)}`);
  }

  /** The saved rules file (`{ v: 1, rules: [] }` when none was saved). */
  async rules(): Promise<SavedRules> {
    const read = await this.#read(HUB_PATHS.rules, rulesFile);
    return read.ok ? { ok: true, rules: read.rules } : read;
  }

  /** Saves the rules: how many, and the problems of those the overlays will skip. */
  async saveRules(doc: RulesDoc): Promise<Answer<RulesSavedAnswer>> {
    const sent = await this.#send('PUT', HUB_PATHS.rules, { json: doc });
    if (!sent.ok) return sent;
    const answer = readAnswer(rulesSavedAnswer, sent.text);
    return isOk(sent.status) && answer ? { ok: true, ...answer } : notDone(sent);
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
  #post(route: string, body: unknown): Promise<Posted> {
    return this.#send('POST', route, { json: body });
  }

  /** A GET read with its schema: the data, or why there is none. */
  async #read<T extends object>(route: string, schema: z.ZodMiniType<T>): Promise<Answer<T>> {
    try {
      const res = await fetch(this.#url(route), { cache: 'no-store' });
      const text = await res.text();
      const answer = readAnswer(schema, text);
      if (res.ok && answer) return { ok: true, ...answer };
      return res.status === 404
        ? { ok: false, why: NO_HUB }
        : notDone({ status: res.status, text });
    } catch {
      return { ok: false, why: NO_HUB };
    }
  }

  /** A media POST or DELETE's answer: the file's name, or why it was not done. */
  #done(sent: Posted): Answer<{ name: string }> {
    if (!sent.ok) return sent;
    const answer = readAnswer(mediaDoneAnswer, sent.text);
    return isOk(sent.status) && answer ? { ok: true, name: answer.name } : notDone(sent);
  }

  /** A request with the token (JSON or a file's bytes): what the hub answered, or why nothing was. */
  async #send(method: 'POST' | 'PUT' | 'DELETE', route: string, body?: Body): Promise<Posted> {
    const token = await this.#tokenOnce();
    if ('why' in token) return { ok: false, why: token.why };
    const type = body && 'bytes' in body ? 'application/octet-stream' : 'application/json';
    try {
      const res = await fetch(this.#url(route), {
        method,
        headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': type },
        body: body === undefined ? null : 'bytes' in body ? body.bytes : JSON.stringify(body.json),
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
