import { MAX_FRAME_CHARS } from './frames';
import {
  CLOSE_OBJECT,
  closedAt,
  FAIL,
  memberValue,
  nextItem,
  OPEN_OBJECT,
  primitiveEnd,
  QUOTE,
  stringEnd,
  UNSAFE_TEXT,
  valueEnd,
} from './jsonSkip';

/**
 * TikFinity frames read without building what Giftglow never reads. JSON.parse of a ~740-char
 * gift frame builds two dozen fields (profile URLs, describe, receiverUserId...) of which the
 * readers use a handful, and costs more than the whole rest of the pipeline. This walks the text
 * once, checking its grammar, and keeps only the top-level `event` and the keys of `data` the flat
 * TikTok readers read (tiktokParse.ts, tiktok.external.ts). Whenever it is not sure, it says
 * undefined and the caller runs the general path (JSON.parse, envelope) on the same text:
 * test/unit/feeds/tiktokText.test.ts holds both paths to the same mapped results.
 */

export type Primitive = string | number | boolean | null;
type Data = Record<string, Primitive>;

export interface TikFinityFrame {
  event: string;
  data: Data;
}

/** The envelope's limit on `event` (tikfinity.ts). */
export const EVENT_MAX = 64;

type Setter = (data: Data, value: Primitive) => void;

interface Key {
  name: string;
  /** One store site per key: V8 stores with a computed key are ~4x slower (measured). */
  set: Setter | null;
}

/** Everything the flat readers read: user, message, streak, gift, like count, legacy social. */
const READ_KEYS: Key[] = [
  { name: 'userId', set: (d, v) => (d.userId = v) },
  { name: 'uniqueId', set: (d, v) => (d.uniqueId = v) },
  { name: 'nickname', set: (d, v) => (d.nickname = v) },
  { name: 'profilePictureUrl', set: (d, v) => (d.profilePictureUrl = v) },
  { name: 'msgId', set: (d, v) => (d.msgId = v) },
  { name: 'createTime', set: (d, v) => (d.createTime = v) },
  { name: 'giftId', set: (d, v) => (d.giftId = v) },
  { name: 'repeatCount', set: (d, v) => (d.repeatCount = v) },
  { name: 'repeatEnd', set: (d, v) => (d.repeatEnd = v) },
  { name: 'groupId', set: (d, v) => (d.groupId = v) },
  { name: 'giftType', set: (d, v) => (d.giftType = v) },
  { name: 'diamondCount', set: (d, v) => (d.diamondCount = v) },
  { name: 'giftName', set: (d, v) => (d.giftName = v) },
  { name: 'giftPictureUrl', set: (d, v) => (d.giftPictureUrl = v) },
  { name: 'likeCount', set: (d, v) => (d.likeCount = v) },
  { name: 'displayType', set: (d, v) => (d.displayType = v) },
];
/** Keys that make the readers pick a nested shape (`set: null`): such frames take the general path. */
const NESTED_KEYS: Key[] = ['gift', 'giftDetails', 'common', 'user'].map((name) => ({
  name,
  set: null,
}));

/** Keys by length and first char: a key in the text is sliced and compared with one name or two. */
const KEY_TABLE: (Key[] | undefined)[] = [];
const MAX_KEY = 17;
const slot = (length: number, first: number) => length * 128 + first;
for (const key of [...READ_KEYS, ...NESTED_KEYS]) {
  (KEY_TABLE[slot(key.name.length, key.name.charCodeAt(0))] ??= []).push(key);
}

function keyAt(text: string, start: number, end: number): Key | undefined {
  const first = text.charCodeAt(start);
  if (end - start > MAX_KEY || first >= 128) return undefined;
  const keys = KEY_TABLE[slot(end - start, first)];
  if (keys === undefined) return undefined;
  const name = text.slice(start, end);
  for (const key of keys) if (key.name === name) return key;
  return undefined;
}

export function scanTikFinityFrame(text: string): TikFinityFrame | undefined {
  if (text.length > MAX_FRAME_CHARS || UNSAFE_TEXT.test(text)) return undefined;
  if (text.charCodeAt(0) !== OPEN_OBJECT) return undefined;
  let event: string | undefined;
  let data: Data | undefined;
  let i = 1;
  while (i >= 0) {
    const value = text.charCodeAt(i) === QUOTE ? memberValue(text, i) : FAIL;
    if (value === FAIL) return undefined;
    let end: number;
    if (value - i === 8 && text.startsWith('event', i + 1)) {
      // A later duplicate wins in JSON.parse; a non-string one is left to the envelope's check.
      if (text.charCodeAt(value) !== QUOTE) return undefined;
      end = stringEnd(text, value);
      event = text.slice(value + 1, end - 1);
    } else if (value - i === 7 && text.startsWith('data', i + 1)) {
      if (text.charCodeAt(value) !== OPEN_OBJECT) return undefined;
      data = {};
      end = readData(text, value, data);
    } else {
      end = valueEnd(text, value, 1);
    }
    if (end === FAIL) return undefined;
    i = nextItem(text, end, CLOSE_OBJECT);
  }
  if (closedAt(i) !== text.length || data === undefined) return undefined;
  return event !== undefined && event.length <= EVENT_MAX ? { event, data } : undefined;
}

/** `i` at `data`'s `{`: copies the read keys into `data`; the index past the object, or FAIL. */
function readData(text: string, i: number, data: Data): number {
  if (text.charCodeAt(i + 1) === CLOSE_OBJECT) return i + 2;
  i += 1;
  while (i >= 0) {
    const value = text.charCodeAt(i) === QUOTE ? memberValue(text, i) : FAIL;
    if (value === FAIL) return FAIL;
    const key = keyAt(text, i + 1, value - 2);
    let end: number;
    if (key === undefined) {
      end = valueEnd(text, value, 2);
    } else {
      if (key.set === null) return FAIL;
      end = storePrimitive(text, value, key.set, data);
    }
    if (end === FAIL) return FAIL;
    i = nextItem(text, end, CLOSE_OBJECT);
  }
  return closedAt(i);
}
/**
 * Stores the primitive at `i` with `set`: the index past it, or FAIL (also for an object or array
 * where a reader wants a primitive: the general path says why).
 */
function storePrimitive(text: string, i: number, set: Setter, data: Data): number {
  const c = text.charCodeAt(i);
  const end = c === QUOTE ? stringEnd(text, i) : primitiveEnd(text, i);
  if (end === FAIL) return FAIL;
  if (c === QUOTE) set(data, text.slice(i + 1, end - 1));
  else
    set(data, c === 0x74 ? true : c === 0x66 ? false : c === 0x6e ? null : numberAt(text, i, end));
  return end;
}

/** Whole numbers below 10^15 are exact as doubles, so their digits are added up in place. */
function numberAt(text: string, i: number, end: number): number {
  if (end - i > 15) return Number(text.slice(i, end));
  let n = 0;
  for (let k = i; k < end; k += 1) {
    const digit = text.charCodeAt(k) - 0x30;
    if (digit < 0 || digit > 9) return Number(text.slice(i, end));
    n = n * 10 + digit;
  }
  return n;
}
