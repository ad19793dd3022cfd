import { describe, expect, it } from 'vitest';
import { eventsAnswer, readAnswer, statusAnswer, tokenAnswer } from '../../../src/wire/hubAnswers';

describe("the hub's answers, as the start page reads them", () => {
  it('reads each answer the hub gives', () => {
    expect(readAnswer(eventsAnswer, '{"forwarded":1,"overlays":2}')).toEqual({
      forwarded: 1,
      overlays: 2,
    });
    expect(readAnswer(eventsAnswer, '{"refused":"rate","detail":"slow down"}')).toEqual({
      refused: 'rate',
      detail: 'slow down',
    });
    expect(readAnswer(tokenAnswer, '{"token":"abc"}')).toEqual({ token: 'abc' });
    const status = '{"overlays":2,"senders":0,"refused":{"no-token":1}}';
    expect(readAnswer(statusAnswer, status)).toEqual({
      overlays: 2,
      senders: 0,
      refused: { 'no-token': 1 },
    });
  });

  it.each([
    ['not JSON (a page served instead)', statusAnswer, '<!doctype html>'],
    ['a count that is not one', statusAnswer, '{"overlays":-1,"senders":0,"refused":{}}'],
    [
      'refusals that are not counts',
      statusAnswer,
      '{"overlays":1,"senders":0,"refused":{"x":"y"}}',
    ],
    ['an unknown refusal', eventsAnswer, '{"refused":"nope","detail":""}'],
    ['neither forwarded nor refused', eventsAnswer, '{"ok":true}'],
    ['an empty token', tokenAnswer, '{"token":""}'],
    ['null', tokenAnswer, 'null'],
  ])('reads %s as null, never a throw', (_what, schema, text) => {
    expect(readAnswer(schema, text)).toBeNull();
  });
});
