// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ClipBox } from '../../../src/render/ClipBox';

const screen = { width: 1920, height: 1080 };

function setUp() {
  const host = document.createElement('div');
  const canvas = document.createElement('canvas');
  const clip = new ClipBox(host, canvas);
  const element = host.querySelector<HTMLElement>('.gg-stage')!;
  return { host, canvas, clip, element };
}

describe('ClipBox', () => {
  it('puts the canvas in a clipping box nobody reads aloud', () => {
    const { canvas, element } = setUp();
    expect(element.getAttribute('aria-hidden')).toBe('true');
    expect(canvas.parentElement).toBe(element);
  });

  it('moves over what the frame draws, and the canvas the other way so it stays put', () => {
    const { canvas, clip, element } = setUp();
    clip.fit([{ left: 700, top: 500, right: 900, bottom: 700 }], screen);
    expect(element.style).toMatchObject({
      left: '640px',
      top: '448px',
      width: '320px',
      height: '320px',
    });
    expect(canvas.style).toMatchObject({ left: '-640px', top: '-448px' });
    expect(clip.size).toEqual({ width: 320, height: 320 });
  });

  it('keeps its place through a frame that draws nothing, and shows nothing once emptied', () => {
    const { clip, element } = setUp();
    clip.fit([{ left: 700, top: 500, right: 900, bottom: 700 }], screen);
    clip.fit([], screen);
    expect(clip.size).toEqual({ width: 320, height: 320 });
    clip.empty();
    expect(clip.size).toEqual({ width: 0, height: 0 });
    expect(element.style).toMatchObject({ width: '0px', height: '0px' });
  });

  it('leaves the page when removed', () => {
    const { host, clip } = setUp();
    clip.remove();
    expect(host.children).toHaveLength(0);
  });
});
