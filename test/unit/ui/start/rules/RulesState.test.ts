import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rule } from '../../../../../src/core/rules/ruleFormat';
import { parseRules } from '../../../../../src/core/rules/rules';
import { draftOf, ruleOf } from '../../../../../src/ui/start/rules/ruleDraft';
import { RulesState, saveText } from '../../../../../src/ui/start/rules/RulesState.svelte';
import { json, stubHub, TOKEN } from './stubHub';

/** The rule editor's list: edits, the file it makes (read back by parseRules), load and save. */

afterEach(() => vi.unstubAllGlobals());

/** Rules as a streamer saves them: every field of the format, and the smallest rule there is. */
const SAVED: Rule[] = [
  {
    name: 'Lion clip',
    when: { platform: 'tiktok', kind: 'gift', gift: 'Lion', coins: { min: 29999 } },
    then: {
      effect: 'none',
      media: 'lion.webm',
      sound: { file: 'roar.mp3', volume: 60 },
      text: '{name} sent a LION',
      duration: 8,
    },
  },
  {
    when: { kind: ['gift', 'streak'], gift: ['Rose', '5655'], count: { min: 10, max: 99 } },
    then: { effect: 2 },
  },
  { name: 'Quiet follows', on: false, when: { kind: 'follow' }, then: { alert: false } },
  { when: { points: { max: 5 } }, then: { sound: { file: 'ding.wav' } } },
  { when: {}, then: {} },
];

function withRules(n: number): RulesState {
  const rules = new RulesState();
  for (let i = 0; i < n; i++) {
    const draft = rules.add();
    if (draft) draft.name = `rule ${i + 1}`;
  }
  return rules;
}
const names = (rules: RulesState) => rules.drafts.map((d) => d.name);

describe('the rule list', () => {
  it('adds rules at the end, each matching everything until edited', () => {
    const rules = withRules(2);
    expect(names(rules)).toEqual(['rule 1', 'rule 2']);
    rules.drafts[1]!.name = '';
    expect(rules.doc).toEqual({
      v: 1,
      rules: [
        { name: 'rule 1', when: {}, then: {} },
        { when: {}, then: {} },
      ],
    });
  });

  it('moves a rule up and down, and leaves one at an end where it is', () => {
    const rules = withRules(3);
    const [a, b, c] = rules.drafts.map((d) => d.key) as [number, number, number];
    rules.move(c, -1);
    expect(names(rules)).toEqual(['rule 1', 'rule 3', 'rule 2']);
    rules.move(a, 1);
    expect(names(rules)).toEqual(['rule 3', 'rule 1', 'rule 2']);
    rules.move(rules.drafts[0]!.key, -1);
    rules.move(b, 1);
    expect(names(rules)).toEqual(['rule 3', 'rule 1', 'rule 2']);
  });

  it('removes the rule asked for, and only it', () => {
    const rules = withRules(3);
    rules.remove(rules.drafts[1]!.key);
    expect(names(rules)).toEqual(['rule 1', 'rule 3']);
    rules.remove(9999);
    expect(names(rules)).toEqual(['rule 1', 'rule 3']);
  });

  it('stops adding at 100 rules, as many as the overlays read', () => {
    const rules = withRules(100);
    expect(rules.add()).toBeNull();
    expect(rules.drafts).toHaveLength(100);
  });

  it('keeps a switched-off rule in the file, out of play', () => {
    const rules = withRules(2);
    rules.drafts[0]!.on = false;
    const parsed = parseRules(JSON.parse(rules.json));
    expect(parsed.rules.map((r) => r.name)).toEqual(['rule 2']);
    expect(rules.doc.rules[0]).toMatchObject({ name: 'rule 1', on: false });
  });
});

