import { describe, expect, it } from 'vitest';
import { MAX_FRAME_CHARS } from '../../../src/feeds/frames';
import { openSocket, type SocketLike } from '../../../src/feeds/socket';
import { createTikfinityFeed } from '../../../src/feeds/tikfinity';
import { FLAT_LION, NESTED_23_END, tikfinityFrame } from '../../fixtures/feeds/tiktok';
import { ManualTimers } from './manualTimers';
import { recordingSink } from './recordingSink';
import { SCALE } from './scale';

/** One in-memory socket, opened at once; `receive` plays a frame from the server. */
function fakeSocket() {
  const socket: SocketLike = {
    binaryType: 'blob',
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    close: () => undefined,
  };
  return {
    createSocket: () => socket,
    open: () => socket.onopen?.({}),
    receive: (data: unknown) => socket.onmessage?.({ data }),
  };
}

function socketWith(onText: (text: string) => boolean) {
  const fake = fakeSocket();
  const rec = recordingSink();
  const json: unknown[] = [];
  const handle = openSocket({
    url: 'ws://test/',
    sink: rec.sink,
    timers: new ManualTimers(),
    createSocket: fake.createSocket,
    onText,
    onJson: (value) => json.push(value),
  });
  fake.open();
  return { ...fake, rec, json, stop: () => handle.stop() };
}

describe('the text hook of a raw socket', () => {
  it('hands a frame its text reader took to nobody else, and the rest to JSON.parse', () => {
    const s = socketWith((text) => text.startsWith('{"fast"'));
    s.receive('{"fast":1}');
    s.receive('{"slow":2}');
    expect(s.json).toEqual([{ slow: 2 }]);
    s.stop();
  });

  it('gates binary and oversized frames before the text reader sees them, with the same reasons', () => {
    const seen: string[] = [];
    const s = socketWith((text) => (seen.push(text), false));
    s.receive(new ArrayBuffer(2));
    s.receive('x'.repeat(MAX_FRAME_CHARS + 1));
    s.receive('not json');
    expect(seen).toEqual(['not json']);
    expect(s.rec.drops.map((d) => d.reason)).toEqual(['binary', 'oversized', 'not-json']);
    s.stop();
  });

  it('counts a text reader that throws as a handler error and stays open', () => {
    const s = socketWith(() => {
      throw new Error('boom');
    });
    s.receive('{}');
    expect(s.rec.drops).toEqual([{ reason: 'handler-error', detail: 'Error: boom' }]);
    expect(s.rec.last()).toBe('live');
    s.stop();
  });
});

describe('a TikFinity feed', () => {
  it('delivers flat frames through the scanner and nested ones through JSON.parse alike', () => {
    const fake = fakeSocket();
    const rec = recordingSink();
    const feed = createTikfinityFeed({ scale: SCALE, timers: new ManualTimers(), ...fake });
    const stop = feed.start(rec.sink);
    fake.open();
    fake.receive(tikfinityFrame('gift', FLAT_LION));
    fake.receive(tikfinityFrame('gift', NESTED_23_END));
    fake.receive(tikfinityFrame('gift', { ...FLAT_LION, diamondCount: -1 }));
    expect(rec.events.map((e) => e.id)).toEqual([FLAT_LION.msgId, NESTED_23_END.common.msgId]);
    expect(rec.drops.map((d) => d.reason)).toEqual(['bad-shape']);
    stop();
  });
});
