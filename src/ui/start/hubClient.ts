import type { ScheduledFrame } from './testAlerts';

/**
 * The start page's side of the hub (src/hub): the token from a same-origin fetch (never in a URL),
 * test frames sent with it, and how many overlays listen. Every answer is data, never a throw: a
 * start page served without the hub (npm run build + another server) just says so.
 */

export interface HubStatus {
  reachable: boolean;
  overlays: number;
  refused: Record<string, number>;
}

export type SendResult = { ok: true; overlays: number } | { ok: false; why: string };

export class HubClient {
  readonly #base: string;
  #token: Promise<string | null> | null = null;

  constructor(pageHref: string) {
    this.#base = new URL('/hub/', pageHref).href;
  }

  async status(): Promise<HubStatus> {
    try {
      const res = await fetch(this.#base + 'status', { cache: 'no-store' });
      if (!res.ok) return { reachable: false, overlays: 0, refused: {} };
      const body = (await res.json()) as { overlays?: unknown; refused?: unknown };
      const overlays = typeof body.overlays === 'number' ? body.overlays : 0;
      const refused = (body.refused ?? {}) as Record<string, number>;
      return { reachable: true, overlays, refused };
    } catch {
      return { reachable: false, overlays: 0, refused: {} };
    }
  }

  async send(frame: ScheduledFrame['frame']): Promise<SendResult> {
    const token = await this.#tokenOnce();
    if (token === null)
      return { ok: false, why: 'no hub here: run npm start and open its start page' };
    try {
      const res = await fetch(this.#base + 'events', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(frame),
      });
      const body = (await res.json()) as { overlays?: number; refused?: string; detail?: string };
      if (res.ok) return { ok: true, overlays: body.overlays ?? 0 };
      return { ok: false, why: `refused (${body.refused ?? res.status}): ${body.detail ?? ''}` };
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

  #tokenOnce(): Promise<string | null> {
    this.#token ??= fetch(this.#base + 'token', { cache: 'no-store' })
      .then(async (res) =>
        res.ok ? (((await res.json()) as { token?: string }).token ?? null) : null,
      )
      .catch(() => null);
    return this.#token;
  }
}