describe('the rules file the list makes', () => {
  it('comes back the same through parseRules and the editor, every field of the format', () => {
    const rules = new RulesState();
    rules.load(SAVED);
    expect(rules.doc.rules).toEqual(SAVED);
    const read = parseRules(JSON.parse(rules.json));
    expect(read.problems).toEqual([]);
    expect(read.rules).toEqual(SAVED.filter((r) => r.on !== false));
    const again = new RulesState();
    again.load(JSON.parse(rules.json).rules);
    expect(again.json).toBe(rules.json);
  });

  it('leaves out what the streamer left empty, and trims what they typed', () => {
    const draft = draftOf({ when: {}, then: {} }, 1);
    Object.assign(draft, {
      name: '  Lion  ',
      gift: ' Lion , Rose ',
      text: ' hi {name} ',
      volume: 100,
    });
    draft.coins.min = '100';
    draft.sound = 'roar.mp3';
    expect(ruleOf(draft)).toEqual({
      name: 'Lion',
      when: { gift: ['Lion', 'Rose'], coins: { min: 100 } },
      then: { sound: { file: 'roar.mp3' }, text: 'hi {name}' },
    });
  });

  it('names the rule whose range is empty or not a number, beside it', () => {
    const rules = withRules(3);
    rules.drafts[1]!.count = { min: '10', max: '2' };
    rules.drafts[2]!.duration = 'soon';
    expect(rules.problemsOf(1)).toEqual([]);
    expect(rules.problemsOf(2)).toEqual(['when.count: min is above max']);
    expect(rules.problemsOf(3).join()).toMatch(/duration/);
    expect(rules.problemCount).toBe(2);
  });

  it('leaves out a saved rule it cannot read, and says so', () => {
    const rules = new RulesState();
    rules.load([SAVED[0], { when: { kind: 'hug' }, then: {} }, 'nonsense']);
    expect(rules.drafts).toHaveLength(1);
    expect(rules.notes).toEqual([
      'Rule 2 of the saved file could not be read and was left out.',
      'Rule 3 of the saved file could not be read and was left out.',
    ]);
  });
});

describe('loading and saving through the hub', () => {
  it('loads the saved rules, then says an edit is not saved until Save', async () => {
    const { client } = stubHub({ 'GET /hub/rules': () => json(200, { v: 1, rules: SAVED }) });
    const rules = new RulesState();
    expect(saveText(rules.save)).toBe('Loading the saved rules…');
    await rules.fetch(client);
    expect(rules.drafts.map((d) => d.name)).toEqual(['Lion clip', '', 'Quiet follows', '', '']);
    expect(saveText(rules.save)).toBe('Saved · 5 rules');
    rules.drafts[0]!.name = 'Big cat';
    rules.changed();
    expect(saveText(rules.save)).toBe('Not saved yet');
  });

  it('saves with the token and says how many rules the overlays play', async () => {
    const { client, calls } = stubHub({
      'PUT /hub/rules': () => json(200, { done: 'saved', rules: 1, problems: [] }),
    });
    const rules = withRules(1);
    await rules.store(client);
    expect(saveText(rules.save)).toBe('Saved · 1 rule');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.init?.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}` });
    expect(JSON.parse(String(put?.init?.body))).toEqual(rules.doc);
  });

  it('shows the hub’s problems beside the rule they name, and the others above the list', async () => {
    const { client } = stubHub({
      'PUT /hub/rules': () =>
        json(200, {
          done: 'saved',
          rules: 1,
          problems: ['rule 2 (x): media missing', 'disk slow'],
        }),
    });
    const rules = withRules(2);
    await rules.store(client);
    expect(rules.problemsOf(2)).toEqual(['rule 2 (x): media missing']);
    expect(rules.notes).toEqual(['disk slow']);
    rules.changed();
    expect(rules.problemsOf(2)).toEqual([]);
  });

  it('says why nothing was saved: a refusal, or no hub at all', async () => {
    const refused = stubHub({
      'PUT /hub/rules': () => json(400, { refused: 'bad-shape', detail: 'not a rules file' }),
    });
    const rules = withRules(1);
    await rules.store(refused.client);
    expect(saveText(rules.save)).toBe('Not saved: refused (bad-shape): not a rules file');
    const none = stubHub({});
    await rules.fetch(none.client);
    expect(rules.save.state).toBe('failed');
    expect(rules.drafts).toHaveLength(1);
  });

  it('on a static host, builds the file and never says it was saved', () => {
    const rules = withRules(1);
    rules.offline();
    rules.add();
    expect(saveText(rules.save)).toBe('Not saved: no npm start here');
  });
});
