import { z } from 'zod/mini';
import { PROTOCOL_VERSION } from './protocol.ts';

/**
 * The heartbeat of protocol v1 (docs/feed-protocol.md): a sender that promises a frame every
 * `every` ms lets the overlay replace a dead connection after three missed beats. Not an event: the
 * hub sends it to overlays, and a feed reads it before mapping events.
 */

const heartbeat = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.literal('heartbeat'),
  every: z.int().check(z.minimum(1000), z.maximum(300_000)),
});

type Heartbeat = z.output<typeof heartbeat>;

/** The frame that promises a beat every `everyMs`, as text to send. */
export function heartbeatFrame(everyMs: Heartbeat['every']): string {
  const beat: Heartbeat = { v: PROTOCOL_VERSION, type: 'heartbeat', every: everyMs };
  return JSON.stringify(beat);
}

/** The promised interval (ms) when `json` is a heartbeat, else null (an event frame, or junk). */
export function heartbeatEvery(json: unknown): number | null {
  const beat = heartbeat.safeParse(json);
  return beat.success ? beat.data.every : null;
}
