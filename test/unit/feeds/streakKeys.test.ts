import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreakKeys, streakKey } from '../../../src/feeds/streakKeys';
import { tiktokSender } from '../../fixtures/core/events';

const zerody = tiktokSender('6813181309701719620', 'zerodytester', 'Zerody Tester');
const other = tiktokSender('6813181309701719621', 'other', 'Other');

describe('streak keys', () => {
  it('gives every step of a streak the same key, whatever new strings its parts arrive in', () => {
    const keys = new StreakKeys();
    const first = keys.key(zerody, '5655', '1661887131074');
    // A later step: equal parts read from a new frame (new string objects).
    const again = keys.key({ ...zerody, id: `${zerody.id}` }, String(5655), `1661887131074`);
    expect(again).toBe(first);
    expect(first).toBe('tiktok:6813181309701719620:5655:1661887131074');
  });

  it('keeps streaks apart when only the sender or the gift differs under one group id', () => {
    const keys = new StreakKeys();
    const mine = keys.key(zerody, '5655', '7');
    expect(keys.key(other, '5655', '7')).toBe('tiktok:6813181309701719621:5655:7');
    expect(keys.key(zerody, '5827', '7')).toBe('tiktok:6813181309701719620:5827:7');
    expect(keys.key(zerody, '5655', '7')).toBe(mine);
  });

  it('keys a streak without group id by sender and gift', () => {
    expect(new StreakKeys().key(zerody, '5655', undefined)).toBe('tiktok:6813181309701719620:5655');
  });

  it('always gives the same key as joining sender, gift and group', () => {
    const step = fc.record({
      user: fc.constantFrom(zerody, other),
      gift: fc.constantFrom('5655', '5827', '1'),
      group: fc.option(fc.constantFrom('1', '2', '1661887131074'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const keys = new StreakKeys();
        for (const { user, gift, group } of steps)
          expect(keys.key(user, gift, group)).toBe(streakKey(user, gift, group));
      }),
    );
  });
});
