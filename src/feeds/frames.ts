/**
 * The first gate of every raw socket: a frame must be text, not too large, and JSON. Anything
 * else is a counted drop, never an exception, and never a reason to close the connection.
 * The gate and the parse are apart so a feed may read the text its own faster way first
 * (tikfinity.ts), with the same size limit in front.
 */

/** 64 KiB of text: far above any real gift frame (~1-2 kB), far below what could stall a page. */
export const MAX_FRAME_CHARS = 64 * 1024;

export type FrameDrop = { ok: false; reason: string; detail: string };
export type FrameText = { ok: true; text: string } | FrameDrop;
export type FrameResult = { ok: true; json: unknown } | FrameDrop;

/** Text within the size limit, or why not. */
export function gateFrame(data: unknown, maxChars = MAX_FRAME_CHARS): FrameText {
  if (typeof data !== 'string') return { ok: false, reason: 'binary', detail: 'binary frame' };
  if (data.length > maxChars) {
    return { ok: false, reason: 'oversized', detail: `${data.length} chars > ${maxChars}` };
  }
  return { ok: true, text: data };
}

export function parseFrame(text: string): FrameResult {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'not-json', detail: text.slice(0, 60) };
  }
}

export function readFrame(data: unknown, maxChars = MAX_FRAME_CHARS): FrameResult {
  const gate = gateFrame(data, maxChars);
  return gate.ok ? parseFrame(gate.text) : gate;
}
