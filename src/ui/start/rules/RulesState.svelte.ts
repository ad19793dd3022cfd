import { z } from 'zod/mini';
import { MAX_RULES, ruleSchema, type RulesDoc } from '../../../core/rules/ruleFormat';
import { parseRules, type RuleProblem } from '../../../core/rules/rules';
import type { HubClient } from '../hubClient';
import { draftOf, emptyDraft, ruleOf, type RuleDraft } from './ruleDraft';

/** Where the saved list stands, in words the page shows as they are. */
export type SaveState =
  | { state: 'loading' }
  | { state: 'local' }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'saved'; rules: number }
  | { state: 'failed'; why: string };

/**
 * The rule editor's list: ordered drafts (add, remove, move, switch), the rules file they make,
 * the problems the overlays would skip them for (the same parseRules), and load/save through the
 * hub. Changes are saved with the Save button; the page says when the list differs from the saved one.
 */
export class RulesState {
  drafts = $state<RuleDraft[]>([]);
  save = $state<SaveState>({ state: 'loading' });
  /** What the last load or save found wrong beyond one rule (a file that is not a rules file…). */
  notes = $state<string[]>([]);
  /** The hub's problems of the last save, by 1-based position. */
  #hubProblems = $state<Map<number, string[]>>(new Map());

  #nextKey = 1;
  readonly #doc = $derived.by((): RulesDoc => ({ v: 1, rules: this.drafts.map(ruleOf) }));
  readonly #problems = $derived.by(() => parseRules(JSON.parse(this.json) as unknown).problems);

  /** The rules file as saved and as a static host's `rules=` reads it. */
  get doc(): RulesDoc {
    return this.#doc;
  }

  /** The file as text: what is saved, downloaded or copied (NaN written as null, like the hub reads it). */
  get json(): string {
    return JSON.stringify(this.#doc, null, 2);
  }

  /** Each problem the overlays would skip a rule for, and the hub's own, beside the rule they name. */
  problemsOf(position: number): string[] {
    const own = this.#problems.filter((p: RuleProblem) => p.at === position).map((p) => p.message);
    // The hub judges with the same parseRules: its words only when the page found nothing.
    return own.length > 0 ? own : (this.#hubProblems.get(position) ?? []);
  }

  get problemCount(): number {
    return this.#problems.length;
  }

  add(): RuleDraft | null {
    if (this.drafts.length >= MAX_RULES) return null;
    const draft = emptyDraft(this.#nextKey++);
    this.drafts.push(draft);
    this.changed();
    return draft;
  }

  remove(key: number): void {
    this.drafts = this.drafts.filter((d) => d.key !== key);
    this.changed();
  }

  /** Moves a rule one place up (-1) or down (+1); at an end it stays. */
  move(key: number, by: -1 | 1): void {
    const from = this.drafts.findIndex((d) => d.key === key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= this.drafts.length) return;
    const next = [...this.drafts];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    this.drafts = next;
    this.changed();
  }

  /** Any edit: the list now differs from the saved one, and the hub's old problems are stale. */
  changed(): void {
    this.#hubProblems = new Map();
    if (this.save.state !== 'loading' && this.save.state !== 'local')
      this.save = { state: 'unsaved' };
  }

  /** Takes the rules a file holds; a rule that cannot be read is left out and named. */
  load(rules: readonly unknown[]): void {
    const drafts: RuleDraft[] = [];
    const notes: string[] = [];
    rules.slice(0, MAX_RULES).forEach((raw, i) => {
      const parsed = z.safeParse(ruleSchema, raw);
      if (parsed.success) drafts.push(draftOf(parsed.data, this.#nextKey++));
      else notes.push(`Rule ${i + 1} of the saved file could not be read and was left out.`);
    });
    this.drafts = drafts;
    this.notes = notes;
  }

  /** No hub here (a static host): the list is built for a download, never saved. */
  offline(): void {
    this.save = { state: 'local' };
  }

  /** Loads the saved rules (GET /hub/rules); returns when done. */
  async fetch(hub: HubClient): Promise<void> {
    const saved = await hub.rules();
    if (!saved.ok) {
      this.save = { state: 'failed', why: saved.why };
      return;
    }
    this.load(saved.rules);
    // As the hub counts them on a save: the rules in the file.
    this.save = { state: 'saved', rules: saved.rules.length };
  }

  /** Saves the list (PUT /hub/rules): "Saved · N rules", or why not. */
  async store(hub: HubClient): Promise<void> {
    this.save = { state: 'saving' };
    const answer = await hub.saveRules(this.#doc);
    if (!answer.ok) {
      this.save = { state: 'failed', why: answer.why };
      return;
    }
    const rest: string[] = [];
    this.#hubProblems = problemsByRule(answer.problems, rest);
    this.notes = rest;
    this.save = { state: 'saved', rules: answer.rules };
  }
}

/** The hub's problems ("rule 3 (Lion): …") by position; one naming no rule goes to `rest`. */
export function problemsByRule(problems: readonly string[], rest: string[]): Map<number, string[]> {
  const byRule = new Map<number, string[]>();
  for (const problem of problems) {
    const at = /^rule (\d+)\b/i.exec(problem)?.[1];
    if (at === undefined) {
      rest.push(problem);
      continue;
    }
    const list = byRule.get(Number(at)) ?? [];
    list.push(problem);
    byRule.set(Number(at), list);
  }
  return byRule;
}

export function saveText(save: SaveState): string {
  switch (save.state) {
    case 'loading':
      return 'Loading the saved rules…';
    case 'local':
      return 'Not saved: no npm start here';
    case 'unsaved':
      return 'Not saved yet';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved · ${save.rules} rule${save.rules === 1 ? '' : 's'}`;
    case 'failed':
      return `Not saved: ${save.why}`;
  }
}
