import type { ServerResponse } from 'node:http';
import type {
  EventsAnswer,
  MediaAnswer,
  MediaDoneAnswer,
  RulesSavedAnswer,
  SignKeyAnswer,
  StatusAnswer,
  TokenAnswer,
} from '../wire/hubAnswers.ts';
import type { RulesFile } from '../wire/rulesFrame.ts';
import type { SessionAnswer, SessionDoneAnswer, SessionsAnswer } from '../wire/sessionAnswers.ts';
import type { Verdict } from './Hub.ts';

/** Every answer of the hub's routes (src/wire/hubAnswers.ts; any refusal is an EventsAnswer). */
type Answer =
  | EventsAnswer
  | TokenAnswer
  | StatusAnswer
  | SignKeyAnswer
  | MediaAnswer
  | MediaDoneAnswer
  | RulesFile
  | RulesSavedAnswer
  | SessionsAnswer
  | SessionAnswer
  | SessionDoneAnswer;

/** Sends JSON no cache keeps and no browser sniffs as anything else; no CORS header, ever. */
export function reply(res: ServerResponse, status: number, body: Answer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(JSON.stringify(body));
}

/** What a sender is told of a frame: how far it went, or why it was refused. */
export function answerOf(verdict: Verdict): EventsAnswer {
  return verdict.ok
    ? { forwarded: verdict.forwarded, overlays: verdict.overlays }
    : { refused: verdict.reason, detail: verdict.detail };
}
