/**
 * The gift catalogue: well-known TikTok gifts by id (TikTok's own gift list, Jan 2024; ids drift
 * over time). The one table for the built-in art drawn when an event brings no usable picture, the
 * price used when a feed sends a gift without one, and the demo feed's gifts. Gifts are matched by
 * id, never by name: names follow the streamer's language.
 */
export interface KnownGift {
  id: string;
  name: string;
  coins: number;
  emoji: string;
  /** Sent in combo steps (TikTok's giftType 1) rather than once. */
  streakable: boolean;
}

/** Streakable gifts all cost 1-99 coins; these few of that price are sent once. */
const SENT_ONCE = new Set(['7934', '9139', '5659']);

const TABLE: readonly [id: string, name: string, coins: number, emoji: string][] = [
  ['5655', 'Rose', 1, '🌹'],
  ['5269', 'TikTok', 1, '🎵'],
  ['6064', 'GG', 1, '🏆'],
  ['5827', 'Ice Cream Cone', 1, '🍦'],
  ['7934', 'Heart Me', 1, '💗'],
  ['9139', 'Team Bracelet', 2, '📿'],
  ['5487', 'Finger Heart', 5, '💕'],
  ['8913', 'Rosa', 10, '🌷'],
  ['6052', 'Gamepad', 10, '🎮'],
  ['5658', 'Perfume', 20, '🌸'],
  ['5879', 'Doughnut', 30, '🍩'],
  ['6070', 'Mirror', 30, '🪞'],
  ['6104', 'Cap', 99, '🧢'],
  ['6427', 'Hat and Mustache', 99, '🎩'],
  ['5659', 'Paper Crane', 99, '🕊️'],
  ['5585', 'Confetti', 100, '🎊'],
  ['5660', 'Hand Hearts', 100, '💞'],
  ['5509', 'Sunglasses', 199, '🕶️'],
  ['6267', 'Corgi', 299, '🐕'],
  ['7168', 'Money Gun', 500, '💸'],
  ['5897', 'Swan', 699, '🦢'],
  ['5978', 'Train', 899, '🚂'],
  ['5886', 'Galaxy', 1000, '💫'],
  ['6090', 'Fireworks', 1088, '🎆'],
  ['6820', 'Whale diving', 2150, '🐋'],
  ['5765', 'Motorcycle', 2988, '🏍️'],
  ['5767', 'Private Jet', 4888, '🛩️'],
  ['6089', 'Sports Car', 7000, '🏎️'],
  ['6149', 'Interstellar', 10000, '🚀'],
  ['5954', 'Planet', 15000, '🪐'],
  ['9501', 'Yacht', 20000, '🛥️'],
  ['7610', 'Dragon Flame', 26999, '🐉'],
  ['6369', 'Lion', 29999, '🦁'],
  ['7312', 'TikTok Universe+', 34999, '🌠'],
  ['9072', 'TikTok Universe', 44999, '🌌'],
];

export const KNOWN_GIFTS: ReadonlyMap<string, KnownGift> = new Map(
  TABLE.map(([id, name, coins, emoji]) => [
    id,
    { id, name, coins, emoji, streakable: coins < 100 && !SENT_ONCE.has(id) },
  ]),
);
