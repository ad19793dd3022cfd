/**
 * The start page's groups, in order, each with its parameters most used first. A parameter not
 * listed here still gets its control: in 'Alerts' or 'Board' by the page that reads it, else 'More'.
 */
export const GROUPS: Readonly<Record<string, readonly string[]>> = {
  Feeds: ['tiktok', 'source', 'channel', 'tikfinity', 'hub', 'ws', 'rate', 'seed', 'irc'],
  Look: ['theme', 'accent', 'font', 'scale', 'position'],
  Alerts: [
    'template',
    'duration',
    'min',
    'minaction',
    'tiers',
    'maxqueue',
    'follows',
    'shares',
    'likes',
    'rules',
  ],
  Board: [
    'top',
    'title',
    'board',
    'session',
    'counttests',
    'coin',
    'bit',
    'tier1',
    'tier2',
    'tier3',
    'tiktoksub',
    'streak',
  ],
  Goal: ['goal', 'goalkind', 'goaltitle', 'goalstart', 'goalrepeat'],
  Filters: ['block', 'blockaction', 'hide'],
  Sound: ['sound', 'volume'],
  Credits: ['speed', 'loop'],
  More: ['issues', 'status'],
};
