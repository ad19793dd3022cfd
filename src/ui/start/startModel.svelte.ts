import { PARAMS, parseParams, toQuery, type ConfigIssue, type ParamRow } from '../../core/config';

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

  url(page: 'alerts' | 'board'): string {
    return this.#url(page, this.parsed.query);
  }

  /** The preview keeps its own session, so it never adds demo gifts to the streamer's real board. */
  previewUrl(): string {
    return this.#url('alerts', this.#parse({ ...this.values, session: 'start-page-preview' }).query);
  }

  #parse(values: Record<string, string>): { query: string; issues: ConfigIssue[] } {
    const raw = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value.trim() !== '') raw.set(name, value.trim());
    const { config, issues } = parseParams(`?${raw.toString()}`);
    return { query: toQuery(config), issues };
  }

  #url(page: 'alerts' | 'board', query: string): string {
    return new URL(`overlays/${page}.html${query ? `?${query}` : ''}`, this.#base).href;
  }
}
