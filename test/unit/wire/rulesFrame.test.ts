import { describe, expect, it } from 'vitest';
import { parseRules } from '../../../src/core/rules/rules';
import { heartbeatFrame } from '../../../src/wire/heartbeat';
import { rulesFrameText, rulesOfFrame, RULES_FRAME_CHARS } from '../../../src/wire/rulesFrame';

/** The frame `/hub/rules` pushes: the rules file, read back by an overlay, bad rules and all. */

const rules = {
  v: 1 as const,
  rules: [
    { name: 'Lion', when: { gift: 'Lion' }, then: { media: 'lion.webm' } },
    { name: 'broken', when: { kind: 'nope' }, then: {} },
  ],
};

describe('the rules frame', () => {
  it('carries a rules file there and back, rules with problems included', () => {
    const text = rulesFrameText(rules);
    expect(JSON.parse(text)).toEqual({ type: 'rules', rules });
    const back = rulesOfFrame(JSON.parse(text));
    expect(back).toEqual(rules);
    expect(parseRules(back).problems).toHaveLength(1);
  });

  it('is not a heartbeat, an event or junk', () => {
    for (const json of [
      JSON.parse(heartbeatFrame(15_000)),
      { v: 1, type: 'gift' },
      { type: 'rules', rules: { v: 2, rules: [] } },
      { type: 'rules', rules: [] },
      null,
      'rules',
    ])
      expect(rulesOfFrame(json)).toBeNull();
  });

  it('fits the largest rules file the hub saves', () => {
    const big = { v: 1 as const, rules: [{ name: 'x'.repeat(256 * 1024 - 40) }] };
    expect(JSON.stringify(big).length).toBeLessThanOrEqual(256 * 1024);
    expect(rulesFrameText(big).length).toBeLessThanOrEqual(RULES_FRAME_CHARS);
  });
});
