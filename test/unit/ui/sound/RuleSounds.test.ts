import { describe, expect, it } from 'vitest';
import { AudioOut } from '../../../../src/ui/sound/AudioOut';
import { RuleSounds } from '../../../../src/ui/sound/RuleSounds';

/** Just enough of Web Audio to watch what the rules' sounds decode, start and release. */
class FakeNode {
  connected = true;
  connect(next: FakeNode) {
    return next;
  }
  disconnect() {
    this.connected = false;
  }
}
class FakeGain extends FakeNode {
  gain = { value: 1 };
}
class FakeSource extends FakeNode {
  buffer: { duration: number } | null = null;
  started = false;
  stopped = false;
  onended: (() => void) | null = null;
  start() {
    this.started = true;
  }
  stop() {
    this.stopped = true;
  }
}
class FakeContext {
  state = 'running';
  destination = new FakeNode();
  sources: FakeSource[] = [];
  gains: FakeGain[] = [];
  decoded = 0;
  createGain() {
    const gain = new FakeGain();
    this.gains.push(gain);
    return gain;
  }
  createBufferSource() {
    const source = new FakeSource();
    this.sources.push(source);
    return source;
  }
  decodeAudioData(bytes: ArrayBuffer) {
    this.decoded++;
    if (bytes.byteLength === 0) return Promise.reject(new Error('Unable to decode audio data'));
    return Promise.resolve({ duration: bytes.byteLength / 10 });
  }
  resume() {
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(files: Record<string, number>) {
  let now = 0;
  const ctx = new FakeContext();
  const out = new AudioOut(
    0.5,
    () => now,
    () => ctx as unknown as AudioContext,
  );
  const loads: string[] = [];
  const problems: string[] = [];
  const sounds = new RuleSounds(out, {
    load: (url) => {
      loads.push(url);
      const size = files[url];
      return size === undefined
        ? Promise.reject(new Error('HTTP 404'))
        : Promise.resolve(new ArrayBuffer(size));
    },
    problem: (file, message) => problems.push(`${file}: ${message}`),
  });
  return { sounds, ctx, loads, problems, at: (ms: number) => (now = ms) };
}

describe("the rules' sounds", () => {
  it('fetches and decodes a file once, and plays it at the rule volume', async () => {
    const { sounds, ctx, loads, at } = setup({ '/media/roar.wav': 10 });
    sounds.play('/media/roar.wav', 'roar.wav', 4, 0.8);
    await settle();
    at(5000);
    sounds.play('/media/roar.wav', 'roar.wav', 4, 0.8);
    await settle();
    expect(loads).toEqual(['/media/roar.wav']);
    expect(ctx.decoded).toBe(1);
    expect(sounds.played).toEqual([
      { file: 'roar.wav', seconds: 1 },
      { file: 'roar.wav', seconds: 1 },
    ]);
    expect(ctx.gains.at(-1)!.gain.value).toBe(0.8);
  });

  it('keeps a smaller alert quiet while a sound plays, and lets a bigger one cut in', async () => {
    const { sounds, ctx } = setup({ '/a.wav': 20, '/b.wav': 20 });
    sounds.play('/a.wav', 'a.wav', 2, 1);
    await settle();
    sounds.play('/b.wav', 'b.wav', 1, 1);
    await settle();
    expect(sounds.skipped).toBe(1);
    sounds.play('/b.wav', 'b.wav', 3, 1);
    await settle();
    expect(ctx.sources[0]!.stopped).toBe(true);
    expect(sounds.played.map((s) => s.file)).toEqual(['a.wav', 'b.wav']);
  });

  it('lets go of every node when a sound ends', async () => {
    const { sounds, ctx } = setup({ '/a.wav': 10 });
    sounds.play('/a.wav', 'a.wav', 1, 1);
    await settle();
    expect(sounds.playing).toBe(1);
    ctx.sources[0]!.onended?.();
    expect(sounds.playing).toBe(0);
    expect(ctx.sources[0]!.connected).toBe(false);
  });

  it('says once that a file is missing or not audio, and plays nothing for it', async () => {
    const { sounds, loads, problems } = setup({ '/empty.wav': 0 });
    for (let i = 0; i < 3; i++) {
      sounds.play('/gone.wav', 'gone.wav', 1, 1);
      sounds.play('/empty.wav', 'empty.wav', 1, 1);
    }
    await settle();
    expect(problems).toEqual(['gone.wav: HTTP 404', 'empty.wav: Unable to decode audio data']);
    expect(loads).toHaveLength(2);
    expect(sounds.played).toEqual([]);
  });
});
