// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertMedia } from '../../../../src/ui/alerts/AlertMedia';

/**
 * The rules' media elements (jsdom: no decoding, so media events are dispatched by hand): a clip
 * plays once and is let go at its end, a picture stays until its alert leaves, nothing is left.
 */
describe('AlertMedia', () => {
  let root: HTMLElement;
  let media: AlertMedia;
  const problems: string[] = [];
  const failed: string[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    // jsdom has no media playback: pause and load do nothing here.
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
    root = document.createElement('div');
    document.body.append(root);
    media = new AlertMedia({
      problem: (file, message) => problems.push(`${file}: ${message}`),
      failed: (key) => failed.push(key),
    });
    media.attach(root);
  });
  afterEach(() => {
    media.destroy();
    root.remove();
    problems.length = 0;
    failed.length = 0;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('plays a clip once: at its end it fades out and is let go, src and all', () => {
    media.show('a1', 'http://localhost/media/lion.webm', 'lion.webm');
    const clip = root.querySelector('video.gg-media') as HTMLVideoElement;
    expect(clip.loop).toBe(false);
    expect(clip.muted).toBe(true);
    clip.dispatchEvent(new Event('ended'));
    expect(media.onScreen).toEqual([expect.objectContaining({ key: 'a1', leaving: true })]);
    vi.advanceTimersByTime(1000);
    expect(media.onScreen).toEqual([]);
    expect(root.querySelector('video')).toBeNull();
    expect(clip.hasAttribute('src')).toBe(false);
    // The alert's own end afterwards finds nothing to do.
    media.remove('a1');
    expect(problems).toEqual([]);
  });

  it('keeps a picture until its alert leaves, then drops its source before the element', () => {
    media.show('p1', 'http://localhost/media/heart.png', 'heart.png');
    const picture = root.querySelector('img.gg-media') as HTMLImageElement;
    vi.advanceTimersByTime(60_000);
    expect(media.onScreen).toHaveLength(1);
    media.leave('p1');
    expect(media.onScreen[0]?.leaving).toBe(true);
    media.remove('p1');
    expect(picture.hasAttribute('src')).toBe(false);
    expect(root.querySelector('.gg-media')).toBeNull();
  });

  it('says a file that fails once, however often it fails, and tells the page which alert lost it', () => {
    for (const key of ['f1', 'f2']) {
      media.show(key, 'http://localhost/media/gone.webm', 'gone.webm');
      root.querySelector(`[data-key="${key}"]`)!.dispatchEvent(new Event('error'));
    }
    expect(problems).toEqual(['gone.webm: could not be loaded or played']);
    expect(failed).toEqual(['f1', 'f2']);
    expect(root.querySelector('.gg-media')).toBeNull();
  });
});
