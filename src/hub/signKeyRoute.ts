import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/mini';
import { isSignKey, SIGN_KEY_BODY_BYTES, SIGN_KEY_RULE, signKeyRequest } from '../wire/signKey.ts';
import type { Hub, Refusal } from './Hub.ts';
import { readBody, requestOf } from './readRequest.ts';
import { answerOf, reply } from './reply.ts';
import type { SignKey } from './tiktok/SignKey.ts';

/**
 * `POST /hub/tiktok/key`: the start page keeps the optional sign key (`{ key }`), or forgets it
 * (`{ key: null }`). Admitted as `/hub/events` is (this computer's own pages, with the token), the
 * body small and the key one word; each refusal counted. The answer says what was done and where
 * the key in use comes from (SIGN_API_KEY wins over the file), never the key.
 */
export async function signKeyRoute(
  hub: Hub,
  signKey: SignKey,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return reply(res, 405, {
      refused: 'method',
      detail: 'POST { "key": "..." } or { "key": null }',
    });
  }
  const body = await readBody(req, SIGN_KEY_BODY_BYTES);
  const judged = hub.authorize(requestOf(req)) ?? judgeKey(hub, body);
  if ('reason' in judged) return reply(res, judged.status, answerOf(judged));
  const saved = signKey.save(judged.key);
  if (!saved.ok) {
    return reply(res, 500, answerOf(hub.refuse(500, 'key-not-saved', saved.detail)));
  }
  reply(res, 200, { done: judged.key === null ? 'forgotten' : 'saved', signKey: saved.source });
}

/** The key to keep (null: forget it), or the counted refusal; no detail repeats the key. */
function judgeKey(hub: Hub, body: string | null): { key: string | null } | Refusal {
  if (body === null) return hub.refuse(413, 'oversized', `body over ${SIGN_KEY_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return hub.refuse(400, 'not-json', 'send { "key": "..." } as JSON');
  }
  const parsed = z.safeParse(signKeyRequest, json);
  if (!parsed.success)
    return hub.refuse(400, 'bad-key', 'send { "key": "..." } or { "key": null }');
  const { key } = parsed.data;
  if (key !== null && !isSignKey(key)) return hub.refuse(400, 'bad-key', SIGN_KEY_RULE);
  return { key };
}
