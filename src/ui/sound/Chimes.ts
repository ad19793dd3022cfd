import type { Tier } from '../../core/alerts/tiers';
import type { AudioOut } from './AudioOut';
import { chimeNotes } from './chimeNotes';

/** Scheduled this far ahead so the attack is never clipped (OBS loses the start of short sounds). */
const LEAD_IN = 0.06;
/** Synthesised bells are loud next to a recorded sound at the same volume: half of `volume=`. */
const LEVEL = 0.5;

/**
 * Alert chimes synthesised with Web Audio through the page's one AudioOut (which keeps them from
 * overlapping other sounds); every note's nodes disconnect when it ends, so hours of alerts leak
 * nothing.
 */
export class Chimes {
  readonly #out: AudioOut;
  #live = 0;

  constructor(out: AudioOut) {
    this.#out = out;
  }

  play(tier: Tier): void {
    this.#out.whenRunning((ctx, master) => this.#schedule(ctx, master, tier));
  }

  /** Notes still holding audio nodes (for the debug hook: returns to 0 after each chime). */
  get activeNotes(): number {
    return this.#live;
  }

  #schedule(ctx: AudioContext, master: GainNode, tier: Tier): void {
    const notes = chimeNotes(tier);
    const oscillators: OscillatorNode[] = [];
    const seconds = LEAD_IN + Math.max(...notes.map((n) => n.at + n.length));
    // Cut off by a bigger alert's sound: stopping an oscillator that already stopped is harmless.
    const stop = () => {
      for (const osc of oscillators) osc.stop();
    };
    if (!this.#out.claim(tier, seconds, stop)) return;
    const start = ctx.currentTime + LEAD_IN;
    for (const note of notes) {
      const t0 = start + note.at;
      const osc = ctx.createOscillator();
      const env = ctx.createGain();
      osc.type = note.wave;
      osc.frequency.value = note.freq;
      env.gain.setValueAtTime(0, t0);
      env.gain.linearRampToValueAtTime(note.gain * LEVEL, t0 + 0.012);
      env.gain.exponentialRampToValueAtTime(0.0001, t0 + note.length);
      osc.connect(env).connect(master);
      this.#live++;
      osc.onended = () => {
        osc.disconnect();
        env.disconnect();
        this.#live--;
      };
      osc.start(t0);
      osc.stop(t0 + note.length + 0.02);
      oscillators.push(osc);
    }
  }
}
