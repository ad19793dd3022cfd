import { PARAMS, parseParams, toQuery, type ConfigIssue, type ParamRow } from '../../core/config';

type Page = 'alerts' | 'board' | 'goal';

/** Goal parameters go only into the goal URL: set on the alerts URL too, the bar would show twice. */
const GOAL_PARAMS: readonly string[] = PARAMS.filter((row) => row.page === 'goal').map((row) => row.name);

function forPage(page: Page, query: string): string {
  if (page === 'goal') return query;
  const params = new URLSearchParams(query);
  for (const name of GOAL_PARAMS) params.delete(name);
  return params.toString().replace(/%2C/gi, ',');
}

/** The parameters a streamer sets most, first; the rest follow in schema order. */
const COMMON = ['source', 'channel', 'tikfinity', 'theme', 'accent', 'position', 'template', 'sound', 'top', 'title'];

/**
 * The start page's state: raw parameter values typed by the streamer, checked live by the same schema
 * the overlays use, and turned into the URLs to paste into OBS.
 */
export class StartModel {
  values = $state<Record<string, string>>({ source: 'demo' });
  readonly params: readonly ParamRow[];

  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
    const rank = (row: ParamRow) => {
      const i = COMMON.indexOf(row.name);
      return i === -1 ? COMMON.length : i;
    };
    this.params = [...PARAMS].sort((a, b) => rank(a) - rank(b));
  }

  get parsed(): { query: string; issues: ConfigIssue[] } {
    return this.#parse(this.values);
  }

  url(page: Page): string {
    return this.#url(page, forPage(page, this.parsed.query));
  }

  /** The preview keeps its own session, so it never adds demo gifts to the streamer's real board. */
  previewUrl(): string {
    const { query } = this.#parse({ ...this.values, session: 'start-page-preview' });
    return this.#url('alerts', forPage('alerts', query));
  }

  #parse(values: Record<string, string>): { query: string; issues: ConfigIssue[] } {
    const raw = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value.trim() !== '') raw.set(name, value.trim());
    const { config, issues } = parseParams(`?${raw.toString()}`);
    return { query: toQuery(config), issues };
  }

  #url(page: Page, query: string): string {
    return new URL(`overlays/${page}.html${query ? `?${query}` : ''}`, this.#base).href;
  }
}
