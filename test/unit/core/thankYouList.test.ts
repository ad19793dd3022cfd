import { describe, expect, it } from 'vitest';
import { csvCell, thanksCsv, thanksText } from '../../../src/core/session/thanks';
import { supportersOf } from '../../../src/core/session/supporters';
import { cheer, follow, oneOffGift, sub, twitchSender } from '../../fixtures/core/events';
import { tiktokUser } from './giftStream';
import { feed, session } from './helpers';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the thank-you list', () => {
  it.each([
    ['=HYPERLINK("http://evil.test")', `"'=HYPERLINK(""http://evil.test"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Ann, Bo', '"Ann, Bo"'],
    ['line\nbreak', '"line\nbreak"'],
    ['Zoë 🌹', 'Zoë 🌹'],
    [42, '42'],
  ])('writes the cell %j as %j: never a formula to a spreadsheet', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('lists gifters by value, then subscribers, then followers, each once, with their totals', () => {
    const page = session();
    const tier1 = twitchSender('77', 'subby', 'Subby');
    feed(page, [
      follow({ id: 'f1', sender: tiktokUser(1) }),
      oneOffGift({ id: 'g1', sender: tiktokUser(2), coins: 5 }),
      oneOffGift({ id: 'g2', sender: tiktokUser(2), coins: 5 }),
      cheer({ id: 'c1', bits: 100, sender: twitchSender('9', 'minus', '-Minus') }),
      follow({ id: 'f2', sender: tiktokUser(2) }),
      sub({ id: 's1', tier: 'prime', sender: tier1 }),
    ]);
    const supporters = supportersOf(page.drainLedger());
    const csv = thanksCsv(supporters, iso).split('\r\n');
    expect(csv[0]).toBe('group,name,handle,platform,points,coins,bits,gifts,first,last');
    expect(csv.slice(1, -1).map((line) => line.split(',').slice(0, 8).join(','))).toEqual([
      'gifter,Subby,subby,twitch,500,0,0,1',
      "gifter,'-Minus,minus,twitch,100,0,100,1",
      'gifter,T2,t2,tiktok,10,10,0,2',
      'follower,T1,t1,tiktok,0,0,0,0',
    ]);
    expect(thanksText(supporters)).toBe(
      'Thank you to everyone who sent gifts: Subby (@subby) 500, -Minus (@minus) 100, T2 (@t2) 10\n\n' +
        'And welcome to our new followers: T1 (@t1)\n',
    );
  });

  it('says so when nobody supported the session yet', () => {
    const none = { gifters: [], subscribers: [], followers: [] };
    expect(thanksText(none)).toBe('No supporters in this session yet.\n');
    expect(thanksCsv(none, iso)).toBe(
      'group,name,handle,platform,points,coins,bits,gifts,first,last\r\n',
    );
  });
});
