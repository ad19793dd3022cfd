import tmi from 'tmi.js';
// tmi.js's own IRC parser: the userstate tests read is exactly what tmi.js hands to listeners.
import parser from 'tmi.js/lib/parser.js';
import { TWITCH_EVENTS, type TwitchEventName } from '../../../src/feeds/twitch/mapTmiEvent';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface TmiCall {
  name: TwitchEventName;
  args: unknown[];
}

/** Feeds raw IRC lines through a real (unconnected) tmi.js client and records its events. */
export function tmiCalls(...lines: string[]): TmiCall[] {
  const client = new tmi.Client({ logger: silent, options: { skipUpdatingEmotesets: true } });
  const calls: TmiCall[] = [];
  for (const name of TWITCH_EVENTS) {
    client.on(name as 'cheer', (...args: unknown[]) => calls.push({ name, args }));
  }
  const handle = (client as unknown as { handleMessage(message: unknown): void }).handleMessage;
  for (const line of lines)
    handle.call(client, (parser as { msg(line: string): unknown }).msg(line));
  return calls;
}
