/**
 * The demo's cast and catalogue: a dozen recurring gifters (Latin, CJK, Arabic, Hebrew, Thai, Cyrillic,
 * emoji) and TikTok's well-known gifts with their real coin prices and ids (Jan 2024 gift list).
 */
export interface DemoGifter {
  userId: string;
  uniqueId: string;
  nickname: string;
  /** How often this viewer gifts, relative to the others. */
  weight: number;
}

export interface DemoGift {
  id: number;
  name: string;
  coins: number;
  streakable: boolean;
  /** How common the gift is in a real LIVE, relative to the others. */
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
export const DEMO_GIFTS: readonly DemoGift[] = [
  { id: 5655, name: 'Rose', coins: 1, streakable: true, weight: 40 },
  { id: 5269, name: 'TikTok', coins: 1, streakable: true, weight: 12 },
  { id: 6064, name: 'GG', coins: 1, streakable: true, weight: 10 },
  { id: 5827, name: 'Ice Cream Cone', coins: 1, streakable: true, weight: 10 },
  { id: 7934, name: 'Heart Me', coins: 1, streakable: false, weight: 8 },
  { id: 5487, name: 'Finger Heart', coins: 5, streakable: true, weight: 12 },
  { id: 8913, name: 'Rosa', coins: 10, streakable: true, weight: 6 },
  { id: 5658, name: 'Perfume', coins: 20, streakable: true, weight: 4 },
  { id: 5879, name: 'Doughnut', coins: 30, streakable: true, weight: 3 },
  { id: 5659, name: 'Paper Crane', coins: 99, streakable: false, weight: 3 },
  { id: 5585, name: 'Confetti', coins: 100, streakable: false, weight: 3 },
  { id: 5509, name: 'Sunglasses', coins: 199, streakable: false, weight: 2 },
  { id: 6267, name: 'Corgi', coins: 299, streakable: false, weight: 1.5 },
  { id: 7168, name: 'Money Gun', coins: 500, streakable: false, weight: 1.2 },
  { id: 5897, name: 'Swan', coins: 699, streakable: false, weight: 0.8 },
  { id: 5886, name: 'Galaxy', coins: 1000, streakable: false, weight: 0.6 },
  { id: 6820, name: 'Whale diving', coins: 2150, streakable: false, weight: 0.3 },
  { id: 5767, name: 'Private Jet', coins: 4888, streakable: false, weight: 0.15 },
  { id: 6369, name: 'Lion', coins: 29999, streakable: false, weight: 0.05 },
  { id: 9072, name: 'TikTok Universe', coins: 44999, streakable: false, weight: 0.02 },
];
