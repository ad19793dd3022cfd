import type { Tier } from '../../core/alerts/tiers';

export interface Note {
  /** Hz. */
  freq: number;
  /** Seconds after the chime's start. */
  at: number;
  /** Seconds until the note has faded out. */
  length: number;
  wave: OscillatorType;
  /** 0..1 share of the chime's volume. */
  gain: number;
}

const C5 = 523.25;
const E5 = 659.25;
const G5 = 783.99;
const C6 = 1046.5;
const E6 = 1318.5;
const G6 = 1568;

/** Short synthesised chimes that grow with the tier: one bell, a pair, a triad, a fanfare. */
export function chimeNotes(tier: Tier): Note[] {
  const bell = (freq: number, at: number, length = 0.6, gain = 0.8): Note[] => [
    { freq, at, length, wave: 'sine', gain },
    { freq: freq * 2, at, length: length * 0.6, wave: 'sine', gain: gain * 0.25 },
  ];
  switch (tier) {
    case 1:
      return bell(G6, 0, 0.45, 0.6);
    case 2:
      return [...bell(E6, 0, 0.5), ...bell(G6, 0.09, 0.6)];
    case 3:
      return [...bell(C6, 0, 0.55), ...bell(E6, 0.08, 0.6), ...bell(G6, 0.16, 0.8)];
    case 4:
      return [
        ...[C5, E5, G5, C6].flatMap((f, i) => bell(f, i * 0.09, 0.7, 0.7)),
        { freq: C5 / 2, at: 0, length: 1.2, wave: 'triangle', gain: 0.5 },
        ...bell(E6, 0.42, 1.1),
        ...bell(G6, 0.5, 1.2, 0.6),
      ];
  }
}
