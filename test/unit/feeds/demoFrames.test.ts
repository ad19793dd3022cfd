import { describe, expect, it } from 'vitest';
import { DEMO_GIFTERS, DEMO_GIFTS } from '../../../src/feeds/demo/demoCast';
import { DemoScript } from '../../../src/feeds/demo/DemoScript';
import { mapTikTok } from '../../../src/feeds/tiktok/mapTikTok';
import { giftFrame, socialFrame } from '../../fixtures/feeds/tiktok/connector';
import { SCALE } from './scale';

/** Every key path of a JSON value with the type found there: what tells two producers apart. */
function shape(value: unknown, path = '$'): string[] {
  if (Array.isArray(value))
    return [`${path}: array`, ...value.flatMap((v) => shape(v, `${path}[]`))];
  if (value !== null && typeof value === 'object')
    return [
      `${path}: object`,
      ...Object.entries(value).flatMap(([k, v]) => shape(v, `${path}.${k}`)),
    ].sort();
  return [`${path}: ${value === null ? 'null' : typeof value}`];
}

const frames = new DemoScript({ seed: 7, rate: 60, start: 1_700_000_000_000 }).take(
  1_700_000_000_000 + 2 * 60_000,
);

/** The connector's own frame for what a demo frame says. */
function connectorTwin(event: string, data: Record<string, unknown>) {
  const gifter = DEMO_GIFTERS.find((g) => g.userId === data.userId);
  if (!gifter) throw new Error(`unknown demo gifter ${String(data.userId)}`);
  const from = { ...gifter, pictures: [] };
  if (event === 'follow')
    return socialFrame(String(data.msgId), 'follow', 'follow', from, Number(data.createTime));
  const gift = DEMO_GIFTS.find((g) => Number(g.id) === data.giftId);
  if (!gift) throw new Error(`unknown demo gift ${String(data.giftId)}`);
  return giftFrame({
    msgId: String(data.msgId),
    from,
    gift: { ...gift, id: Number(gift.id), type: gift.streakable ? 1 : 2, image: '' },
    repeatCount: Number(data.repeatCount),
    repeatEnd: data.repeatEnd === true,
    groupId: String(data.groupId),
    createTime: Number(data.createTime),
  });
}

describe('the demo feed speaks the real producer', () => {
  it('sends gifts and follows', () => {
    expect(new Set(frames.map((f) => f.frame.event))).toEqual(new Set(['gift', 'follow']));
  });

  const twins = frames.map(({ frame }) => connectorTwin(frame.event, frame.data));

  it('makes frames with exactly the keys and types the connector makes, compat object included', () => {
    for (const [i, { frame }] of frames.entries()) {
      const twin = twins[i]!;
      expect(shape(frame.data)).toEqual(shape(twin.data));
      expect(frame.data.gift ?? null).toEqual(twin.data.gift ?? null);
    }
  });

  it('maps each frame to the same event as its connector-made twin', () => {
    for (const [i, { frame }] of frames.entries()) {
      const twin = twins[i]!;
      expect(mapTikTok(frame.event, frame.data, SCALE, 0)).toEqual(
        mapTikTok(twin.event, twin.data, SCALE, 0),
      );
    }
  });
});
