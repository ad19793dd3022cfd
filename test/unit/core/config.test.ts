import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  PARAMS,
  PARAM_NAMES,
  parseParams,
  toQuery,
  valueScaleOf,
} from '../../../src/core/config/config';

const issuesOf = (search: string) =>
  parseParams(search).issues.map((i) => `${i.param}: ${i.message}`);

describe('parseParams', () => {
  it('gives every default for an empty query', () => {
    const { config, issues } = parseParams('');
    expect(issues).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect([config.source, config.rate, config.theme, config.top, config.streak]).toEqual([
      ['demo'],
      30,
      'glow',
      5,
      8,
    ]);
  });

  it.each<[string, Partial<Record<string, unknown>>]>([
    [
      '?source=tikfinity,twitch&channel=SpirodonFL',
      { source: ['tikfinity', 'twitch'], channel: 'spirodonfl' },
    ],
    ['?source=tiktok&tiktok=@GiftGlow.Fan', { source: ['tiktok'], tiktok: 'giftglow.fan' }],
    ['tiktok=https://www.tiktok.com/@Some_One/live', { tiktok: 'some_one' }],
    ['rate=40&seed=7&top=3', { rate: 40, seed: 7, top: 3 }],
    ['coin=0.5&tier1=400', { coin: 0.5, tier1: 400 }],
    ['accent=%23FF8800', { accent: '#ff8800' }],
    ['accent=f80', { accent: '#f80' }],
    ['block=foo, bar ,,foo&hide=Me,You', { block: ['foo', 'bar'], hide: ['me', 'you'] }],
    ['tiers=50,500,5000', { tiers: [50, 500, 5000] }],
    [
      'sound=on&board=on&issues=hide&status=hide',
      { sound: true, board: true, issues: false, status: false },
    ],
    [
      'position=top-left&font=mono&theme=NEON',
      { position: 'top-left', font: 'mono', theme: 'neon' },
    ],
    ['title=%3Cb%3EBig%3C%2Fb%3E', { title: '<b>Big</b>' }],
    [
      'ws=wss://relay.example:8443/feed&source=ws',
      { ws: 'wss://relay.example:8443/feed', source: ['ws'] },
    ],
    ['session=late-show_2', { session: 'late-show_2' }],
  ])('reads %s', (search, expected) => {
    const { config, issues } = parseParams(search);
    expect(issues).toEqual([]);
    expect(config).toMatchObject(expected);
  });

  it.each([
    ['rate=abc', "rate: rate must be a number from 1 to 600 (got 'abc'); using 30"],
    ['rate=0', "rate: rate must be a number from 1 to 600 (got '0'); using 30"],
    ['top=2.5', "top: top must be a whole number from 1 to 20 (got '2.5'); using 5"],
    [
      'source=youtube',
      "source: source must be a comma list of demo, tiktok, tikfinity, twitch, ws, hub (got 'youtube'); using demo",
    ],
    [
      'tikfinity=http://x',
      "tikfinity: tikfinity must be a ws:// or wss:// URL (got 'http://x'); using ws://localhost:21213/",
    ],
    [
      'tikfinity=javascript:alert(1)',
      "tikfinity: tikfinity must be a ws:// or wss:// URL (got 'javascript:alert(1)'); using ws://localhost:21213/",
    ],
    [
      'accent=red;background:url(x)',
      "accent: accent must be a colour #rgb or #rrggbb (the # may be left out) (got 'red;background:url(x)'); leaving it unset",
    ],
    [
      'font=Comic%20Sans',
      "font: font must be system, rounded, serif, mono, display (got 'Comic Sans'); using system",
    ],
    [
      'coin=0.3333',
      "coin: coin must be a number from 0 to 100 (3 decimals at most) (got '0.3333'); using 1",
    ],
    [
      'tiers=5,3,9',
      "tiers: tiers must be 3 ascending numbers, comma separated (got '5,3,9'); using 100,1000,10000",
    ],
    [
      'title=' + 'x'.repeat(61),
      `title: title must be text of up to 60 characters (got '${'x'.repeat(40)}…'); using Top gifters`,
    ],
    [
      'session=../etc',
      "session: session must be 1 to 40 of A-Z, a-z, 0-9, _, - (got '../etc'); using default",
    ],
    [
      'template=',
      "template: template must be text of 1 to 120 characters; {name} {gift} {count} {value} are filled in (got ''); using Thank you, {name}!",
    ],
    [
      'channel=a',
      "channel: channel must be a Twitch login: 2 to 25 of a-z, 0-9, _ (got 'a'); leaving it unset",
    ],
    [
      'tiktok=giftglow.',
      "tiktok: tiktok must be a TikTok username: 2 to 24 of a-z, 0-9, _ and ., with or without @ (got 'giftglow.': a TikTok username never ends with a period); leaving it unset",
    ],
    [
      'tiktok=../hub',
      "tiktok: tiktok must be a TikTok username: 2 to 24 of a-z, 0-9, _ and ., with or without @ (got '../hub': a TikTok username has only letters, digits, _ and .); leaving it unset",
    ],
  ])('reports %s by name and falls back to the default', (search, message) => {
    expect(issuesOf(search)).toEqual([message]);
  });

  it('keeps the good parameters when one is bad', () => {
    const { config } = parseParams('rate=abc&top=3');
    expect([config.rate, config.top]).toEqual([30, 3]);
  });

  it('reports an unknown parameter, suggesting the closest name', () => {
    expect(issuesOf('rtae=3&zzzzzz=1')).toEqual([
      "rtae: unknown parameter 'rtae' is ignored; did you mean 'rate'?",
      "zzzzzz: unknown parameter 'zzzzzz' is ignored",
    ]);
  });

  it('uses the last of a repeated parameter and says so', () => {
    const { config, issues } = parseParams('top=3&top=4');
    expect(config.top).toBe(4);
    expect(issues).toEqual([
      { param: 'top', message: "top is given 2 times; using the last ('4')" },
    ]);
  });

  it('asks for a channel with source=twitch and a URL with source=ws', () => {
    expect(issuesOf('source=twitch,ws').map((i) => i.split(':')[0])).toEqual(['channel', 'ws']);
  });

  it('asks for a username with source=tiktok', () => {
    expect(issuesOf('source=tiktok,twitch&channel=abc')).toEqual([
      'tiktok: tiktok is needed with source=tiktok (a TikTok username: 2 to 24 of a-z, 0-9, _ and ., with or without @)',
    ]);
  });

  it('never throws on badly encoded or control-character input', () => {
    const { config, issues } = parseParams('title=%E0%A4%A&rate=%00&%%%=1');
    expect(config.rate).toBe(30);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('strips control characters from text parameters', () => {
    expect(parseParams('title=Top%0Agifters%07').config.title).toBe('Top gifters');
  });
});

describe('toQuery', () => {
  it('writes only what differs from the defaults, and reads back to the same config', () => {
    const search =
      'source=tikfinity,twitch&channel=abc&rate=40&accent=%23ff8800&block=a,b&tiers=20,200,2000&sound=on&coin=0.5';
    const { config } = parseParams(search);
    const query = toQuery(config);
    expect(query).toBe(
      'source=tikfinity,twitch&rate=40&channel=abc&block=a,b&coin=0.5&tiers=20,200,2000&accent=ff8800&sound=on',
    );
    expect(parseParams(query).config).toEqual(config);
  });

  it('writes nothing for the defaults', () => {
    expect(toQuery(DEFAULT_CONFIG)).toBe('');
  });
});

describe('PARAMS', () => {
  it('describes every parameter with its default, what is allowed and what it means', () => {
    expect(PARAMS.map((p) => p.name)).toEqual(PARAM_NAMES);
    expect(PARAMS.length).toBe(52);
    for (const row of PARAMS) {
      expect(row.allowed.length).toBeGreaterThan(3);
      expect(row.meaning.length).toBeGreaterThan(3);
    }
    expect(PARAMS.find((p) => p.name === 'rate')).toEqual({
      name: 'rate',
      default: '30',
      allowed: 'a number from 1 to 600',
      meaning: 'Demo gifts per minute',
      page: 'both',
      control: { kind: 'slider', min: 1, max: 600, step: 1 },
      group: 'Feeds',
    });
  });

  it('lists the choices of fixed-list parameters, each accepted by the parser', () => {
    /** The sources that need an address, and the parameter that gives it. */
    const NEEDS: Record<string, string> = { tiktok: 'tiktok', twitch: 'channel', ws: 'ws' };
    const withChoices = PARAMS.filter((p) => p.choices);
    expect(withChoices.map((p) => p.name)).toEqual([
      'source',
      'blockaction',
      'minaction',
      'theme',
      'font',
      'position',
      'sound',
      'quality',
      'issues',
      'status',
      'board',
      'goalkind',
      'goalrepeat',
      'counttests',
      'follows',
      'shares',
      'loop',
    ]);
    for (const row of withChoices) {
      expect(row.choices).toContain(row.default.split(',')[0]);
      for (const choice of row.choices ?? []) {
        expect(parseParams(`${row.name}=${choice}`).issues).toEqual(
          row.name === 'source' && choice in NEEDS
            ? [expect.objectContaining({ param: NEEDS[choice] })]
            : [],
        );
      }
    }
  });

  it('gives every default back through its own parser', () => {
    const query = PARAMS.filter((p) => p.default !== '')
      .map((p) => `${p.name}=${encodeURIComponent(p.default)}`)
      .join('&');
    const { config, issues } = parseParams(query);
    expect(issues).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });
});

describe('valueScaleOf', () => {
  it('takes the factors from the config', () => {
    expect(valueScaleOf(parseParams('coin=0.5&tier3=3000&tiktoksub=250').config)).toEqual({
      coin: 0.5,
      bit: 1,
      tier1: 500,
      tier2: 1000,
      tier3: 3000,
      tiktokSub: 250,
    });
  });
});

describe('goal parameters', () => {
  it('read a goal of likes with its title, offset and rollover', () => {
    const { config, issues } = parseParams(
      '?goal=50000&goalkind=likes&goaltitle=50k%20likes&goalstart=1200&goalrepeat=on',
    );
    expect(issues).toEqual([]);
    expect([
      config.goal,
      config.goalkind,
      config.goaltitle,
      config.goalstart,
      config.goalrepeat,
    ]).toEqual([50000, 'likes', '50k likes', 1200, true]);
  });

  it('leave the goal unset by default, and name a bad target or kind', () => {
    expect(parseParams('').config.goal).toBeUndefined();
    const { config, issues } = parseParams('?goal=0&goalkind=diamonds');
    expect(config.goal).toBeUndefined();
    expect(config.goalkind).toBe('points');
    expect(issues.map((i) => i.param)).toEqual(['goal', 'goalkind']);
  });
});

describe('the start page controls, from the schema', () => {
  const row = (name: string) => PARAMS.find((p) => p.name === name);

  it('gives a select for a fixed choice, a switch for two states, a colour picker, a slider with bounds', () => {
    expect(row('theme')?.control).toEqual({
      kind: 'select',
      options: ['glow', 'neon', 'candy', 'minimal'],
    });
    expect(row('sound')?.control).toEqual({ kind: 'switch', on: 'on', off: 'off' });
    expect(row('status')?.control).toEqual({ kind: 'switch', on: 'show', off: 'hide' });
    expect(row('accent')?.control).toEqual({ kind: 'colour' });
    expect(row('top')?.control).toEqual({ kind: 'slider', min: 1, max: 20, step: 1 });
    expect(row('scale')?.control).toMatchObject({ kind: 'slider', min: 0.5, max: 3 });
    expect(row('source')?.control).toMatchObject({ kind: 'choices' });
  });

  it('keeps text fields for text, and a number box for ranges no slider can aim at', () => {
    for (const name of ['template', 'title', 'channel', 'block', 'tiers'])
      expect(row(name)?.control).toEqual({ kind: 'text' });
    expect(row('min')?.control).toMatchObject({ kind: 'number', min: 0, max: 1e9 });
  });

  it('puts every parameter in a group, the most used groups first', () => {
    expect(PARAMS.filter((p) => p.group === 'Feeds').map((p) => p.name)).toContain('source');
    expect(row('theme')?.group).toBe('Look');
    expect(row('volume')?.group).toBe('Sound');
    expect(row('block')?.group).toBe('Filters');
    expect(row('goalkind')?.group).toBe('Goal');
    expect(PARAMS.every((p) => p.group !== '')).toBe(true);
  });
});

describe('the parameter table cannot drift from the schema', () => {
  it("names each field's own bounds and choices in its allowed text", () => {
    for (const row of PARAMS) {
      const control = row.control;
      if (control.kind === 'slider' || control.kind === 'number') {
        expect(row.allowed, row.name).toContain(`from ${control.min} to ${control.max}`);
      } else if (control.kind === 'select' || control.kind === 'choices') {
        for (const option of control.options) expect(row.allowed, row.name).toContain(option);
      } else if (control.kind === 'switch') {
        expect(row.allowed, row.name).toBe(`${control.on} or ${control.off}`);
      }
    }
  });
});

describe('quality= and fps=', () => {
  it('default to auto, and take a forced quality or a whole frame rate', () => {
    expect(parseParams('').config.quality).toBe('auto');
    expect(parseParams('').config.fps).toBe('auto');
    expect(parseParams('quality=LIGHT&fps=30').config).toMatchObject({ quality: 'light', fps: 30 });
    expect(parseParams('quality=high&fps=auto').config).toMatchObject({
      quality: 'high',
      fps: 'auto',
    });
  });

  it('name the parameter and keep the default for a value out of range', () => {
    const { config, issues } = parseParams('fps=5&quality=ultra');
    expect(config.fps).toBe('auto');
    expect(config.quality).toBe('auto');
    expect(issues.map((i) => i.param).sort()).toEqual(['fps', 'quality']);
  });
});
