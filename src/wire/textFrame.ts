import type { DropReason } from './dropReasons.ts';

/**
 * The first gate of every raw socket: a frame must be text, not too large, and JSON. Anything
 * else is a counted drop, never an exception, and never a reason to close the connection.
 */

/** 64 KiB of text: far above any real gift frame (~1-2 kB), far below what could stall a page. */
export const MAX_FRAME_CHARS = 64 * 1024;

export type FrameResult =
  { ok: true; json: unknown } | { ok: false; reason: DropReason; detail: string };

export function readFrame(data: unknown, maxChars = MAX_FRAME_CHARS): FrameResult {
  if (typeof data !== 'string') return { ok: false, reason: 'binary', detail: 'binary frame' };
  if (data.length > maxChars) {
    return { ok: false, reason: 'oversized', detail: `${data.length} chars > ${maxChars}` };
  }
  try {
    return { ok: true, json: JSON.parse(data) as unknown };
  } catch {
    return { ok: false, reason: 'not-json', detail: data.slice(0, 60) };
  }
}
