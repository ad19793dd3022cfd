import { describe, expect, it } from 'vitest';
import { AudioOut } from '../../../../src/ui/sound/AudioOut';
import { Chimes } from '../../../../src/ui/sound/Chimes';

/** Just enough of Web Audio to watch what the chimes schedule and release. */
class FakeNode {
  connections = 0;
  connect(next: FakeNode) {
    this.connections++;
    return next;
  }
  disconnect() {
    this.connections = 0;
  }
}
class FakeParam {
  value = 0;
  events: [string, number, number][] = [];
  setValueAtTime(v: number, t: number) {
    this.events.push(['set', v, t]);
  }
  linearRampToValueAtTime(v: number, t: number) {
    this.events.push(['linear', v, t]);
  }
  exponentialRampToValueAtTime(v: number, t: number) {
    this.events.push(['exp', v, t]);
  }
}
class FakeGain extends FakeNode {
  gain = new FakeParam();
}
class FakeOsc extends FakeNode {
  type = 'sine';
  frequency = new FakeParam();
  startAt = -1;
  onended: (() => void) | null = null;
  start(t: number) {
    this.startAt = t;
  }
  stops = 0;
  stop() {
    this.stops++;
  }
}
class FakeContext {
  state: 'running' | 'suspended' | 'closed' = 'running';
  currentTime = 10;
  destination = new FakeNode();
  oscillators: FakeOsc[] = [];
  resumed = 0;
  createGain() {
    return new FakeGain();
  }
  createOscillator() {
    const osc = new FakeOsc();
    this.oscillators.push(osc);
    return osc;
  }
  resume() {
    this.resumed++;
    this.state = 'running';
    return Promise.resolve();
  }
  close() {
    this.state = 'closed';
    return Promise.resolve();
  }
}

function setup(state: FakeContext['state'] = 'running', clock = () => 0) {
  const contexts: FakeContext[] = [];
  const create = () => {
    const ctx = new FakeContext();
    ctx.state = state;
    contexts.push(ctx);
    return ctx as unknown as AudioContext;
  };
  return { chimes: new Chimes(new AudioOut(0.5, clock, create)), contexts };
}

describe('Chimes', () => {
  it('creates no AudioContext until the first chime, then keeps one for every chime after', () => {
    const { chimes, contexts } = setup();
    expect(contexts).toHaveLength(0);
    for (let i = 0; i < 100; i++) chimes.play(((i % 4) + 1) as 1 | 2 | 3 | 4);
    expect(contexts).toHaveLength(1);
  });

  it('schedules every note a little ahead of now, so its start is never clipped', () => {
    const { chimes, contexts } = setup();
    chimes.play(4);
    const ctx = contexts[0]!;
    for (const osc of ctx.oscillators)
      expect(osc.startAt).toBeGreaterThanOrEqual(ctx.currentTime + 0.05);
  });

  it('lets go of every node when its note ends', () => {
    const { chimes, contexts } = setup();
    chimes.play(3);
    expect(chimes.activeNotes).toBeGreaterThan(0);
    for (const osc of contexts[0]!.oscillators) osc.onended?.();
    expect(chimes.activeNotes).toBe(0);
    for (const osc of contexts[0]!.oscillators) expect(osc.connections).toBe(0);
  });

  it('resumes a suspended context before scheduling', async () => {
    const { chimes, contexts } = setup('suspended');
    chimes.play(1);
    expect(contexts[0]!.oscillators).toHaveLength(0);
    await Promise.resolve();
    await Promise.resolve();
    expect(contexts[0]!.resumed).toBe(1);
    expect(contexts[0]!.oscillators.length).toBeGreaterThan(0);
  });

  it('stays silent without an audio device', () => {
    const chimes = new Chimes(
      new AudioOut(
        1,
        () => 0,
        () => {
          throw new Error('no device');
        },
      ),
    );
    expect(() => chimes.play(2)).not.toThrow();
  });

  it('keeps a smaller chime quiet while one plays, and plays it once that one has ended', () => {
    let now = 0;
    const { chimes, contexts } = setup('running', () => now);
    chimes.play(3);
    const first = contexts[0]!.oscillators.length;
    now = 100;
    chimes.play(2);
    expect(contexts[0]!.oscillators).toHaveLength(first);
    now = 5000;
    chimes.play(2);
    expect(contexts[0]!.oscillators.length).toBeGreaterThan(first);
  });

  it('lets a bigger alert cut the playing chime off', () => {
    const { chimes, contexts } = setup();
    chimes.play(1);
    const small = [...contexts[0]!.oscillators];
    chimes.play(4);
    for (const osc of small) expect(osc.stops).toBe(2); // its scheduled end, then the cut
    expect(contexts[0]!.oscillators.length).toBeGreaterThan(small.length);
  });
});
