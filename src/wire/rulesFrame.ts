import { z } from 'zod/mini';
import { rulesFile } from '../core/rules/ruleFormat.ts';

/**
 * What the WebSocket on `/hub/rules` (hubPaths.ts) sends: the saved alert rules, once on connect
 * and again after every change, so an open overlay picks an edit up with no refresh. The socket
 * also carries the hub's heartbeat (heartbeat.ts). The rules inside are judged one by one by the
 * reader (core/rules `parseRules`): a bad rule is skipped there, never a reason to drop the frame.
 */

/** The largest rules file the hub saves (`PUT /hub/rules`); a frame carries it with ~30 chars more. */
export const MAX_RULES_BYTES = 256 * 1024;
/** The text a reader of the socket lets through (a rules file in UTF-16 code units is never more). */
export const RULES_FRAME_CHARS = MAX_RULES_BYTES + 1024;

const rulesFrame = z.object({ type: z.literal('rules'), rules: rulesFile });

export type RulesFile = z.output<typeof rulesFile>;

/** The frame that carries `rules`, as text to send. */
export function rulesFrameText(rules: RulesFile): string {
  const frame: z.output<typeof rulesFrame> = { type: 'rules', rules };
  return JSON.stringify(frame);
}

/** The rules file a frame (already JSON-parsed) carries, or null (a heartbeat, or junk). */
export function rulesOfFrame(json: unknown): RulesFile | null {
  const parsed = z.safeParse(rulesFrame, json);
  return parsed.success ? parsed.data.rules : null;
}
