import type { Combo, Sender } from '../../core/event/events';
import { bitPoints, subPoints, type ValueScale } from '../../core/event/value';
import {
  ANONYMOUS_LOGIN,
  ANONYMOUS_USER_ID,
  cheerTags,
  planOf,
  userstate,
  type Userstate,
} from './twitch.external';
import { describeIssues } from '../../core/zodIssues';
import { drop, emit, type MapResult } from '../../wire/mapResult';

/**
 * tmi.js event -> core event. The gift-bomb rule becomes structural fields: a `submysterygift`
 * header carries the whole bomb as a `total`; each `subgift` of the bomb is a `part` of the same
 * combo (tmi.js emits both, so counting both would double-count: Firebot #1521, sogeBot #4625).
 * Bodies may arrive before their header (Firebot #2186); the core resolves that, not the feed.
 */

export type TwitchEventName =
  | 'cheer'
  | 'subscription'
  | 'resub'
  | 'subgift'
  | 'anonsubgift'
  | 'submysterygift'
  | 'anonsubmysterygift'
  | 'raided';

/** Where each tmi.js event puts its userstate (tmi.js 1.8.5 client.js, USERNOTICE/PRIVMSG). */
export const USERSTATE_ARG: Readonly<Record<TwitchEventName, number>> = {
  cheer: 1, // (channel, userstate, message)
  subscription: 4, // (channel, username, methods, message, userstate)
  resub: 4, // (channel, username, months, message, userstate, methods)
  subgift: 5, // (channel, username, streakMonths, recipient, methods, userstate)
  anonsubgift: 4, // (channel, streakMonths, recipient, methods, userstate)
  submysterygift: 4, // (channel, username, numbOfSubs, methods, userstate)
  anonsubmysterygift: 3, // (channel, numbOfSubs, methods, userstate)
  raided: 3, // (channel, username, viewers, userstate)
};

export const TWITCH_EVENTS = Object.keys(USERSTATE_ARG) as TwitchEventName[];

/** Maps the arguments of one tmi.js event listener call. */
export function mapTmiEvent(
  name: TwitchEventName,
  args: readonly unknown[],
  scale: ValueScale,
  receivedAt: number,
): MapResult {
  const parsed = userstate.safeParse(args[USERSTATE_ARG[name]]);
  if (!parsed.success) return drop('bad-shape', `twitch ${name} ${describeIssues(parsed.error)}`);
  return mapUserstate(name, parsed.data, args[USERSTATE_ARG[name]], scale, receivedAt);
}

function mapUserstate(
  name: TwitchEventName,
  tags: Userstate,
  raw: unknown,
  scale: ValueScale,
  receivedAt: number,
): MapResult {
  const anonymous = name.startsWith('anon') || isAnonymous(tags);
  const userId = tags['user-id'];
  if (userId === undefined && !anonymous)
    return drop('bad-shape', `twitch ${name} without user-id`);
  const base = {
    id: tags.id,
    platform: 'twitch' as const,
    at: tags['tmi-sent-ts'] ?? receivedAt,
    sender: twitchSender(tags, anonymous),
    combo: null,
    final: true,
  };
  if (name === 'cheer') {
    const cheer = cheerTags.safeParse(raw);
    if (!cheer.success) return drop('bad-number', `twitch cheer ${describeIssues(cheer.error)}`);
    const bits = cheer.data.bits;
    if (bits === 0) return drop('bad-number', 'twitch cheer of 0 bits');
    return emit({ ...base, kind: 'cheer', bits, value: bitPoints(scale, bits) });
  }
  if (name === 'raided') {
    return emit({ ...base, kind: 'raid', viewers: tags['msg-param-viewerCount'] ?? 0, value: 0 });
  }
  const tier = tags['msg-param-sub-plan'];
  if (tier === undefined) return drop('bad-shape', `twitch ${name} without a known sub plan`);
  if (name === 'subscription' || name === 'resub') {
    const months = Math.max(tags['msg-param-cumulative-months'] ?? 1, 1);
    return emit({ ...base, kind: 'sub', tier, months, value: subPoints(scale, tier) });
  }
  // A bomb is keyed by its community gift id; old lines without one, by gifter and plan.
  const communityId = tags['msg-param-community-gift-id'];
  const key =
    communityId === undefined
      ? `twitch:bomb:${userId ?? ANONYMOUS_USER_ID}:${planOf(tier)}`
      : `twitch:bomb:${communityId}`;
  if (name === 'submysterygift' || name === 'anonsubmysterygift') {
    const count = tags['msg-param-mass-gift-count'] ?? 0;
    if (count < 1) return drop('bad-number', `twitch ${name} of ${count} subs`);
    const combo: Combo = { key, role: 'total' };
    return emit({
      ...base,
      kind: 'giftsub',
      tier,
      count,
      bomb: true,
      combo,
      value: subPoints(scale, tier, count),
    });
  }
  // A single gift sub, or one sub of a bomb: new lines share the community gift id with the
  // header; old bomb bodies have none but carry sender-count=0 (a single gift states the total).
  const part = communityId !== undefined || tags['msg-param-sender-count'] === 0;
  const recipient =
    tags['msg-param-recipient-display-name'] ?? tags['msg-param-recipient-user-name'];
  const event = {
    ...base,
    kind: 'giftsub' as const,
    tier,
    count: 1,
    bomb: part,
    combo: part ? ({ key, role: 'part' } as const) : null,
    final: !part,
    value: subPoints(scale, tier),
  };
  return emit(recipient === undefined ? event : { ...event, recipient });
}

function isAnonymous(tags: Userstate): boolean {
  return tags.login === ANONYMOUS_LOGIN || tags['user-id'] === ANONYMOUS_USER_ID;
}

function twitchSender(tags: Userstate, anonymous: boolean): Sender {
  const login = tags.login ?? tags.username ?? (anonymous ? ANONYMOUS_LOGIN : '');
  // An empty display name stays empty: the core falls back to the login when it shows a name.
  const name = tags['display-name'] ?? '';
  if (anonymous) return { key: 'twitch:anonymous', id: 'anonymous', login, name, anonymous: true };
  const id = tags['user-id'] ?? '';
  return { key: `twitch:${id}`, id, login, name, anonymous: false };
}
