import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES_PROBLEM_HEADER } from '../../../src/hub/rules/rulesRoute';
import { MAX_RULES_WATCHERS } from '../../../src/hub/rules/rulesSocket';
import { eventsAnswer, readAnswer, rulesSavedAnswer } from '../../../src/wire/hubAnswers';
import { rulesOfFrame } from '../../../src/wire/rulesFrame';
import { auth, hubOnServer } from './hubOnServer';
import { wsClient } from './wsClient';

/**
 * The saved alert rules on a real server: GET for anyone on this computer, PUT with the token,
 * a corrupt file read as no rules (with the reason), and every save pushed to the watching sockets.
 */

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const item of open.splice(0).reverse()) item.close();
});

const lion = { name: 'Lion', when: { gift: 'Lion' }, then: { media: 'lion.webm', duration: 8 } };
const broken = { name: 'Typo', when: { kind: 'gfit' }, then: {} };
const refusedAs = (text: string) => readAnswer(eventsAnswer, text);
const put = (body: unknown, headers: Record<string, string> = auth) => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('the saved alert rules', () => {
  it('answers no rules before any are saved, then what was saved, across a restart', async () => {
    const served = await hubOnServer(open);
    const none = await served.send('GET', '/hub/rules');
    expect(none.status).toBe(200);
    expect(JSON.parse(none.text)).toEqual({ v: 1, rules: [] });
    expect(none.headers['cache-control']).toBe('no-store');
    const saved = await served.send('PUT', '/hub/rules', put({ v: 1, rules: [lion] }));
    expect(saved.status).toBe(200);
    expect(readAnswer(rulesSavedAnswer, saved.text)).toEqual({
      done: 'saved',
      rules: 1,
      problems: [],
    });
    expect(JSON.parse(readFileSync(served.data.rules, 'utf8'))).toEqual({ v: 1, rules: [lion] });
    const again = await hubOnServer(open, served.data);
    expect(JSON.parse((await again.send('GET', '/hub/rules')).text)).toEqual({
      v: 1,
      rules: [lion],
    });
  });

  it('saves rules with problems, and names each problem in the answer', async () => {
    const { send } = await hubOnServer(open);
    const saved = await send('PUT', '/hub/rules', put({ v: 1, rules: [lion, broken] }));
    expect(saved.status).toBe(200);
    const answer = readAnswer(rulesSavedAnswer, saved.text);
    expect(answer?.rules).toBe(2);
    expect(answer?.problems).toEqual([expect.stringMatching(/^rule 2 \(Typo\): when\.kind/)]);
    expect(JSON.parse((await send('GET', '/hub/rules')).text)).toEqual({
      v: 1,
      rules: [lion, broken],
    });
  });

  it('refuses what is not a rules file, too big, without the token or from elsewhere: nothing written', async () => {
    const { send, data, hub, port } = await hubOnServer(open);
    const cases: Array<[ReturnType<typeof put>, number, string]> = [
      [put({ rules: [lion] }), 400, 'not-rules'],
      [put([lion]), 400, 'not-rules'],
      [put('{"v":1,"rules":['), 400, 'not-json'],
      [put({ v: 1, rules: [{ name: 'x'.repeat(300_000) }] }), 413, 'oversized'],
      [put({ v: 1, rules: [] }, {}), 401, 'no-token'],
      [put({ v: 1, rules: [] }, { ...auth, Origin: 'https://evil.test' }), 403, 'foreign-origin'],
      [put({ v: 1, rules: [] }, { ...auth, Host: `evil.test:${port}` }), 403, 'foreign-host'],
    ];
    for (const [request, status, reason] of cases) {
      const answer = await send('PUT', '/hub/rules', request);
      expect(answer.status, reason).toBe(status);
      expect(refusedAs(answer.text)).toMatchObject({ refused: reason });
    }
    const notRules = await send('PUT', '/hub/rules', put({ rules: [] }));
    expect(refusedAs(notRules.text)).toMatchObject({
      detail: expect.stringMatching(/^not a rules file: v: /),
    });
    expect(() => statSync(data.rules)).toThrow();
    expect((await send('POST', '/hub/rules', put({ v: 1, rules: [] }))).status).toBe(405);
    const rebinding = await send('GET', '/hub/rules', { headers: { Host: `evil.test:${port}` } });
    expect(rebinding.status).toBe(403);
    expect(hub.hub.refusals.byReason()).toMatchObject({ 'not-rules': 3, 'foreign-host': 2 });
  });

  it('reads a corrupt file on disk as no rules, says why in a header and logs it once', async () => {
    const { send, data, logged } = await hubOnServer(open);
    for (const corrupt of ['{"v":1,"rules":[', '{"v":2,"rules":[]}', 'é\u0000 not json']) {
      writeFileSync(data.rules, corrupt);
      const answer = await send('GET', '/hub/rules');
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ v: 1, rules: [] });
      expect(answer.headers[RULES_PROBLEM_HEADER.toLowerCase()]).toContain(data.rules);
      await send('GET', '/hub/rules');
    }
    expect(logged).toHaveLength(3);
    expect(logged[1]).toContain('is not a rules file: v:');
    expect((await send('PUT', '/hub/rules', put({ v: 1, rules: [lion] }))).status).toBe(200);
    expect(
      (await send('GET', '/hub/rules')).headers[RULES_PROBLEM_HEADER.toLowerCase()],
    ).toBeUndefined();
  });
});

