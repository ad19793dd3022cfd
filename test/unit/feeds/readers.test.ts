import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flatGift,
  likeCount,
  nested20Gift,
  nested23Gift,
  tiktokBase,
} from '../../../src/feeds/tiktok.external';
import {
  parseLikeCount,
  parseTikTokGift,
  readTikTokBase,
  readTikTokGift,
} from '../../../src/feeds/tiktokParse';
import { envelope, readEnvelope } from '../../../src/feeds/tikfinity';
import { amount, flag, idString, millis } from '../../../src/feeds/wire';
import { INVALID, readAmount, readFlag, readId, readMillis } from '../../../src/feeds/wireRead';
import {
  FLAT_FOLLOW,
  FLAT_LIKE,
  FLAT_LION,
  FLAT_STREAK_STEP,
  NESTED_20_STEP,
  NESTED_23_END,
} from '../../fixtures/feeds/tiktok';

/**
 * The plain readers are a fast path in front of the zod schemas: for every input they must accept
 * exactly what the schema accepts, with the same value. Real payloads are mutated field by field
 * with values at every edge (numbers as strings, 2^53, -0, NaN, overlong text, wrong types).
 */

const EDGES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  1.5,
  1e9,
  1e9 + 1,
  1e14,
  2 ** 53,
  2 ** 53 - 1,
  NaN,
  Infinity,
  -Infinity,
  '',
  '0',
  '1',
  '007',
  '1e3',
  ' 1',
  '-1',
  '1.5',
  '9999999999',
  '1000000000',
  '12345678901',
  '1661887134397',
  '99999999999999999',
  'Rose',
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(2001),
  'x'.repeat(4097),
  [],
  ['https://a/b.png'],
  [1, 'https://a/c.png'],
  {},
  { url: ['u'] },
  { urlList: ['u'] },
  { urlList: 'u' },
];

const value = fc.oneof(fc.constantFrom(...EDGES), fc.anything());

/** Any schema, as far as these tests use it. */
interface Schema {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false };
}

function schemaRead(schema: Schema, input: unknown): unknown {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : INVALID;
}

describe('the wire readers', () => {
  it.each([
    ['amount', readAmount, amount],
    ['idString', readId, idString],
    ['millis', readMillis, millis],
    ['flag', readFlag, flag],
  ] as const)(
    '%s accepts exactly what its schema accepts, with the same value',
    (_, read, schema) => {
      for (const edge of EDGES) expect(read(edge), String(edge)).toEqual(schemaRead(schema, edge));
      fc.assert(
        fc.property(value, (v) => {
          expect(read(v)).toEqual(schemaRead(schema, v));
        }),
      );
    },
  );
});

describe('the TikFinity envelope reader', () => {
  it('accepts exactly what the envelope schema accepts, with the same event and data', () => {
    const frames = fc.oneof(
      value,
      fc.record(
        { event: fc.oneof(value, fc.string({ maxLength: 70 })), data: value, extra: value },
        { requiredKeys: [] },
      ),
    );
    const check = (input: unknown) => {
      const read = readEnvelope(input);
      expect(read ?? INVALID).toEqual(schemaRead(envelope, input));
    };
    for (const edge of EDGES) check(edge);
    for (const event of ['gift', 'x'.repeat(64), 'x'.repeat(65), 7, null])
      check({ event, data: {} });
    check({ event: 'gift' });
    fc.assert(fc.property(frames, check), { numRuns: 1_000 });
  });
});

/** Every path of a payload's fields, nested ones too. */
function pathsOf(base: Record<string, unknown>): string[][] {
  const paths: string[][] = [];
  const walk = (o: Record<string, unknown>, at: string[]) => {
    for (const [k, v] of Object.entries(o)) {
      paths.push([...at, k]);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) walk(v as never, [...at, k]);
    }
  };
  walk(base, []);
  return paths;
}

function withChanges(base: Record<string, unknown>, changes: { path: string[]; to: unknown }[]) {
  const copy = structuredClone(base);
  for (const { path, to } of changes) {
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      if (typeof next !== 'object' || next === null) break;
      target = next as Record<string, unknown>;
    }
    target[path.at(-1)!] = to;
  }
  return copy;
}

/** The payload with each field in turn set to each edge value, then up to 3 random changes. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const change = fc.record({ path: fc.constantFrom(...paths), to: value });
  return fc.array(change, { maxLength: 3 }).map((changes) => withChanges(base, changes));
}

function everySingleChange(base: Record<string, unknown>): unknown[] {
  return pathsOf(base).flatMap((path) => EDGES.map((to) => withChanges(base, [{ path, to }])));
}

/** The reader refuses exactly what the schema refuses, and reads the same value otherwise. */
function sameVerdict(
  read: unknown,
  schema: Schema,
  input: unknown,
  pick: (data: never) => unknown = (d) => d,
) {
  const slow = schema.safeParse(input);
  expect(read === INVALID, JSON.stringify(input)?.slice(0, 300)).toBe(!slow.success);
  if (slow.success) expect(read).toEqual(pick(slow.data as never));
}

describe('the TikTok readers', () => {
  const gifts = [
    ['flat', FLAT_LION, flatGift],
    ['flat streak step', FLAT_STREAK_STEP, flatGift],
    ['nested 2.0', NESTED_20_STEP, nested20Gift],
    ['nested 2.3', NESTED_23_END, nested23Gift],
  ] as const;

  it.each(gifts)('read a %s gift exactly as its schema does', (_, payload, schema) => {
    sameVerdict(readTikTokGift(payload), schema, payload);
    expect(parseTikTokGift(payload).ok).toBe(true);
    const check = (input: unknown) => {
      // The shape is picked by structure; a mutation may turn one shape into another.
      const picked =
        typeof input === 'object' && input !== null && !Array.isArray(input)
          ? 'gift' in input
            ? nested23Gift
            : 'giftDetails' in input
              ? nested20Gift
              : flatGift
          : flatGift;
      sameVerdict(readTikTokGift(input), picked, input);
    };
    for (const input of everySingleChange(payload)) check(input);
    fc.assert(fc.property(mutated(payload), check), { numRuns: 400 });
  });

  it.each([
    ['flat follow', FLAT_FOLLOW],
    ['nested 2.0 gift', NESTED_20_STEP],
    ['nested 2.3 gift', NESTED_23_END],
  ] as const)('read the sender of a %s exactly as the base schema does', (_, payload) => {
    for (const input of everySingleChange(payload)) {
      sameVerdict(readTikTokBase(input), tiktokBase, input);
    }
    fc.assert(
      fc.property(mutated(payload), (input) =>
        sameVerdict(readTikTokBase(input), tiktokBase, input),
      ),
      { numRuns: 400 },
    );
  });

  it('reads a like count exactly as its schema does', () => {
    fc.assert(
      fc.property(mutated(FLAT_LIKE), (input) => {
        const parsed = parseLikeCount(input);
        const read = parsed.ok ? parsed.data : INVALID;
        sameVerdict(read, likeCount, input, (d: { likeCount?: number }) => d.likeCount);
      }),
    );
  });

  it('names the refused field, as the schema does', () => {
    expect(parseTikTokGift({ ...FLAT_LION, diamondCount: -5 })).toEqual({
      ok: false,
      problem: 'diamondCount: number below 0',
    });
  });
});
