import { describe, expect, it } from 'vitest';
import type { SocketLike } from '../../../src/feeds/socket/openSocket';
import {
  startRulesSource,
  type RulesUpdate,
  type TextAnswer,
} from '../../../src/feeds/rules/rulesSource';
import { heartbeatFrame } from '../../../src/wire/heartbeat';
import { MAX_FRAME_CHARS } from '../../../src/wire/textFrame';
import { ManualTimers } from './manualTimers';

const PAGE = 'http://localhost:5173/overlays/alerts.html?source=hub';
const LION = { name: 'Lion', when: { gift: 'Lion' }, then: { media: 'lion.webm' } };
const file = (...rules: unknown[]) => JSON.stringify({ v: 1, rules });

class FakeSocket implements SocketLike {
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  push(json: unknown) {
    this.onmessage?.({ data: JSON.stringify(json) });
  }
}

function answers(table: Record<string, TextAnswer | Error>) {
  const asked: string[] = [];
  const get = (url: string) => {
    asked.push(url);
    const answer = table[url] ?? missing;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { get, asked };
}
const ok = (text: string): TextAnswer => ({ ok: true, status: 200, text: async () => text });
const missing: TextAnswer = { ok: false, status: 404, text: async () => '' };
const settle = () => new Promise((r) => setTimeout(r, 0));

function start(table: Record<string, TextAnswer | Error>, rulesUrl?: string) {
  const updates: RulesUpdate[] = [];
  const drops: string[] = [];
  const sockets: FakeSocket[] = [];
  const { get, asked } = answers(table);
  const timers = new ManualTimers();
  const stop = startRulesSource({
    pageHref: PAGE,
    rulesUrl,
    apply: (u) => updates.push(u),
    drop: (detail) => drops.push(detail),
    get,
    timers,
    random: () => 0.5,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  return { updates, drops, sockets, asked, stop, timers };
}

describe('where the alerts page gets its rules', () => {
  it('reads rules= once, beside the page, and finds its media in the same folder', async () => {
    const url = 'http://localhost:5173/overlays/my/rules.json';
    const { updates, sockets, asked } = start({ [url]: ok(file(LION)) }, 'my/rules.json');
    await settle();
    expect(asked).toEqual([url]);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      from: 'file',
      mediaBase: 'http://localhost:5173/overlays/my/',
      rules: [LION],
      problems: [],
    });
    expect(sockets).toHaveLength(0);
  });

  it('keeps the good rules of a file and names the bad one', async () => {
    const bad = { name: 'Broken', when: {}, then: { media: '../secret.png' } };
    const { updates } = start(
      { 'https://x.test/r.json': ok(file(bad, LION)) },
      'https://x.test/r.json',
    );
    await settle();
    expect(updates[0]!.rules).toEqual([LION]);
    expect(updates[0]!.problems).toMatchObject([{ at: 1, name: 'Broken' }]);
  });

  it.each([
    ['a file that is not there', missing, /HTTP 404/],
    ['a file that is not JSON', ok('{ nope'), /JSON/],
    ['JSON that is not a rules file', ok('{"v":2}'), /not a rules file/],
    ['a network failure', new Error('Failed to fetch'), /Failed to fetch/],
  ] as const)('says what is wrong with %s, with no rules and no retry', async (_, answer, why) => {
    const url = 'https://x.test/r.json';
    const { updates, asked } = start({ [url]: answer }, url);
    await settle();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.rules).toEqual([]);
    expect(updates[0]!.problems).toHaveLength(1);
    expect(updates[0]!.problems[0]!.message).toMatch(why);
    expect(asked).toHaveLength(1);
  });

  it('on a static host with no rules=: no rules, no problem, no socket, no retry', async () => {
    const { updates, sockets, asked, timers } = start({
      'http://localhost:5173/hub/rules': ok('<!doctype html><p>index'),
    });
    await settle();
    expect(updates).toEqual([]);
    expect(sockets).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(timers.pending()).toEqual([]);
  });

  it("served by npm start: the hub's rules now, then every pushed change over its socket", async () => {
    const { updates, drops, sockets } = start({
      'http://localhost:5173/hub/rules': ok(file(LION)),
    });
    await settle();
    expect(updates[0]).toMatchObject({ from: 'hub', mediaBase: 'http://localhost:5173/media/' });
    expect(sockets.map((s) => s.url)).toEqual(['ws://localhost:5173/hub/rules']);
    sockets[0]!.onopen?.({});
    const rose = { when: { gift: 'Rose' }, then: { effect: 'none' } };
    sockets[0]!.push({ type: 'rules', rules: { v: 1, rules: [rose] } });
    expect(updates.map((u) => u.rules)).toEqual([[LION], [rose]]);
    sockets[0]!.push(JSON.parse(heartbeatFrame(15_000)));
    sockets[0]!.push({ type: 'hello' });
    expect(updates).toHaveLength(2);
    expect(drops).toEqual(['Error: not a rules frame']);
  });

  it('reconnects a lost rules socket with the one reconnect policy, and stops for good', async () => {
    const { sockets, timers, stop } = start({ 'http://localhost:5173/hub/rules': ok(file()) });
    await settle();
    sockets[0]!.onopen?.({});
    sockets[0]!.onclose?.({ code: 1006, reason: '' });
    expect(timers.pending()).toHaveLength(1);
    timers.fireNext();
    expect(sockets).toHaveLength(2);
    stop();
    expect(sockets[1]!.closed).toBe(true);
    expect(timers.pending()).toEqual([]);
  });

  it('applies nothing after its stop, even an answer already on its way', async () => {
    const { updates, sockets, stop } = start({ 'http://localhost:5173/hub/rules': ok(file(LION)) });
    stop();
    await settle();
    expect(updates).toEqual([]);
    expect(sockets).toEqual([]);
  });

  it('takes a pushed rules file larger than an event frame may be', async () => {
    const { updates, drops, sockets } = start({ 'http://localhost:5173/hub/rules': ok(file()) });
    await settle();
    sockets[0]!.onopen?.({});
    const long = { name: 'x'.repeat(60), when: { gift: 'Lion' }, then: { text: 'Roar {name}!' } };
    const rules = Array.from({ length: 100 }, () => ({ ...long, on: true, note: 'y'.repeat(600) }));
    const text = JSON.stringify({ type: 'rules', rules: { v: 1, rules } });
    expect(text.length).toBeGreaterThan(MAX_FRAME_CHARS);
    sockets[0]!.onmessage?.({ data: text });
    expect(drops).toEqual([]);
    expect(updates.at(-1)!.rules).toHaveLength(100);
  });
});
