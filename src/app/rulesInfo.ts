import type { FeedStatus } from '../core/event/events';
import type { RuleProblem } from '../core/rules/rules';
import type { RulesUpdate } from '../feeds/rules/rulesSource';

/** The alert rules in use, as `window.__giftglow.alerts.rules` reports them. */
export interface RulesInfo {
  /** Where they came from: none, `rules=` (file) or `npm start` (hub). */
  from: 'none' | RulesUpdate['from'];
  /** Counts the rule sets applied since the page opened (1: the first, 2: the first change…). */
  version: number;
  /** Rules in play. */
  rules: number;
  /** The skipped rules and file problems, as shown on the page. */
  problems: string[];
  /** The hub's rules socket ('none' with a rules file or no hub). */
  socket: FeedStatus | 'none';
  mediaBase: string;
}

export function rulesInfoOf(
  update: RulesUpdate | null,
  socket: RulesInfo['socket'],
  version = 0,
): RulesInfo {
  return {
    from: update?.from ?? 'none',
    version,
    rules: update?.rules.length ?? 0,
    problems: update?.problems.map(problemText) ?? [],
    socket,
    mediaBase: update?.mediaBase ?? '',
  };
}

/** `rule 2 "Lion": then.media: …`, or `rules file: …`: one line on the page and in the OBS log. */
export function problemText(problem: RuleProblem): string {
  if (problem.at === 'file') return `rules file: ${problem.message}`;
  const name = problem.name ? ` "${problem.name}"` : '';
  return `rule ${problem.at}${name}: ${problem.message}`;
}
