import type { Supporter, Supporters } from './supporters';

/**
 * The thank-you list: a session's supporters (supporters.ts) as CSV for a spreadsheet and as plain
 * text to paste into a post. Names come from chat: a CSV cell starting with = + - @ (or a tab or
 * carriage return) would be a formula to a spreadsheet, so it gets a leading ' (OWASP's advice).
 */

const GROUP_NAMES = {
  gifters: 'gifter',
  subscribers: 'subscriber',
  followers: 'follower',
} as const;

const HEADER = [
  'group',
  'name',
  'handle',
  'platform',
  'points',
  'coins',
  'bits',
  'gifts',
  'first',
  'last',
];

/** One CSV cell: formula-safe, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `toTime`: how a time (ms) is written, e.g. ISO 8601 (a parameter: core has no clock or zone). */
export function thanksCsv(supporters: Supporters, toTime: (ms: number) => string): string {
  const lines = [HEADER.join(',')];
  for (const group of ['gifters', 'subscribers', 'followers'] as const) {
    for (const s of supporters[group]) {
      const cells = [
        GROUP_NAMES[group],
        s.name,
        s.login,
        s.platform,
        s.points,
        s.coins,
        s.bits,
        s.gifts,
        toTime(s.first),
        toTime(s.last),
      ];
      lines.push(cells.map(csvCell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

const nameOf = (s: Supporter): string =>
  s.login && s.login !== s.name ? `${s.name} (@${s.login})` : s.name;

/** Plain text ready to paste: one line per group, names in order, gifters with their points. */
export function thanksText(supporters: Supporters): string {
  const parts: string[] = [];
  const { gifters, subscribers, followers } = supporters;
  if (gifters.length > 0)
    parts.push(
      `Thank you to everyone who sent gifts: ${gifters.map((s) => `${nameOf(s)} ${s.points}`).join(', ')}`,
    );
  if (subscribers.length > 0)
    parts.push(`Thank you for subscribing: ${subscribers.map(nameOf).join(', ')}`);
  if (followers.length > 0)
    parts.push(`And welcome to our new followers: ${followers.map(nameOf).join(', ')}`);
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : 'No supporters in this session yet.\n';
}
