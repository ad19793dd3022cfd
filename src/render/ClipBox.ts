import { clipRect } from './clipRect';
import { sameRect, type Rect } from './rect';

/**
 * Shows the canvas only where this frame draws (see clipRect.ts). The canvas itself always covers
 * the whole screen and is never resized while effects play: resizing a WebGL canvas reallocates
 * its drawing buffer, a synchronous round trip to the GPU process that, mid-battle on a slow GPU,
 * blocked the main thread for 2 s. Instead a clipping box (`.gg-stage`, overflow hidden) is moved
 * and sized over what each frame draws, at the price of a style change when it moves a grid step:
 * the compositor blends only the pixels inside it. At rest it is empty, so callouts that animate
 * alone are not blended with a clear canvas.
 */
export class ClipBox {
  readonly #element: HTMLElement;
  readonly #canvas: HTMLCanvasElement;
  #rect: Rect | null = null;

  /** Puts `canvas` in a new clipping box at the end of `host`. */
  constructor(host: HTMLElement, canvas: HTMLCanvasElement) {
    const element = document.createElement('div');
    element.className = 'gg-stage';
    element.setAttribute('aria-hidden', 'true');
    element.appendChild(canvas);
    host.appendChild(element);
    this.#element = element;
    this.#canvas = canvas;
  }

  /** The size in CSS px of the part of the canvas that shows. */
  get size(): { width: number; height: number } {
    const rect = this.#rect;
    return rect
      ? { width: rect.right - rect.left, height: rect.bottom - rect.top }
      : { width: 0, height: 0 };
  }

  /** Follow what this frame draws (each effect's rectangle on a screen of that size). */
  fit(rects: Iterable<Rect>, screen: { width: number; height: number }): void {
    const rect = clipRect(rects, screen);
    if (rect && !sameRect(rect, this.#rect)) this.#place(rect);
  }

  /** Nothing plays: show none of the canvas. */
  empty(): void {
    this.#place(null);
  }

  remove(): void {
    this.#element.remove();
  }

  #place(rect: Rect | null): void {
    this.#rect = rect;
    const { left, top, right, bottom } = rect ?? { left: 0, top: 0, right: 0, bottom: 0 };
    const clip = this.#element.style;
    clip.left = `${left}px`;
    clip.top = `${top}px`;
    clip.width = `${right - left}px`;
    clip.height = `${bottom - top}px`;
    const canvas = this.#canvas.style;
    canvas.left = `${-left}px`;
    canvas.top = `${-top}px`;
  }
}