describe('watching the rules on /hub/rules', () => {
  const watch = (port: number, headers: Record<string, string> = {}) =>
    wsClient(`ws://127.0.0.1:${port}/hub/rules`, headers, open);
  const rulesIn = (got: string[]) =>
    got.map((text) => rulesOfFrame(JSON.parse(text))).filter((rules) => rules !== null);

  it('hears the rules on connect, and again after every save', async () => {
    const { send, port, hub } = await hubOnServer(open);
    const [a, b] = [watch(port), watch(port)];
    await Promise.all([a.ready, b.ready]);
    await vi.waitFor(() => expect(rulesIn(a.got)).toEqual([{ v: 1, rules: [] }]));
    expect(a.got.some((text) => text.includes('"heartbeat"'))).toBe(true);
    await send('PUT', '/hub/rules', put({ v: 1, rules: [lion, broken] }));
    for (const watcher of [a, b])
      await vi.waitFor(() =>
        expect(rulesIn(watcher.got).at(-1)).toEqual({ v: 1, rules: [lion, broken] }),
      );
    await send('PUT', '/hub/rules', put({ rules: 'nope' }));
    a.ws.send('hello');
    await vi.waitFor(() => expect(hub.hub.refusals.byReason()).toMatchObject({ 'no-token': 1 }));
    expect(rulesIn(a.got)).toHaveLength(2);
    const late = watch(port);
    await late.ready;
    await vi.waitFor(() => expect(rulesIn(late.got)).toEqual([{ v: 1, rules: [lion, broken] }]));
  });

  it('turns down a page of another site or a rebinding host before it opens, and too many', async () => {
    const { port, hub } = await hubOnServer(open);
    await expect(watch(port, { Origin: 'https://evil.test' }).ready).rejects.toThrow('403');
    await expect(watch(port, { Host: `evil.test:${port}` }).ready).rejects.toThrow('403');
    const own = watch(port, { Origin: `http://localhost:${port}`, Host: `localhost:${port}` });
    await own.ready;
    const many = Array.from({ length: MAX_RULES_WATCHERS - 1 }, () => watch(port));
    await Promise.all(many.map((w) => w.ready));
    await expect(watch(port).ready).rejects.toThrow('503');
    expect(hub.hub.refusals.byReason()).toEqual({
      'foreign-origin': 1,
      'foreign-host': 1,
      full: 1,
    });
  });
});
