import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { tiktokUsername } from '../core/config/tiktokUsername.ts';
import type { Hub, Refusal } from './Hub.ts';
import { queryOf, requestOf } from './readRequest.ts';
import type { TikTokLinks } from './tiktok/TikTokLinks.ts';

/**
 * The glue of `/hub/tiktok?user=<username>` (a WebSocket): admitted as `/hub` is (this computer's
 * own pages and tools only), then the username checked by TikTok's own rules, then room for it;
 * each refusal is an HTTP status before the upgrade, and counted. An admitted socket hears the
 * username's statuses and events (TikTokLinks.ts) and sends nothing.
 */

export function admitTikTok(
  hub: Hub,
  links: TikTokLinks,
  req: IncomingMessage,
): { ok: true; username: string } | Refusal {
  const admitted = hub.admit(requestOf(req));
  if (!admitted.ok) return admitted;
  const checked = tiktokUsername(queryOf(req, 'user'));
  if (!checked.ok) {
    hub.refusals.count('bad-username');
    return { ok: false, status: 400, reason: 'bad-username', detail: checked.why };
  }
  const room = links.admit(checked.username);
  return room.ok ? { ok: true, username: checked.username } : room;
}

/** Subscribes an admitted socket; closing it unsubscribes (the connection lingers a while). */
export function listenTikTok(ws: WebSocket, username: string, hub: Hub, links: TikTokLinks): void {
  const leave = links.subscribe(username, { send: (text) => ws.send(text) });
  if (typeof leave !== 'function') return ws.close(1013, leave.reason);
  // It only receives: what it sends goes nowhere, and is counted as an overlay's frame is.
  ws.on('message', () => hub.refusals.count('no-token'));
  ws.on('close', leave);
  ws.on('error', () => ws.terminate());
}
