import type { Tier } from '../../core/alerts/tiers';
import { chimeNotes } from './chimeNotes';

/** Scheduled this far ahead so the attack is never clipped (OBS loses the start of short sounds). */
const LEAD_IN = 0.06;
/** A chime that could not start within this long (ms) is dropped. */
const STALE_MS = 1000;

/**
 * Alert sounds synthesised with Web Audio: one AudioContext for the whole stream, created on the
 * first chime; every note's nodes disconnect when it ends, so hours of alerts leak nothing.
 * A suspended context (autoplay policy, or Chromium parking it after a quiet spell) is resumed
 * before scheduling.
 */
export class Chimes {
  readonly #volume: number;
  readonly #clock: () => number;
  readonly #createContext: () => AudioContext;
  #context: AudioContext | null = null;
  #master: GainNode | null = null;
  #live = 0;

  constructor(
    volume: number,
    clock: () => number = () => performance.now(),
    createContext: () => AudioContext = () => new AudioContext(),
  ) {
    this.#volume = volume;
    this.#clock = clock;
    this.#createContext = createContext;
  }

  play(tier: Tier): void {
    const ctx = this.#ensure();
    if (!ctx) return;
    if (ctx.state === 'running') return this.#schedule(ctx, tier);
    // In a normal browser resume() waits for a click: a chime that late belongs to an old alert.
    const asked = this.#clock();
    void ctx.resume().then(
      () => {
        if (this.#clock() - asked < STALE_MS) this.#schedule(ctx, tier);
      },
      () => undefined,
    );
  }

  /** Notes still holding audio nodes (for the debug hook: returns to 0 after each chime). */
  get activeNotes(): number {
    return this.#live;
  }

  destroy(): void {
    this.#master?.disconnect();
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
    this.#master = null;
  }

  #ensure(): AudioContext | null {
    if (this.#context && this.#context.state !== 'closed') return this.#context;
    try {
      this.#context = this.#createContext();
    } catch {
      return null; // no audio device: alerts stay silent, nothing else changes
    }
    this.#master = this.#context.createGain();
    this.#master.gain.value = Math.min(1, Math.max(0, this.#volume)) * 0.5;
    this.#master.connect(this.#context.destination);
    return this.#context;
  }

  #schedule(ctx: AudioContext, tier: Tier): void {
    const master = this.#master;
    if (!master || ctx.state === 'closed') return;
    const start = ctx.currentTime + LEAD_IN;
    for (const note of chimeNotes(tier)) {
      const t0 = start + note.at;
      const osc = ctx.createOscillator();
      const env = ctx.createGain();
      osc.type = note.wave;
      osc.frequency.value = note.freq;
      env.gain.setValueAtTime(0, t0);
      env.gain.linearRampToValueAtTime(note.gain, t0 + 0.012);
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
    }
  }
}
