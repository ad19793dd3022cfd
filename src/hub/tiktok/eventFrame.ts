import { MAX_FRAME_CHARS } from '../../wire/textFrame.ts';

/**
 * One event of the library as the text frame an overlay reads (`{event, data}`, as TikFinity sends
 * it, so the page's one TikTok reader reads it): the data passed through as it came, ids and all
 * (the page dedupes by msgId and joins streak steps by their combo key), without the protobuf
 * bytes fields the library leaves as Buffers (unused, and JSON would spell them out as arrays).
 * Null when it cannot be a frame: too large for the overlay's frame gate, or not serializable.
 */
export function eventFrame(event: string, data: unknown): string | null {
  let text: string;
  try {
    text = JSON.stringify({ event, data }, function (this: unknown, key: string, value: unknown) {
      const original = (this as Record<string, unknown>)[key];
      return ArrayBuffer.isView(original) ? undefined : value;
    });
  } catch {
    return null;
  }
  return text.length > MAX_FRAME_CHARS ? null : text;
}
