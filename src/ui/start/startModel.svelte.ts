import {
  PARAMS,
  parseParams,
  toQuery,
  type Config,
  type ConfigIssue,
  type ParamRow,
} from '../../core/config/config';
import { groupParams, type ParamGroup } from './groupParams';
import { withSources } from './sourceList';

type Page = 'alerts' | 'board' | 'goal' | 'credits';

/** Goal parameters go only into the goal URL: set on the alerts URL too, the bar would show twice. */
const GOAL_PARAMS: readonly string[] = PARAMS.filter((row) => row.page === 'goal').map(
  (row) => row.name,
);

/** The credits roll's parameters go only into its URL. */
const CREDITS_PARAMS: readonly string[] = PARAMS.filter((row) => row.page === 'credits').map(
  (row) => row.name,
);

function forPage(page: Page, query: string): string {
  const params = new URLSearchParams(query);
  const credits = CREDITS_PARAMS.some((name) => params.has(name));
  if (page === 'goal' && !credits) return query;
  if (page !== 'credits') for (const name of CREDITS_PARAMS) params.delete(name);
  if (page !== 'goal') for (const name of GOAL_PARAMS) params.delete(name);
  return params.toString().replace(/%2C/gi, ',');
}

export type PreviewSize = '16:9' | '9:16';

/** The preview keeps its own session, so it never adds demo gifts to the streamer's real board. */
export const PREVIEW_SESSION = 'start-page-preview';

/**
 * The start page's state: the raw value of each parameter as the streamer set it (absent = the
 * default), checked live by the schema the overlays use, and turned into URLs that carry only what
 * differs from the defaults. Controls, groups and their order all come from the parameter table.
 */
export class StartModel {
  /** Starts on hub and demo: the overlays then take the Test buttons' alerts, and show the demo. */
  values = $state<Record<string, string>>({ source: 'hub,demo' });
  size = $state<PreviewSize>('16:9');
  /** A media file the rule editor plays over the alerts preview (its URL), until closed. */
  previewMedia = $state<{ url: string; video: boolean } | null>(null);
  readonly groups: readonly ParamGroup[];

  readonly #base: string;
  #asideTikTok: string | undefined;
  readonly #parsed = $derived.by(() => this.#parse(this.values));

  constructor(base: string) {
    this.#base = base;
    this.groups = groupParams(PARAMS);
  }

  get config(): Config {
    return this.#parsed.config;
  }

  get issues(): ConfigIssue[] {
    return this.#parsed.issues;
  }

  /** The problem with one parameter, shown under its control. */
  issueOf(name: string): string | undefined {
    return this.#parsed.issues.find((issue) => issue.param === name)?.message;
  }

  /** The value a control shows: what the streamer set, else the default as written in a URL. */
  shown(param: ParamRow): string {
    return this.values[param.name] ?? param.default;
  }

  set(name: string, value: string): void {
    this.values[name] = value;
  }

  reset(name: string): void {
    delete this.values[name];
  }

  isSet(param: ParamRow): boolean {
    const value = this.values[param.name];
    return value !== undefined && value.trim() !== param.default;
  }

  url(page: Page): string {
    return this.#url(page, forPage(page, this.#parsed.query));
  }

  /** The overlays as OBS shows them, on the demo feed and their own session. */
  previewUrl(page: 'alerts' | 'board'): string {
    const values = { ...this.values, source: 'demo', session: PREVIEW_SESSION, status: 'hide' };
    return this.#url(page, forPage(page, this.#parse(values).query));
  }

  /** A new session name, so the board starts empty: e.g. stream-2026-12-01-2130. */
  freshBoard(now: Date): string {
    const two = (n: number) => String(n).padStart(2, '0');
    const day = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
    const name = `stream-${day}-${two(now.getHours())}${two(now.getMinutes())}`;
    const session = name === this.values.session ? `${name}-${two(now.getSeconds())}` : name;
    this.values.session = session;
    return session;
  }

  /** The TikTok @username field: tiktok= and source=tiktok (in place of TikFinity); empty: neither. */
  setTikTok(raw: string): void {
    this.#setNamed('tiktok', raw, 'tiktok', ['tikfinity']);
  }

  /**
   * TikTok through the TikFinity app instead (`on`), or by the @username again. The name is set
   * aside meanwhile: kept for the way back, out of the URLs.
   */
  useTikFinity(on: boolean): void {
    const source = this.config.source;
    if (on) {
      this.#asideTikTok = this.values.tiktok ?? this.#asideTikTok;
      this.reset('tiktok');
      this.values.source = withSources(source, ['tikfinity'], ['tiktok']);
    } else {
      const name = this.values.tiktok ?? this.#asideTikTok ?? '';
      if (name.trim() !== '') this.values.tiktok = name;
      this.values.source = withSources(source, name.trim() ? ['tiktok'] : [], ['tikfinity']);
    }
  }

  /** The Twitch channel field: channel= and source=twitch; empty: neither. */
  setTwitch(raw: string): void {
    this.#setNamed('channel', raw, 'twitch', []);
  }

  /** Whether the overlays take test alerts (hub among their sources). */
  get listensToHub(): boolean {
    return this.#parsed.config.source.includes('hub');
  }

  /** A name field of the first section: its parameter, and its source in place of `replaces`. */
  #setNamed(param: string, raw: string, source: string, replaces: readonly string[]): void {
    const sources = this.config.source;
    if (raw.trim() === '') {
      this.reset(param);
      this.values.source = withSources(sources, [], [source]);
    } else {
      this.values[param] = raw;
      this.values.source = withSources(sources, [source], replaces);
    }
  }

  #parse(values: Record<string, string>): { config: Config; query: string; issues: ConfigIssue[] } {
    const raw = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
      if (value.trim() !== '') raw.set(name, value.trim());
    }
    const { config, issues } = parseParams(`?${raw.toString()}`);
    return { config, query: toQuery(config), issues };
  }

  #url(page: Page, query: string): string {
    return new URL(`overlays/${page}.html${query ? `?${query}` : ''}`, this.#base).href;
  }
}
