import { DEFAULT_SCALE } from '../core/event/value.ts';
import type { DropReason } from '../wire/dropReasons.ts';
import { readFrame, MAX_FRAME_CHARS } from '../wire/textFrame.ts';
import { mapProtocolFrame } from '../wire/protocol.ts';

/**
 * What the hub forwards: a frame of Giftglow protocol v1 events, judged by the very schema and
 * mapping the overlay uses (so the hub never forwards what an overlay would drop). A frame is
 * forwarded whole or not at all: a sender learns at once that its frame is wrong, with the reason.
 */

/** Events in one frame at most (a gift bomb of 100 with its header still fits). */
export const MAX_EVENTS_PER_FRAME = 101;

export type Judgement =
  { ok: true; events: number; text: string } | { ok: false; reason: DropReason; detail: string };

export function judgeFrame(text: string, now: number, maxChars = MAX_FRAME_CHARS): Judgement {
  const frame = readFrame(text, maxChars);
  if (!frame.ok) return frame;
  const items = Array.isArray(frame.json) ? frame.json : [frame.json];
  if (items.length > MAX_EVENTS_PER_FRAME) {
    return {
      ok: false,
      reason: 'too-many',
      detail: `${items.length} events > ${MAX_EVENTS_PER_FRAME}`,
    };
  }
  const results = mapProtocolFrame(frame.json, DEFAULT_SCALE, now);
  for (const [i, result] of results.entries()) {
    if (result.kind === 'event') continue;
    const where = Array.isArray(frame.json) ? `event ${i}: ` : '';
    const reason = result.kind === 'drop' ? result.reason : 'ignored';
    const detail = result.kind === 'drop' ? (result.detail ?? result.reason) : 'nothing to show';
    return { ok: false, reason, detail: where + detail };
  }
  // Forwarded as sent (the overlay parses it again): JSON.stringify drops any formatting.
  return { ok: true, events: results.length, text: JSON.stringify(frame.json) };
}
