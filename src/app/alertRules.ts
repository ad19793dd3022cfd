import { startRulesSource } from '../feeds/rules/rulesSource';
import type { AlertsView } from './mountAlerts';
import type { Log } from './log';
import { problemText } from './rulesInfo';

export interface AlertRulesOptions {
  /** `rules=`: a rules file on a static host. */
  rulesUrl: string | undefined;
  view: Pick<AlertsView, 'setRules' | 'rulesStatus'>;
  log: Log;
  /** The rules' problems, for the page's settings problems (issues=hide: not called). */
  notes?(notes: string[]): void;
  pageHref?: string;
}

/**
 * The alerts page's rules (feeds/rules/rulesSource.ts) into the view: every version is used at
 * once; its problems go on the page with the other settings problems and into the OBS log, each
 * once. A bad rule never blanks the overlay: the other rules play. Returns the stop.
 */
export function startAlertRules(options: AlertRulesOptions): () => void {
  const { view, log } = options;
  const said = new Set<string>();
  return startRulesSource({
    pageHref: options.pageHref ?? location.href,
    rulesUrl: options.rulesUrl,
    apply(update) {
      view.setRules(update);
      const problems = update.problems.map(problemText);
      options.notes?.(problems.map((p) => `alert ${p}`));
      for (const problem of problems) {
        if (said.has(problem)) continue;
        said.add(problem);
        log.problem(`rules:${problem}`, `alert ${problem}`);
      }
    },
    status: (status) => view.rulesStatus(status),
    drop: (detail) => log.problem('rules:frame', `rules socket: ${detail}`),
  });
}
