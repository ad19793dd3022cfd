import { KNOWN_GIFTS, type KnownGift } from '../../core/event/knownGifts';

/**
 * The demo's cast and catalogue: a dozen recurring gifters (Latin, CJK, Arabic, Hebrew, Thai,
 * Cyrillic, emoji) and how often each of the catalogue's gifts is sent.
 */

/** A recurring viewer of the demo's LIVE. */
export interface DemoGifter {
  userId: string;
  uniqueId: string;
  nickname: string;
  /** How often this viewer gifts, relative to the others. */
  weight: number;
}

/** A gift of the catalogue (core/event/knownGifts.ts) and how common it is in a real LIVE. */
export interface DemoGift extends KnownGift {
  /** How often this gift is sent, relative to the others. */
  weight: number;
}

export const DEMO_GIFTERS: readonly DemoGifter[] = [
  { userId: '6813181309701719620', uniqueId: 'mia.sparkles', nickname: 'Mia ✨', weight: 9 },
  { userId: '7034512894412305413', uniqueId: 'lixiaolong88', nickname: '李小龙', weight: 6 },
  { userId: '6990133526189212677', uniqueId: 'ahmed_k', nickname: 'أحمد', weight: 5 },
  { userId: '7120908815330132997', uniqueId: 'sakura_chan', nickname: 'Sakura🌸', weight: 7 },
  { userId: '6874455012349078533', uniqueId: 'nightowl', nickname: 'NightOwl 🦉', weight: 8 },
  { userId: '7201456632019518470', uniqueId: 'joaopedro.gg', nickname: 'João Pedro', weight: 5 },
  { userId: '6751290040561427462', uniqueId: 'daniel.il', nickname: 'דניאל', weight: 3 },
  { userId: '7089911234560001287', uniqueId: 'kong.th', nickname: 'ก้อง', weight: 3 },
  { userId: '6932001856320451590', uniqueId: 'oleg_play', nickname: 'Олег', weight: 4 },
  { userId: '7155603381023469573', uniqueId: 'minjun.k', nickname: '김민준', weight: 4 },
  { userId: '6822230091876541445', uniqueId: 'priya.dances', nickname: 'Priya 💃', weight: 5 },
  { userId: '7250018846200384006', uniqueId: 'lukas_b', nickname: 'Lukas_B', weight: 6 },
];

/** No picture URLs: the demo never fetches from the web; the renderer draws built-in art by gift id. */
const WEIGHTS: readonly [id: string, weight: number][] = [
  ['5655', 40], // Rose
  ['5269', 12], // TikTok
  ['6064', 10], // GG
  ['5827', 10], // Ice Cream Cone
  ['7934', 8], // Heart Me
  ['5487', 12], // Finger Heart
  ['8913', 6], // Rosa
  ['5658', 4], // Perfume
  ['5879', 3], // Doughnut
  ['5659', 3], // Paper Crane
  ['5585', 3], // Confetti
  ['5509', 2], // Sunglasses
  ['6267', 1.5], // Corgi
  ['7168', 1.2], // Money Gun
  ['5897', 0.8], // Swan
  ['5886', 0.6], // Galaxy
  ['6820', 0.3], // Whale diving
  ['5767', 0.15], // Private Jet
  ['6369', 0.05], // Lion
  ['9072', 0.02], // TikTok Universe
];

export const DEMO_GIFTS: readonly DemoGift[] = WEIGHTS.map(([id, weight]) => {
  const gift = KNOWN_GIFTS.get(id);
  if (!gift) throw new Error(`demo gift ${id} is not in the catalogue`);
  return { ...gift, weight };
});
