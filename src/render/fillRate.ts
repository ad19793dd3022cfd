import { Sprite, type Container, type Texture, type WebGLRenderer } from 'pixi.js';

/** Pixels the probe blends: big enough that a real GPU's sync round trip is noise beside it. */
const PROBE_SIDE = 512;
const PROBE_LAYERS = 4;
/**
 * Above this many ns per blended pixel the GPU cannot afford full effects: software GL
 * (SwiftShader: OBS with hardware acceleration off, GPU-less PCs and VMs) is far above it and a
 * real GPU far below (the figures are in docs/PERFORMANCE.md).
 */
export const SLOW_FILL_NS = 8;

/**
 * Measures how long this machine's GPU takes per blended pixel: draws a few large, nearly invisible
 * sprites and waits for the result (a 1-pixel `readPixels` forces the GPU to finish). Run once at
 * start, when nothing is on screen; the scene is left as it was.
 */
export function measureFillNs(renderer: WebGLRenderer, scene: Container, texture: Texture): number {
  const gl = renderer.gl;
  const pixel = new Uint8Array(4);
  const finish = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const sprites: Sprite[] = [];
  for (let i = 0; i < PROBE_LAYERS; i++) {
    const sprite = new Sprite(texture);
    sprite.width = sprite.height = PROBE_SIDE;
    sprite.alpha = 0.004;
    sprite.blendMode = 'add';
    sprites.push(sprite);
    scene.addChild(sprite);
  }
  renderer.render({ container: scene });
  finish(); // the first draw may still compile or upload: not part of the measure
  const start = performance.now();
  renderer.render({ container: scene });
  finish();
  const ms = performance.now() - start;
  for (const sprite of sprites) sprite.destroy();
  return (ms * 1e6) / (PROBE_SIDE * PROBE_SIDE * PROBE_LAYERS);
}
