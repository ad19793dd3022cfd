import { describe, expect, it } from 'vitest';
import { AlertQueue } from '../../../../src/core/alerts/AlertQueue';
import { calloutOf } from '../../../../src/ui/alerts/calloutModel';
import { moment, OPTIONS } from '../../core/queueMoments';

function firstAlert(...moments: Parameters<typeof moment>[0][]) {
  const q = new AlertQueue({ ...OPTIONS, slots: 1 });
  q.push(moment({ id: 'busy' }), 0);
  q.advance(0);
  for (const m of moments) q.push(moment(m), 1);
  return q.advance(60_000).started[0]!;
}

describe('calloutOf', () => {
  it('names the gifter and shows a combo with its count and built-in art', () => {
    const view = calloutOf(
      firstAlert({ id: 's', name: 'Ann', giftId: '5655', count: 12, value: 12 }),
    );
    expect(view).toMatchObject({
      names: ['Ann'],
      gift: 'Rose',
      emoji: '🌹',
      count: 12,
      mixed: false,
    });
  });

  it.each([
    { kind: 'like', gift: 'Likes', count: 10_000, unit: 'likes' },
    { kind: 'raid', gift: 'Raid', count: 42, unit: 'raiders' },
    { kind: 'raid', gift: 'Raid', count: 1, unit: 'raider' },
    { kind: 'cheer', gift: 'Bits', count: 100, unit: 'bits' },
    { kind: 'sub', gift: 'TikTok sub', count: 3, unit: 'months' },
    { kind: 'gift', gift: 'Rose', count: 5, unit: null },
    { kind: 'giftsub', gift: 'Tier 1 gift subs', count: 20, unit: null },
  ] as const)('counts a $kind as "$unit" ($count)', ({ kind, gift, count, unit }) => {
    const view = calloutOf(firstAlert({ id: 'k', kind, gift, count, value: 1 }));
    expect(view.unit).toBe(unit);
  });

  it("puts each gift's count in the label when a gifter's gifts are coalesced", () => {
    const view = calloutOf(
      firstAlert(
        { id: 'a', userKey: 'u', gift: 'Rose', count: 5, value: 5 },
        { id: 'b', userKey: 'u', gift: 'Cap', count: 1, value: 99 },
      ),
    );
    expect(view.gift).toBe('Rose x5 + Cap');
    expect(view.mixed).toBe(true);
    expect(view.value).toBe(104);
  });

  it('turns a summary into "+N more" with the biggest gifters', () => {
    const q = new AlertQueue({ ...OPTIONS, maxLength: 1 });
    q.push(moment({ id: 'busy' }), 0);
    q.advance(0);
    q.push(moment({ id: 'a', name: 'Ann', value: 5 }), 1);
    q.push(moment({ id: 'b', name: 'Bo', value: 9 }), 1);
    q.push(moment({ id: 'c', name: 'Cy', value: 7 }), 1);
    let summary;
    for (let t = 0; t < 30_000; t += 100) {
      summary ??= q.advance(t).started.find((a) => a.kind === 'summary');
    }
    expect(calloutOf(summary!)).toMatchObject({ kind: 'summary', count: 2, names: ['Cy', 'Ann'] });
  });

  it("carries a rule's own text, and the page's template (null) when no rule gave one", () => {
    const alert = firstAlert({ id: 'l', name: 'Leo', gift: 'Lion', value: 29999 });
    expect(calloutOf(alert).text).toBeNull();
    alert.look = { text: 'ROAR for {name}!' };
    expect(calloutOf(alert).text).toBe('ROAR for {name}!');
  });
});
