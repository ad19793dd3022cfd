import { Application } from 'pixi.js';

/**
 * The bench's ceiling: an empty PixiJS stage, created like the alerts page's Stage (WebGL,
 * transparent, no antialias, follows the window) but drawing EVERY frame. Its frame rate is the most
 * this machine can show at this size, so the alerts page's burst frame rate is reported against it.
 */
async function main(): Promise<void> {
  const app = new Application();
  await app.init({
    preference: 'webgl',
    backgroundAlpha: 0,
    antialias: false,
    autoDensity: true,
    resolution: Math.min(2, globalThis.devicePixelRatio || 1),
    resizeTo: window,
    autoStart: true,
    sharedTicker: false,
  });
  document.body.appendChild(app.canvas);
  let frames = 0;
  app.ticker.add(() => {
    frames++;
  });
  (globalThis as { __baseline?: { frames: () => number; renderer: string } }).__baseline = {
    frames: () => frames,
    renderer: app.renderer.name,
  };
}

void main();
