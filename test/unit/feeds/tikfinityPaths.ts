import { readFrame } from '../../../src/feeds/frames';
import { mapTikFinityJson } from '../../../src/feeds/tikfinity';
import { mapTikTok } from '../../../src/feeds/tiktok';
import { scanTikFinityFrame } from '../../../src/feeds/tiktokText';
import type { MapResult } from '../../../src/feeds/wire';
import { SCALE } from './scale';

/** The two ways a TikFinity text frame can be mapped, as the feed runs them. */

export const AT = 1_700_000_000_000;

/** JSON.parse, the envelope, then the TikTok mapping; undefined for a text that is not JSON. */
export function generalPath(text: string): MapResult | undefined {
  const frame = readFrame(text);
  return frame.ok ? mapTikFinityJson(frame.json, SCALE, AT) : undefined;
}

/** The scanner, then the TikTok mapping; undefined when the scanner is not sure. */
export function fastPath(text: string): MapResult | undefined {
  const frame = scanTikFinityFrame(text);
  return frame && mapTikTok(frame.event, frame.data, SCALE, AT);
}
