import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRules } from '../../core/rules/rules.ts';
import { MAX_RULES_BYTES } from '../../wire/rulesFrame.ts';
import { errorCode } from '../errorCode.ts';
import type { Hub } from '../Hub.ts';
import { originRefusal } from '../origin.ts';
import { readBody, requestOf } from '../readRequest.ts';
import { answerOf, reply } from '../reply.ts';
import { rulesFileOf, type RulesStore } from './RulesStore.ts';

/** The header that says why `GET /hub/rules` answered no rules though a file is there. */
export const RULES_PROBLEM_HEADER = 'X-Giftglow-Rules-Problem';

/**
 * `/hub/rules`: GET answers the saved rules file (this computer only; no token, the overlays read
 * it); PUT saves one (this computer's own pages, with the token). A body that is not a rules file
 * is refused with parseRules' reason; rules with problems are saved, and the answer names them
 * (an overlay skips those rules and shows why). A save is pushed to the rules sockets.
 */
export async function rulesRoute(
  hub: Hub,
  store: RulesStore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === 'GET') {
    const foreign = originRefusal(requestOf(req));
    if (foreign !== null)
      return reply(res, 403, answerOf(hub.refuse(403, foreign, 'this computer only')));
    const { file, problem } = store.read();
    if (problem !== null) res.setHeader(RULES_PROBLEM_HEADER, headerSafe(problem));
    return reply(res, 200, file);
  }
  if (req.method !== 'PUT') {
    res.setHeader('Allow', 'GET, PUT');
    return reply(res, 405, answerOf(hub.refuse(405, 'method', 'GET or PUT the rules file')));
  }
  const refused = hub.authorize(requestOf(req));
  if (refused) return reply(res, refused.status, answerOf(refused));
  const body = await readBody(req, MAX_RULES_BYTES);
  if (body === null) {
    const detail = `a rules file over ${MAX_RULES_BYTES / 1024} KB`;
    return reply(res, 413, answerOf(hub.refuse(413, 'oversized', detail)));
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return reply(res, 400, answerOf(hub.refuse(400, 'not-json', 'send the rules file as JSON')));
  }
  const file = rulesFileOf(json);
  if ('why' in file) return reply(res, 400, answerOf(hub.refuse(400, 'not-rules', file.why)));
  try {
    store.save(file);
  } catch (error) {
    const detail = `could not write ${store.path}: ${errorCode(error)}`;
    return reply(res, 500, answerOf(hub.refuse(500, 'not-saved', detail)));
  }
  const problems = parseRules(file).problems.map(
    ({ at, name, message }) => `rule ${String(at)}${name ? ` (${name})` : ''}: ${message}`,
  );
  reply(res, 200, { done: 'saved', rules: file.rules.length, problems });
}

/** Printable ASCII only, short: a header value that cannot throw. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 300);
}
