/**
 * The one rule that keeps alert sounds from overlapping into noise during a gift battle: at most
 * one sound at a time (rule sounds and chimes alike). While one plays, a new sound for an alert of
 * the same or a smaller rank is skipped; a bigger alert's sound cuts the playing one off.
 */

/** The sound playing now: its alert's rank (the tier) and when it ends (ms, the page's clock). */
export interface SoundSlot {
  rank: number;
  until: number;
}

/** `play`: nothing is playing; `cut`: stop the playing sound and play; `skip`: stay quiet. */
export type SoundTurn = 'play' | 'cut' | 'skip';

export function soundTurn(playing: SoundSlot | null, rank: number, now: number): SoundTurn {
  if (playing === null || now >= playing.until) return 'play';
  return rank > playing.rank ? 'cut' : 'skip';
}
