import { describe, expect, it } from 'vitest';
import { soundTurn, type SoundSlot, type SoundTurn } from '../../../src/core/alerts/soundTurn';

const playing = (rank: number, until: number): SoundSlot => ({ rank, until });

describe('soundTurn: one alert sound at a time', () => {
  const table: [string, SoundSlot | null, number, number, SoundTurn][] = [
    ['plays when nothing has played yet', null, 1, 0, 'play'],
    ['plays once the last sound has ended', playing(4, 1000), 1, 1000, 'play'],
    ['plays a small sound long after a big one', playing(4, 1000), 1, 5000, 'play'],
    ['skips a smaller alert while a bigger one plays', playing(3, 1000), 2, 500, 'skip'],
    ['skips an alert of the same size while one plays', playing(2, 1000), 2, 999, 'skip'],
    ['lets a bigger alert cut in', playing(2, 1000), 3, 500, 'cut'],
    ['lets a tier-4 alert cut a tier-1 chime', playing(1, 1000), 4, 0, 'cut'],
  ];
  it.each(table)('%s', (_, slot, rank, now, turn) => {
    expect(soundTurn(slot, rank, now)).toBe(turn);
  });
});
