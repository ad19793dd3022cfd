import { z } from 'zod/mini';
import { failure, type Failure } from './tiktokPort.ts';

/**
 * The sign server's room look-up (`GET /webcast/anchors/<username>/room_id`, Euler Stream's
 * WebcastRoomIdRouteResponse: `code`, `ok`, `message`, `is_live`, `room_id`), read whole. The
 * library's own fetchIsLive reduces every refusal of this route to "Failed to extract status from
 * Euler"; read here, an unknown account, a 429 with its Retry-After and a wanted key stay apart.
 */

export type RoomIdCheck = { ok: true; live: boolean; roomId: string | null } | Failure;

export interface HttpAnswer {
  status: number;
  headers: Record<string, unknown>;
  data: unknown;
}

const body = z.object({
  code: z.optional(z.number()),
  ok: z.optional(z.boolean()),
  message: z.optional(z.string()),
  limit_label: z.optional(z.string()),
  is_live: z.optional(z.boolean()),
  room_id: z.optional(z.nullable(z.string())),
});

export function readRoomIdAnswer(answer: HttpAnswer): RoomIdCheck {
  const parsed = body.safeParse(answer.data);
  const data = parsed.success ? parsed.data : {};
  if (answer.status === 429) {
    const seconds = Number(answer.headers['retry-after']);
    const label =
      data.limit_label && /^[a-z_]{1,60}$/.test(data.limit_label) ? data.limit_label : '';
    const why = `the sign server limits look-ups for now${label ? ` (${label})` : ''}`;
    return seconds > 0
      ? failure('rate-limited', why, seconds * 1000)
      : failure('rate-limited', why);
  }
  if ([401, 402, 403].includes(answer.status)) {
    return failure('needs-key', `the sign server wants a key (HTTP ${answer.status})`);
  }
  if (answer.status === 404 || data.code === 404 || /not.?found/i.test(data.message ?? '')) {
    return failure('not-found', 'the sign server knows no TikTok account of that name');
  }
  if (!parsed.success || answer.status !== 200) {
    return failure('sign-unreachable', `the sign server's look-up failed (HTTP ${answer.status})`);
  }
  if (data.ok === false || data.is_live === undefined) {
    return failure('sign-unreachable', "the sign server's look-up says nothing of the LIVE");
  }
  if (data.is_live && !data.room_id) {
    return failure('sign-unreachable', 'the sign server names no room for the LIVE');
  }
  return { ok: true, live: data.is_live, roomId: data.room_id ?? null };
}
