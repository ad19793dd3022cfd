/** What `window.__giftglow.alerts.media` lists: each media element on screen now. */
export interface MediaOnScreen {
  key: string;
  file: string;
  kind: 'image' | 'video';
  /** A video's HTMLMediaElement.readyState (2+: a frame is decoded); an image: 4 once decoded. */
  readyState: number;
  /** Seconds a video has played (advancing while it plays); 0 for an image. */
  currentTime: number;
  leaving: boolean;
}

export interface AlertMediaOptions {
  /** A file that failed to load or decode: said once per file name. */
  problem(file: string, message: string): void;
  /** The alert whose media failed (it keeps its callout; the page may play its effect instead). */
  failed(key: string): void;
}

type MediaElement = HTMLImageElement | HTMLVideoElement;

/**
 * The rules' media files (PNG, GIF, APNG, WebP images; WebM videos with alpha) shown as DOM
 * elements beside their callouts, over the PixiJS stage. A DOM <video> is decoded and composited by
 * the browser; a video texture would upload every frame to GL, which on OBS's software GL costs
 * more than the whole effect. Nothing loads until an alert needs it; when the alert ends the
 * element goes and a video's decoder is released (pause, drop src, load), an image's reference
 * dropped, so hundreds of media alerts leave nothing behind.
 */
export class AlertMedia {
  readonly #options: AlertMediaOptions;
  readonly #layer: HTMLElement;
  readonly #shown = new Map<string, { file: string; element: MediaElement }>();
  readonly #said = new Set<string>();
  /** Clips that played to their end, fading out before they are let go. */
  readonly #fading = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(options: AlertMediaOptions) {
    this.#options = options;
    this.#layer = document.createElement('div');
    this.#layer.className = 'gg-media-layer';
  }

  /** Puts the media layer into `node` (the callouts' column, so media sits beside its callout). */
  readonly attach = (node: HTMLElement): (() => void) => {
    node.prepend(this.#layer);
    return () => this.#layer.remove();
  };

  /** Shows `file` (at `url`) for the alert `key` until `leave` and `remove`. */
  show(key: string, url: string, file: string): void {
    if (this.#shown.has(key)) return;
    const element = /\.webm$/i.test(file) ? video() : new Image();
    element.className = 'gg-media';
    element.dataset.key = key;
    element.dataset.file = file;
    element.setAttribute('aria-hidden', 'true');
    element.onerror = () => {
      this.#release(key);
      if (!this.#said.has(file)) {
        this.#said.add(file);
        this.#options.problem(file, 'could not be loaded or played');
      }
      this.#options.failed(key);
    };
    // A clip plays once, as an alert clip does in other tools: at its end it fades out and lets
    // its decoder go, so a long alert does not keep decoding and compositing a looping video (a
    // looping clip cost twice a tier-4 effect in the media bench; once through, about as much).
    if (element instanceof HTMLVideoElement)
      element.onended = () => {
        this.leave(key);
        this.#fading.set(
          key,
          setTimeout(() => this.#release(key), CLIP_FADE_MS),
        );
      };
    element.src = url;
    this.#shown.set(key, { file, element });
    this.#layer.append(element);
  }

  /** Fades the media out with its callout. */
  leave(key: string): void {
    this.#shown.get(key)?.element.classList.add('gg-media--leaving');
  }

  /** Takes the element away and lets its decoded frames go. */
  remove(key: string): void {
    this.#release(key);
  }

  /** A file that is back (new rules, maybe a new upload under the same name) may be said again. */
  forget(): void {
    this.#said.clear();
  }

  get onScreen(): MediaOnScreen[] {
    return [...this.#shown].map(([key, { file, element }]) => ({
      key,
      file,
      kind: element instanceof HTMLVideoElement ? 'video' : 'image',
      readyState:
        element instanceof HTMLVideoElement ? element.readyState : element.complete ? 4 : 0,
      currentTime: element instanceof HTMLVideoElement ? element.currentTime : 0,
      leaving: element.classList.contains('gg-media--leaving'),
    }));
  }

  destroy(): void {
    for (const key of [...this.#shown.keys()]) this.#release(key);
    this.#layer.remove();
  }

  #release(key: string): void {
    const shown = this.#shown.get(key);
    if (!shown) return;
    this.#shown.delete(key);
    clearTimeout(this.#fading.get(key));
    this.#fading.delete(key);
    const { element } = shown;
    element.onerror = null;
    if (element instanceof HTMLVideoElement) element.onended = null;
    // The source goes before the element leaves the page: an <img> that loses its src once
    // detached was kept alive by Chromium with its fallback nodes (6 nodes per image alert, found
    // by the media bench's soak).
    if (element instanceof HTMLVideoElement) {
      element.pause();
      element.removeAttribute('src');
      element.load(); // the only way to make Chromium drop the decoder and its frames now
    } else element.removeAttribute('src');
    element.remove();
  }
}

/** A clip's fade once played through: video.gg-media's 0.2 s (themes.css), and a frame to spare. */
const CLIP_FADE_MS = 250;

/** A silent video that may autoplay (muted + playsinline), plays once and keeps its alpha. */
function video(): HTMLVideoElement {
  const element = document.createElement('video');
  element.muted = true;
  element.defaultMuted = true;
  element.autoplay = true;
  element.playsInline = true;
  element.preload = 'auto';
  for (const name of ['muted', 'playsinline', 'autoplay']) element.setAttribute(name, '');
  return element;
}
