import { describe, expect, it } from 'vitest';
import { DemoScript } from '../../../src/feeds/demo/DemoScript';

function run(seed: number, rate: number, minutes: number) {
  return new DemoScript({ seed, rate, start: 0 }).take(minutes * 60_000);
}

describe('the demo script', () => {
  it('replays exactly for the same seed and rate', () => {
    expect(run(7, 40, 3)).toEqual(run(7, 40, 3));
  });

  it('gives a different sequence for another seed', () => {
    expect(run(8, 40, 3)).not.toEqual(run(7, 40, 3));
  });

  it('delivers frames in time order, however it is read', () => {
    const script = new DemoScript({ seed: 3, rate: 120, start: 1000 });
    const frames = [];
    for (let t = 1000; t < 60_000; t += 777) frames.push(...script.take(t));
    const whole = new DemoScript({ seed: 3, rate: 120, start: 1000 }).take(60_000 - 1);
    expect(frames.map((f) => f.at)).toEqual(whole.slice(0, frames.length).map((f) => f.at));
    for (let i = 1; i < frames.length; i++)
      expect(frames[i]!.at).toBeGreaterThanOrEqual(frames[i - 1]!.at);
  });

  it('starts about `rate` gifts per minute', () => {
    const frames = run(11, 60, 10);
    const starts = new Set(frames.map((f) => String(f.frame.data.groupId || f.frame.data.msgId)));
    expect(starts.size).toBeGreaterThan(450);
    expect(starts.size).toBeLessThan(750);
  });

  it('sends streaks as cumulative steps ending with repeatEnd, with 64-bit ids as strings', () => {
    const gifts = run(5, 60, 5)
      .filter((f) => f.frame.event === 'gift')
      .map((f) => f.frame.data);
    const streak = gifts.filter(
      (g) => g.giftType === 1 && g.groupId === gifts.find((x) => x.giftType === 1)?.groupId,
    );
    const counts = streak.map((g) => g.repeatCount as number);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    for (const g of gifts) {
      expect(typeof g.msgId).toBe('string');
      expect(typeof g.userId).toBe('string');
      expect(String(g.msgId)).toMatch(/^\d{19}$/);
    }
    expect(gifts.some((g) => g.repeatEnd === true)).toBe(true);
    expect(gifts.some((g) => g.giftType === 2)).toBe(true);
  });

  it('includes non-Latin and emoji gifter names', () => {
    const names = new Set(run(2, 120, 5).map((f) => String(f.frame.data.nickname)));
    expect([...names].some((n) => /\p{Script=Han}/u.test(n))).toBe(true);
    expect([...names].some((n) => /\p{Script=Arabic}|\p{Script=Hebrew}/u.test(n))).toBe(true);
    expect([...names].some((n) => /\p{Extended_Pictographic}/u.test(n))).toBe(true);
  });
});
