import { z } from 'zod/mini';
import type { FeedStatus } from '../../core/event/events';
import { parseRules, type ParsedRules } from '../../core/rules/rules';
import { rulesFile } from '../../core/rules/ruleFormat';
import { HUB_PATHS } from '../../wire/hubPaths';
import { RULES_FRAME_CHARS, rulesOfFrame } from '../../wire/rulesFrame';
import { armOnHeartbeat } from '../socket/armOnHeartbeat';
import { openSocket, type SocketFactory } from '../socket/openSocket';
import type { RetryOptions } from '../socket/Reconnect';
import type { Timers } from '../socket/timers';

/** Rules the page now uses, where they came from, and where their media and sounds are. */
export interface RulesUpdate extends ParsedRules {
  from: 'file' | 'hub';
  /** An absolute URL ending in `/`: a rule's `media` and `sound.file` are names inside it. */
  mediaBase: string;
}

/** What a GET answered: enough of fetch's Response for a text body. */
export interface TextAnswer {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

export interface RulesSourceOptions extends RetryOptions {
  /** The page's own URL: `rules=` and the hub's paths resolve against it. */
  pageHref: string;
  /** `rules=`: a rules file on a static host. */
  rulesUrl: string | undefined;
  apply(update: RulesUpdate): void;
  /** The hub's rules socket: connecting, live, retrying (for the debug hook). */
  status?(status: FeedStatus, detail?: string): void;
  /** A pushed frame that was not rules (logged by the page). */
  drop?(detail: string): void;
  get?: (url: string) => Promise<TextAnswer>;
  createSocket?: SocketFactory;
  timers?: Timers;
}

/**
 * Where the alerts page's rules come from. `rules=<URL>`: that file, fetched once (its folder holds
 * the media). Else, served by `npm start` (GET `/hub/rules` answers a rules file): those rules, and
 * the `/hub/rules` socket re-applies every saved change with no reload, kept alive by the one
 * reconnect policy. On a static host with no `rules=` the GET finds no rules file: no rules, no
 * error, no retries. A file that can't be fetched or read is one problem in the update.
 */
export function startRulesSource(options: RulesSourceOptions): () => void {
  const get = options.get ?? ((url: string) => fetch(url, { cache: 'no-store' }));
  let stopped = false;
  let stopSocket: (() => void) | null = null;
  const apply = (update: RulesUpdate) => {
    if (!stopped) options.apply(update);
  };

  if (options.rulesUrl !== undefined) {
    const file = new URL(options.rulesUrl, options.pageHref);
    const mediaBase = new URL('./', file).href;
    void readJson(get, file.href).then((read) =>
      apply({
        from: 'file',
        mediaBase,
        ...('json' in read ? parseRules(read.json) : problemOnly(`${file.href}: ${read.failed}`)),
      }),
    );
  } else if (/^https?:$/.test(new URL(options.pageHref).protocol)) {
    const mediaBase = new URL(HUB_PATHS.mediaFiles, options.pageHref).href;
    const hub = new URL(HUB_PATHS.rules, options.pageHref);
    void readJson(get, hub.href).then((read) => {
      // No rules file here: a static host (or a hub without rules routes). Quietly no rules.
      if (stopped || !('json' in read) || !z.safeParse(rulesFile, read.json).success) return;
      apply({ from: 'hub', mediaBase, ...parseRules(read.json) });
      hub.protocol = hub.protocol === 'https:' ? 'wss:' : 'ws:';
      const socket = openSocket({
        ...options,
        url: hub.href,
        maxFrameChars: RULES_FRAME_CHARS,
        sink: { status: (s, d) => options.status?.(s, d), drop: (_, d) => options.drop?.(d ?? '') },
        onJson(json) {
          if (armOnHeartbeat(json, socket)) return;
          const rules = rulesOfFrame(json);
          if (rules === null) throw new Error('not a rules frame');
          apply({ from: 'hub', mediaBase, ...parseRules(rules) });
        },
      });
      stopSocket = () => socket.stop();
    });
  }
  return () => {
    stopped = true;
    stopSocket?.();
  };
}

async function readJson(
  get: (url: string) => Promise<TextAnswer>,
  url: string,
): Promise<{ json: unknown } | { failed: string }> {
  try {
    const answer = await get(url);
    if (!answer.ok) return { failed: `HTTP ${answer.status}` };
    return { json: JSON.parse(await answer.text()) as unknown };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

function problemOnly(message: string): ParsedRules {
  return { rules: [], problems: [{ at: 'file', name: '', message }] };
}
