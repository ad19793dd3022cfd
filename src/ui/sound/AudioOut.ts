import { soundTurn, type SoundSlot } from '../../core/alerts/soundTurn';

/** A sound that could not start within this long (ms) is dropped: it belongs to an old alert. */
const STALE_MS = 1000;

/**
 * The page's one audio output, shared by the chimes and the rules' sounds: one AudioContext for the
 * whole stream (created on the first sound), one master gain at `volume=`, and one sound at a time
 * (core/alerts/soundTurn.ts). A suspended context (autoplay policy, or Chromium parking it after a
 * quiet spell) is resumed before a sound starts.
 */
export class AudioOut {
  readonly #volume: number;
  readonly #clock: () => number;
  readonly #createContext: () => AudioContext;
  #context: AudioContext | null = null;
  #master: GainNode | null = null;
  #slot: (SoundSlot & { stop: () => void }) | null = null;

  constructor(
    volume: number,
    clock: () => number = () => performance.now(),
    createContext: () => AudioContext = () => new AudioContext(),
  ) {
    this.#volume = volume;
    this.#clock = clock;
    this.#createContext = createContext;
  }

  /** The context, created on first use; null without an audio device. */
  get context(): AudioContext | null {
    if (this.#context && this.#context.state !== 'closed') return this.#context;
    try {
      this.#context = this.#createContext();
    } catch {
      return null; // no audio device: alerts stay silent, nothing else changes
    }
    this.#master = this.#context.createGain();
    this.#master.gain.value = Math.min(1, Math.max(0, this.#volume));
    this.#master.connect(this.#context.destination);
    return this.#context;
  }

  /** Runs `play` with a running context and the master gain, now or once resumed (if soon enough). */
  whenRunning(play: (ctx: AudioContext, master: GainNode) => void): void {
    const ctx = this.context;
    if (!ctx) return;
    const run = () => {
      if (this.#master && ctx.state !== 'closed') play(ctx, this.#master);
    };
    if (ctx.state === 'running') return run();
    // In a normal browser resume() waits for a click: a sound that late belongs to an old alert.
    const asked = this.#clock();
    void ctx.resume().then(
      () => {
        if (this.#clock() - asked < STALE_MS) run();
      },
      () => undefined,
    );
  }

  /**
   * Asks for the one sound slot for `seconds` at `rank` (the alert's tier): false means stay quiet;
   * true means play (a smaller sound that was playing has been stopped). `stop` cuts this one off.
   */
  claim(rank: number, seconds: number, stop: () => void): boolean {
    const now = this.#clock();
    const turn = soundTurn(this.#slot, rank, now);
    if (turn === 'skip') return false;
    if (turn === 'cut') this.#slot?.stop();
    this.#slot = { rank, until: now + seconds * 1000, stop };
    return true;
  }

  destroy(): void {
    this.#slot = null;
    this.#master?.disconnect();
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
    this.#master = null;
  }
}
