import { readFileSync } from 'node:fs';
import { parseRules } from '../../core/rules/rules.ts';
import { MAX_RULES_BYTES, type RulesFile } from '../../wire/rulesFrame.ts';
import { writeFileAtomic } from '../atomicFile.ts';
import { errorCode } from '../errorCode.ts';

/** What is read back: the rules file, and why it is the empty one when the file on disk is bad. */
export interface ReadRules {
  file: RulesFile;
  problem: string | null;
}

const EMPTY: RulesFile = { v: 1, rules: [] };

/**
 * The alert rules the start page saves (`giftglow-data/rules.json`): read from disk on each ask
 * (so a file edited by hand counts at the next read), written whole, and told to whoever listens
 * (the `/hub/rules` sockets) after each save. A file on disk that is not a rules file is never a
 * crash: it reads as no rules, with the reason, logged once per reason.
 */
export class RulesStore {
  readonly path: string;
  readonly #log: (text: string) => void;
  readonly #listeners = new Set<(file: RulesFile) => void>();
  #logged: string | null = null;

  constructor(path: string, log: (text: string) => void) {
    this.path = path;
    this.#log = log;
  }

  read(): ReadRules {
    const read = readRules(this.path);
    if (read.problem !== null && read.problem !== this.#logged) {
      this.#log(`  Alert rules: ${read.problem}; no rules are in play until they are saved again`);
    }
    this.#logged = read.problem;
    return read;
  }

  /** Writes `file` (a rules file: parseRules found no file problem) and tells every listener. */
  save(file: RulesFile): void {
    writeFileAtomic(this.path, JSON.stringify(file, null, 2) + '\n', 0o644);
    this.#logged = null;
    for (const listener of this.#listeners) listener(file);
  }

  /** Calls `listener` after every save; returns its stop. */
  listen(listener: (file: RulesFile) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The rules file at `path`: none is the empty list; a bad one is the empty list and why. */
function readRules(path: string): ReadRules {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { file: EMPTY, problem: null };
    return { file: EMPTY, problem: `${path} cannot be read (${code})` };
  }
  if (Buffer.byteLength(text) > MAX_RULES_BYTES)
    return { file: EMPTY, problem: `${path} is larger than ${MAX_RULES_BYTES / 1024} KB` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { file: EMPTY, problem: `${path} is not JSON` };
  }
  const file = rulesFileOf(json);
  return 'why' in file
    ? { file: EMPTY, problem: `${path} is ${file.why}` }
    : { file, problem: null };
}

/** `json` as a rules file, or why it is not one (parseRules' own words). */
export function rulesFileOf(json: unknown): RulesFile | { why: string } {
  const fileProblem = parseRules(json).problems.find((problem) => problem.at === 'file');
  if (fileProblem) return { why: fileProblem.message };
  return json as RulesFile;
}
