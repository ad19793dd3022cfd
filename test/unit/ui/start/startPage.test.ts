import { describe, expect, it } from 'vitest';
import { groupOf, PARAMS, type ParamRow } from '../../../../src/core/config/config';
import { DEFAULT_SCALE } from '../../../../src/core/event/value';
import { mapProtocolFrame } from '../../../../src/wire/protocol';
import { judgeFrame } from '../../../../src/hub/judgeFrame';
import { groupParams } from '../../../../src/ui/start/groupParams';
import { HOSTILE_NAME, TEST_ALERTS, testAlert } from '../../../../src/ui/start/testAlerts';

const NOW = 1_764_547_200_000;

describe('the start page groups', () => {
  it('come in the order streamers use them, most used parameters first', () => {
    const groups = groupParams(PARAMS);
    expect(groups.map((g) => g.name)).toEqual([
      'Feeds',
      'Look',
      'Alerts',
      'Board',
      'Goal',
      'Filters',
      'Sound',
      'Credits',
      'More',
    ]);
    expect(groups[0]?.params.slice(0, 2).map((p) => p.name)).toEqual(['tiktok', 'source']);
    expect(groups[1]?.params[0]?.name).toBe('theme');
    expect(groups.flatMap((g) => g.params).length).toBe(PARAMS.length);
  });

  it('take a parameter nobody placed by the page that reads it, and an unknown group last', () => {
    expect(groupOf('fps', 'alerts')).toBe('Alerts');
    expect(groupOf('newthing', 'goal')).toBe('Goal');
    expect(groupOf('newthing', 'both')).toBe('More');
    expect(groupOf('newthing', 'credits')).toBe('Credits');
    const extra: ParamRow = {
      name: 'extra' as ParamRow['name'],
      default: '',
      allowed: 'a number',
      meaning: 'Something new',
      page: 'both',
      control: { kind: 'text' },
      group: 'Extras',
    };
    const groups = groupParams([...PARAMS, extra]);
    expect(groups.at(-1)).toEqual({ name: 'Extras', params: [extra] });
  });
});

describe('the test alerts', () => {
  it.each(TEST_ALERTS.map((t) => [t.kind]))(
    '%s: every frame is protocol v1 the hub forwards, marked as a test',
    (kind) => {
      for (const { frame } of testAlert(kind, NOW)) {
        expect(judgeFrame(JSON.stringify(frame), NOW)).toMatchObject({ ok: true });
        for (const result of mapProtocolFrame(frame, DEFAULT_SCALE, NOW)) {
          expect(result).toMatchObject({ kind: 'event', event: { test: true } });
        }
      }
    },
  );

  it('climbs a Rose streak over several frames, and ends it on the last', () => {
    const steps = testAlert('rose', NOW);
    const gifts = steps.map((s) => s.frame as { count: number; end: boolean; streak: string });
    expect(gifts.map((g) => g.count)).toEqual([1, 3, 7, 12, 20]);
    expect(gifts.map((g) => g.end)).toEqual([false, false, false, false, true]);
    expect(new Set(gifts.map((g) => g.streak)).size).toBe(1);
    expect(steps.map((s) => s.afterMs)).toEqual(
      [...steps.map((s) => s.afterMs)].sort((a, b) => a - b),
    );
  });

  it('sends a gift bomb of 10 as one header and ten parts, counted once', () => {
    const [only] = testAlert('bomb', NOW);
    const events = mapProtocolFrame(only?.frame, DEFAULT_SCALE, NOW);
    expect(events).toHaveLength(11);
    expect(events[0]).toMatchObject({
      event: { kind: 'giftsub', count: 10, combo: { role: 'total' } },
    });
  });

  it('gives every press its own ids, so a second Lion is not a duplicate', () => {
    const first = JSON.stringify(testAlert('lion', NOW));
    const second = JSON.stringify(testAlert('lion', NOW + 1));
    expect(first).not.toEqual(second);
  });

  it('names the hostile gifter with markup, a bidi override, a zero-width space and zalgo', () => {
    expect(HOSTILE_NAME).toMatch(/<img/);
    expect(HOSTILE_NAME).toMatch(/\u202E/);
    expect(HOSTILE_NAME).toMatch(/\u200B/);
  });
});
