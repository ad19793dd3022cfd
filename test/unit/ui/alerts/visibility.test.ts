// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchVisibility } from '../../../../src/ui/alerts/visibility';

function setDocumentHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

const obs = (visible: boolean) =>
  window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible } }));

describe('watchVisibility', () => {
  afterEach(() => setDocumentHidden(false));

  it('follows OBS showing and hiding the source, without window.obsstudio', () => {
    const seen: boolean[] = [];
    const watch = watchVisibility((v) => seen.push(v));
    obs(false);
    obs(true);
    expect(seen).toEqual([false, true]);
    watch.stop();
  });

  it('follows document.visibilityState, and is visible only when both agree', () => {
    const seen: boolean[] = [];
    const watch = watchVisibility((v) => seen.push(v));
    setDocumentHidden(true);
    obs(true);
    expect(watch.visible).toBe(false);
    setDocumentHidden(false);
    expect(seen).toEqual([false, true]);
    watch.stop();
  });

  it('ignores an OBS event without a visible flag, and listens no more once stopped', () => {
    const seen: boolean[] = [];
    const watch = watchVisibility((v) => seen.push(v));
    window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: {} }));
    watch.stop();
    obs(false);
    expect(seen).toEqual([]);
  });
});
