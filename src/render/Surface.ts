import { Container, WebGLRenderer, type Texture } from 'pixi.js';
import { measureFillNs } from './fillRate';

function countTree(node: Container): number {
  let n = 1;
  for (const child of node.children) n += countTree(child);
  return n;
}

/**
 * The WebGL canvas and the scene drawn on it: transparent, as large as the window, drawn on demand.
 *
 * A WebGLRenderer of its own rather than `Application`: Application picks a renderer at run time, so
 * the bundle carried the WebGPU and Canvas renderers too (~15 KB gzip) for a page that only ever
 * asks for WebGL. Without WebGL `create` rejects (mountAlerts catches the failure).
 */
export class Surface {
  readonly scene = new Container();
  readonly #renderer: WebGLRenderer;
  #size = { width: innerWidth, height: innerHeight };
  #resolution: number;
  #losses = 0;
  #destroyed = false;

  /** Wraps an initialised renderer (`create` makes one). */
  constructor(renderer: WebGLRenderer) {
    this.#renderer = renderer;
    this.#resolution = renderer.resolution;
  }

  static async create(): Promise<Surface> {
    const renderer = new WebGLRenderer();
    await renderer.init({
      width: innerWidth,
      height: innerHeight,
      backgroundAlpha: 0,
      antialias: false,
      autoDensity: true,
      resolution: Math.min(2, globalThis.devicePixelRatio || 1),
      // PixiJS's browser environment (events, accessibility, DOM, filters) is nothing an overlay
      // that nobody clicks uses; the text and sprite parts it needs are imported where used.
      skipExtensionImports: true,
    });
    return new Surface(renderer);
  }

  get canvas(): HTMLCanvasElement {
    return this.#renderer.canvas;
  }

  /** The window's size in CSS px (a new object after each resize). */
  get size(): { width: number; height: number } {
    return this.#size;
  }

  /** The drawing resolution: the display's own, until the stage picks one. */
  get resolution(): number {
    return this.#resolution;
  }

  set resolution(resolution: number) {
    this.#resolution = resolution;
    this.#renderer.resize(this.#size.width, this.#size.height, resolution);
  }

  /** WebGL contexts lost since start. */
  get losses(): number {
    return this.#losses;
  }

  /** Display objects in the scene graph right now (0 once destroyed). */
  get displayObjects(): number {
    return this.#destroyed ? 0 : countTree(this.scene);
  }

  /** GPU textures Pixi manages. */
  get managedTextures(): number {
    const system = this.#renderer.texture as unknown as { managedTextures?: unknown[] } | undefined;
    return system?.managedTextures?.length ?? 0;
  }

  draw(): void {
    this.#renderer.render({ container: this.scene });
  }

  /** ns per blended pixel on this GPU (see fillRate.ts), measured by drawing `texture`. */
  measureFillNs(texture: Texture): number {
    return measureFillNs(this.#renderer, this.scene, texture);
  }

  /**
   * Follow the window (OBS sizes the page to the source) and count context losses; `resized` and
   * `restored` run after the canvas has followed. Returns the stop.
   */
  listen(on: { resized: () => void; restored: () => void }): () => void {
    const canvas = this.#renderer.canvas;
    const lost = (): void => {
      this.#losses++;
    };
    const restored = (): void => on.restored();
    const resize = (): void => {
      this.#size = { width: innerWidth, height: innerHeight };
      this.#renderer.resize(this.#size.width, this.#size.height, this.#resolution);
      on.resized();
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }

  destroy(): void {
    this.#destroyed = true;
    this.scene.destroy({ children: true });
    this.#renderer.destroy({ removeView: true });
  }
}
