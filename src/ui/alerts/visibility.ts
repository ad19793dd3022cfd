/** What OBS sends on `window` when the source is shown or hidden (absent in a normal browser). */
interface ObsVisibleEvent extends Event {
  detail?: { visible?: boolean };
}

export interface Visibility {
  readonly visible: boolean;
  stop(): void;
}

/**
 * Visible = the document is visible AND OBS has not hidden the source. Works the same without
 * `window.obsstudio`: then only `document.visibilityState` ever changes.
 */
export function watchVisibility(onChange: (visible: boolean) => void): Visibility {
  let obsVisible = true;
  let visible = document.visibilityState !== 'hidden';
  const update = () => {
    const now = document.visibilityState !== 'hidden' && obsVisible;
    if (now === visible) return;
    visible = now;
    onChange(now);
  };
  const onObs = (event: Event) => {
    const detail = (event as ObsVisibleEvent).detail;
    if (typeof detail?.visible === 'boolean') obsVisible = detail.visible;
    update();
  };
  document.addEventListener('visibilitychange', update);
  window.addEventListener('obsSourceVisibleChanged', onObs);
  return {
    get visible() {
      return visible;
    },
    stop() {
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('obsSourceVisibleChanged', onObs);
    },
  };
}
