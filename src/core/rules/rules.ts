import { z } from 'zod/mini';
import type { EventKind, Platform } from '../event/events.ts';
import { describeIssues as issueText } from '../zodIssues.ts';
import {
  MAX_RULES,
  ruleSchema,
  rulesFile,
  type Range,
  type Rule,
  type RuleKind,
  type RuleThen,
} from './ruleFormat.ts';

/** A rule that was skipped, and why: shown on the page and in the OBS log. */
export interface RuleProblem {
  /** 1-based position in the list ('file' for the whole file). */
  at: number | 'file';
  name: string;
  message: string;
}

export interface ParsedRules {
  /** The rules in play, in order (a skipped or switched-off rule is not here). */
  rules: Rule[];
  problems: RuleProblem[];
}

/**
 * Reads a rules file (already JSON-parsed). A bad rule never blanks the overlay: it is skipped and
 * named in `problems`; a file that is not a rules file at all gives no rules and one problem.
 */
export function parseRules(json: unknown): ParsedRules {
  const file = z.safeParse(rulesFile, json);
  if (!file.success)
    return {
      rules: [],
      problems: [{ at: 'file', name: '', message: `not a rules file: ${issueText(file.error)}` }],
    };
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  file.data.rules.forEach((raw, i) => {
    const at = i + 1;
    const name = nameOf(raw);
    if (i >= MAX_RULES) {
      if (i === MAX_RULES)
        problems.push({ at, name, message: `only the first ${MAX_RULES} rules are read` });
      return;
    }
    const parsed = z.safeParse(ruleSchema, raw);
    if (!parsed.success) return problems.push({ at, name, message: issueText(parsed.error) });
    const empty = emptyRange(parsed.data);
    if (empty) return problems.push({ at, name, message: `${empty}: min is above max` });
    if (parsed.data.on !== false) rules.push(parsed.data);
  });
  return { rules, problems };
}

/** What a rule is matched against: a moment's own fields (see factsOf in matchRule.ts). */
export interface RuleFacts {
  platform: Platform;
  kind: EventKind;
  /** The gift's label as shown ("Rose") and its id when the platform gives one. */
  gift: string;
  giftId?: string;
  value: number;
  coins: number;
  count: number;
  /** A Twitch community gift bomb. */
  bomb: boolean;
}

/** The rule kinds a moment is: a Rose streak of 5 is both `gift` and `streak`. */
export function ruleKindsOf(facts: RuleFacts): RuleKind[] {
  switch (facts.kind) {
    case 'gift':
      return facts.count >= 2 ? ['gift', 'streak'] : ['gift'];
    case 'giftsub':
      return facts.bomb ? ['giftsub', 'bomb'] : ['giftsub'];
    case 'sub':
      return facts.platform === 'tiktok' ? ['sub', 'tiktoksub'] : ['sub'];
    case 'like':
      return ['likes'];
    default:
      return [facts.kind];
  }
}

/** The first rule whose `when` matches, or null: the moment is shown as it would be with no rules. */
export function matchRule(rules: readonly Rule[], facts: RuleFacts): Rule | null {
  for (const rule of rules) if (matches(rule, facts)) return rule;
  return null;
}

/** A rule's decision, or the empty decision when no rule matched. */
export function decisionOf(rule: Rule | null): RuleThen {
  return rule?.then ?? {};
}

function matches(rule: Rule, facts: RuleFacts): boolean {
  const { platform, kind, gift, points, coins, count } = rule.when;
  if (platform !== undefined && platform !== facts.platform) return false;
  if (kind !== undefined) {
    const wanted = Array.isArray(kind) ? kind : [kind];
    const is = ruleKindsOf(facts);
    if (!wanted.some((k) => is.includes(k))) return false;
  }
  if (gift !== undefined) {
    const names = Array.isArray(gift) ? gift : [gift];
    if (!names.some((name) => sameGift(name, facts))) return false;
  }
  return within(points, facts.value) && within(coins, facts.coins) && within(count, facts.count);
}

function sameGift(name: string, facts: RuleFacts): boolean {
  const wanted = name.trim().toLowerCase();
  return (
    wanted === facts.gift.toLowerCase() || (facts.giftId !== undefined && wanted === facts.giftId)
  );
}

function within(range: Range | undefined, n: number): boolean {
  if (!range) return true;
  return (range.min === undefined || n >= range.min) && (range.max === undefined || n <= range.max);
}

function emptyRange(rule: Rule): string | null {
  for (const field of ['points', 'coins', 'count'] as const) {
    const r = rule.when[field];
    if (r?.min !== undefined && r.max !== undefined && r.min > r.max) return `when.${field}`;
  }
  return null;
}

function nameOf(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const name = (raw as { name?: unknown }).name;
  return typeof name === 'string' ? name.slice(0, 60) : '';
}
