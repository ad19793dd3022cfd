import { describe, expect, it } from 'vitest';
import { SUB_TIERS, type CoreEvent } from '../../../src/core/event/events';
import { mapTmiEvent } from '../../../src/feeds/twitch/mapTmiEvent';
import { planOf } from '../../../src/feeds/twitch/twitch.external';
import type { MapResult } from '../../../src/wire/mapResult';
import * as lines from '../../fixtures/feeds/twitchLines';
import { SCALE } from './scale';
import { tmiCalls } from './tmiArgs';

const NOW = 1_700_000_000_000;

/** Raw IRC line -> real tmi.js event -> our mapping. */
function mapLine(line: string): MapResult[] {
  return tmiCalls(line).map((call) => mapTmiEvent(call.name, call.args, SCALE, NOW));
}

function eventOf(line: string): CoreEvent {
  const results = mapLine(line);
  expect(results).toHaveLength(1);
  const [result] = results;
  if (result?.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

describe('Twitch lines through tmi.js to core events', () => {
  it.each([
    [
      'a cheer of 100 bits',
      lines.CHEER_100,
      { kind: 'cheer', id: 'b34ccfc7-4977-403a-8a94-33c6bac34fb8', bits: 100, value: 100 },
    ],
    [
      'a cheer of 1 bit (tag "1" stays a string)',
      lines.CHEER_1,
      { kind: 'cheer', bits: 1, value: 1 },
    ],
    [
      'a Prime resub of 6 months',
      lines.RESUB_PRIME,
      { kind: 'sub', tier: 'prime', months: 6, value: 500 },
    ],
    ['a Tier 3 sub', lines.SUB_TIER3, { kind: 'sub', tier: '3', months: 1, value: 2500 }],
    ['a Tier 1 resub', lines.RESUB_TIER1, { kind: 'sub', tier: '1', months: 2, value: 500 }],
    ['a raid of 54', lines.RAID_54, { kind: 'raid', viewers: 54, value: 0 }],
  ])('maps %s', (_what, line, expected) => {
    expect(eventOf(line)).toMatchObject({
      platform: 'twitch',
      combo: null,
      final: true,
      ...expected,
    });
  });

  it('keys the sender by user id and keeps login and display name apart', () => {
    expect(eventOf(lines.CHEER_1).sender).toEqual({
      key: 'twitch:36175310',
      id: '36175310',
      login: 'tetyys',
      name: 'TETYYS',
      anonymous: false,
    });
    expect(eventOf(lines.CHEER_1).at).toBe(1594571566672);
  });

  it('keeps an empty display name empty (the core falls back to the login)', () => {
    expect(eventOf(lines.CHEER_NO_DISPLAY_NAME).sender).toMatchObject({
      login: 'tetyys',
      name: '',
    });
  });

  it('counts a single gift sub at once, with its recipient', () => {
    expect(eventOf(lines.SUBGIFT_SINGLE)).toMatchObject({
      kind: 'giftsub',
      tier: '1',
      count: 1,
      bomb: false,
      combo: null,
      final: true,
      value: 500,
      recipient: 'BleuBelladonna',
    });
    expect(eventOf(lines.SUBGIFT_DOCS)).toMatchObject({
      kind: 'giftsub',
      combo: null,
      final: true,
    });
  });
});

describe('Twitch gift bombs', () => {
  it('makes the header the total of the bomb and each body line a part of the same combo', () => {
    const header = eventOf(lines.BOMB_HEADER);
    const body = eventOf(lines.BOMB_BODY);
    const key = 'twitch:bomb:17130216016315839265';
    expect(header).toMatchObject({
      kind: 'giftsub',
      count: 5,
      value: 2500,
      bomb: true,
      final: true,
      combo: { key, role: 'total' },
    });
    expect(body).toMatchObject({
      kind: 'giftsub',
      count: 1,
      value: 500,
      bomb: true,
      final: false,
      combo: { key, role: 'part' },
      recipient: 'Insanit13s',
    });
  });

  it('keys an old bomb without community-gift-id by gifter and plan, header and body alike', () => {
    const key = 'twitch:bomb:611203908:1000';
    expect(eventOf(lines.OLD_BOMB_HEADER).combo).toEqual({ key, role: 'total' });
    expect(eventOf(lines.OLD_BOMB_BODY).combo).toEqual({ key, role: 'part' });
  });

  it('reads a 1-sub community gift although tmi.js turns its count "1" into true', () => {
    expect(eventOf(lines.ONE_SUB_COMMUNITY_GIFT)).toMatchObject({
      count: 1,
      value: 500,
      combo: { key: 'twitch:bomb:42', role: 'total' },
    });
  });

  it('never thanks the anonymous placeholder account by name', () => {
    const event = eventOf(lines.ANON_BOMB_HEADER);
    expect(event.sender).toMatchObject({ key: 'twitch:anonymous', anonymous: true });
    expect(event).toMatchObject({ count: 5, combo: { role: 'total' } });
  });
});

describe('Twitch sub plans', () => {
  const subTags = (plan: string | undefined) => ({
    id: 'x',
    'user-id': '5',
    ...(plan === undefined ? {} : { 'msg-param-sub-plan': plan }),
  });

  it.each([
    ['Prime', 'prime'],
    ['1000', '1'],
    ['2000', '2'],
    ['3000', '3'],
  ] as const)(
    'reads sub plan %s as tier %s, and spells the tier back as the plan',
    (plan, tier) => {
      expect(mapTmiEvent('subscription', [0, 0, 0, 0, subTags(plan)], SCALE, NOW)).toMatchObject({
        kind: 'event',
        event: { kind: 'sub', tier },
      });
      expect(planOf(tier)).toBe(plan);
    },
  );

  it('spells every tier as a plan', () => {
    expect(SUB_TIERS.map(planOf)).toEqual(['Prime', '1000', '2000', '3000']);
  });

  it('keys an old bomb of Prime subs by the plan as Twitch spells it', () => {
    const tags = { ...subTags('Prime'), 'msg-param-sender-count': '0' };
    expect(mapTmiEvent('subgift', [0, 0, 0, 0, 0, tags], SCALE, NOW)).toMatchObject({
      event: { combo: { key: 'twitch:bomb:5:Prime', role: 'part' } },
    });
  });

  it.each([undefined, 'prime', '4000'])(
    'guesses no tier for sub plan %s: the sub is dropped',
    (plan) => {
      expect(mapTmiEvent('subscription', [0, 0, 0, 0, subTags(plan)], SCALE, NOW)).toEqual({
        kind: 'drop',
        reason: 'bad-shape',
        detail: expect.stringMatching(/^twitch subscription /),
      });
    },
  );
});

describe('Twitch payloads that are refused', () => {
  it('drops a cheer of 0 bits', () => {
    expect(mapLine(lines.CHEER_0)).toEqual([
      { kind: 'drop', reason: 'bad-number', detail: 'twitch cheer of 0 bits' },
    ]);
  });

  it.each([
    ['no userstate at all', []],
    ['a userstate without id', [null, { 'user-id': '1', bits: '5' }]],
    ['bits that are not a number', [null, { id: 'x', 'user-id': '5', bits: '1e3' }]],
    ['absurd bits', [null, { id: 'x', 'user-id': '5', bits: '99999999999' }]],
  ])('drops a cheer with %s', (_what, args) => {
    expect(mapTmiEvent('cheer', args, SCALE, NOW).kind).toBe('drop');
  });

  it('drops a gift sub of an unknown plan', () => {
    const tags = { id: 'x', 'user-id': '5', 'msg-param-sub-plan': '4000' };
    expect(mapTmiEvent('subgift', [0, 0, 0, 0, 0, tags], SCALE, NOW)).toMatchObject({
      kind: 'drop',
      reason: 'bad-shape',
    });
  });
});
