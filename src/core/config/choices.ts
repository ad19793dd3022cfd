/**
 * The values the enumerated URL parameters allow, and the feeds' default addresses: named here once,
 * read by the parameter table (params.ts) and by the rooms that act on a choice (themes, layout,
 * the feeds).
 */

export const SOURCES = ['demo', 'tiktok', 'tikfinity', 'twitch', 'ws', 'hub'] as const;
export const THEMES = ['glow', 'neon', 'candy', 'minimal'] as const;
export type Theme = (typeof THEMES)[number];
export const FONTS = ['system', 'rounded', 'serif', 'mono', 'display'] as const;
export type Font = (typeof FONTS)[number];
export const POSITIONS = [
  'top-left',
  'top',
  'top-right',
  'center',
  'bottom-left',
  'bottom',
  'bottom-right',
] as const;
export type Position = (typeof POSITIONS)[number];

/** Where the feeds connect by default: TikFinity's local WebSocket, Twitch chat's. */
export const FEED_URLS = {
  tikfinity: 'ws://localhost:21213/',
  irc: 'wss://irc-ws.chat.twitch.tv:443',
} as const;

export const QUALITIES = ['auto', 'high', 'light'] as const;
