import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanTikFinityFrame } from '../../../src/feeds/tiktokText';
import { fastPath, generalPath } from './tikfinityPaths';

/**
 * The central proof of the fast path: whenever the scanner returns a frame, mapping it gives
 * exactly what JSON.parse, the envelope and the mapping give for the same text; and a text that is
 * not JSON never yields a frame. Frames are built member by member (so keys repeat, as JSON
 * allows), then mutated char by char into near-JSON and garbage.
 */

const READ = ['giftId', 'repeatCount', 'repeatEnd', 'groupId', 'userId', 'uniqueId', 'nickname'];
const READ_TOO = ['profilePictureUrl', 'msgId', 'createTime', 'giftType', 'diamondCount'];
const READ_ALSO = ['giftName', 'giftPictureUrl', 'likeCount', 'displayType'];
const OTHER = ['describe', 'followRole', 'timestamp', 'userBadges', 'gift', 'user', 'common', ''];
const key = fc.oneof(fc.constantFrom(...READ, ...READ_TOO, ...READ_ALSO, ...OTHER), fc.string());

const WEIRD_NUMBERS = ['-0', '1e5', '1.5E-3', '0.1', '1e400', '-1', '9007199254740993', '1E+2'];
const NOT_NUMBERS = ['01', '-', '1.', '.5', '+1', '1e', '-01', '1e+', '0x1', 'tru', 'nul'];
const ID_TEXT = fc.stringMatching(/^\d{1,20}$/);
const name = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('Zerody Tester', '🌹 Rose', 'a"b', 'follow', 'share', 'pm_main_follow_x'),
);
const json = (value: unknown) => JSON.stringify(value);
/** JSON text of a value; raw lone surrogates are valid JSON too, and JSON.stringify escapes them. */
const valueText = fc.oneof(
  name.map(json),
  fc.constantFrom('"\ud800"', '"a\udc00b"'),
  ID_TEXT.map(json),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1, 2 ** 53, 1e9 + 1)).map(String),
  fc.constantFrom(...WEIRD_NUMBERS, ...NOT_NUMBERS, 'true', 'false', 'null'),
  fc.jsonValue({ maxDepth: 3 }).map(json),
);
const member = fc.tuple(key, valueText).map(([k, v]) => `${json(k)}:${v}`);

/** A value each reader accepts, so that frames map to events, not only to drops. */
const id = fc.oneof(ID_TEXT.map(json), fc.nat().map(String), fc.maxSafeNat().map(String));
const amount = fc.oneof(
  fc.nat({ max: 50_000 }).map(String),
  fc.stringMatching(/^\d{1,4}$/).map(json),
);
const flag = fc.constantFrom('true', 'false', '0', '1');
const GOOD: Record<string, fc.Arbitrary<string>> = {
  giftId: id,
  repeatCount: amount,
  repeatEnd: flag,
  groupId: id,
  userId: id,
  uniqueId: name.map(json),
  nickname: name.map(json),
  profilePictureUrl: fc.webUrl().map(json),
  msgId: id,
  createTime: fc.oneof(ID_TEXT.map(json), fc.maxSafeNat().map(String)),
  giftType: amount,
  diamondCount: amount,
  giftName: name.map(json),
  giftPictureUrl: fc.webUrl().map(json),
  likeCount: amount,
  displayType: fc.constantFrom('pm_main_follow_message', 'pm_mt_guidance_share', 'x').map(json),
};
/** Good members (some left out), random ones, and repeated ones, in any order. */
const dataText = fc
  .tuple(
    fc
      .record(GOOD)
      .chain((good) => fc.subarray(Object.entries(good).map(([k, v]) => `${json(k)}:${v}`))),
    fc.array(member, { maxLength: 6 }),
  )
  .chain(([good, other]) => {
    const all = [...good, ...other];
    return fc.shuffledSubarray(all, { minLength: all.length });
  })
  .map((members) => `{${members.join(',')}}`);
const event = fc.oneof(
  fc.constantFrom('gift', 'like', 'follow', 'share', 'social', 'chat'),
  name,
  fc.string({ minLength: 62, maxLength: 66 }),
);

/** A frame: the envelope's members in any order, `data` sometimes repeated, sometimes extras. */
const frameText = fc
  .tuple(
    event,
    fc.array(dataText, { minLength: 1, maxLength: 2 }),
    fc.array(member, { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([ev, datas, extras, eventLast]) => {
    const data = datas.map((d) => `"data":${d}`);
    const head = `"event":${json(ev)}`;
    const members = eventLast ? [...extras, ...data, head] : [head, ...data, ...extras];
    return `{${members.join(',')}}`;
  });

const CHARS = ['"', '{', '}', '[', ']', ',', ':', '0', '1', '-', '.', 'e', '+', ' ', 'x', 't'];
const ODD = ['\n', '\\', '\u0000', '\u001f', '\ud800', '\udc00', '\u00e9'];
const char = fc.constantFrom(...CHARS, ...ODD);

/** One edit: cut the text, or delete, insert or replace one char. */
const mutated = fc
  .tuple(frameText, fc.nat(), fc.constantFrom('cut', 'delete', 'insert', 'replace'), char)
  .map(([text, at, edit, c]) => {
    const i = at % (text.length + 1);
    if (edit === 'cut') return text.slice(0, i);
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + c + text.slice(edit === 'insert' ? i : i + 1);
  });

function agrees(text: string): void {
  if (scanTikFinityFrame(text) === undefined) return;
  const general = generalPath(text);
  expect(general, 'the scanner took a text that is not JSON').toBeDefined();
  expect(fastPath(text)).toStrictEqual(general);
}

describe('the TikFinity scanner and the general path', () => {
  it('map every frame the scanner takes to the same result', () => {
    fc.assert(fc.property(frameText, agrees), { numRuns: 3000 });
  });

  it('agree on frames edited into near-JSON and garbage, which the scanner never takes', () => {
    fc.assert(fc.property(fc.oneof(mutated, fc.string({ unit: 'binary' })), agrees), {
      numRuns: 5000,
    });
  });

  it('agree on the fields of real gifts, and the scanner takes every such gift', () => {
    const plain = fc.string({ unit: 'grapheme' }).filter((s) => !/["\\\u0000-\u001f]/.test(s));
    const gift = fc.record({
      giftId: fc.oneof(fc.nat(), ID_TEXT),
      repeatCount: fc.nat({ max: 10_000 }),
      repeatEnd: fc.boolean(),
      groupId: ID_TEXT,
      userId: ID_TEXT,
      uniqueId: plain,
      nickname: plain,
      profilePictureUrl: fc.webUrl(),
      followRole: fc.nat({ max: 2 }),
      userBadges: fc.array(fc.record({ type: plain, level: fc.nat() }), { maxLength: 3 }),
      msgId: ID_TEXT,
      createTime: ID_TEXT,
      giftType: fc.nat({ max: 3 }),
      diamondCount: fc.nat({ max: 50_000 }),
      giftName: plain,
      giftPictureUrl: fc.webUrl(),
      timestamp: fc.nat(),
    });
    fc.assert(
      fc.property(gift, (data) => {
        const text = JSON.stringify({ event: 'gift', data });
        expect(scanTikFinityFrame(text)).toBeDefined();
        agrees(text);
      }),
      { numRuns: 1000 },
    );
  });
});
