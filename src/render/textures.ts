import { CanvasSource, Texture } from 'pixi.js';

/** The few particle shapes every effect draws with; tinted per particle, so they are white. */
export type Shape = 'glow' | 'star' | 'spark' | 'confetti' | 'ring' | 'heart';
export const SHAPES: readonly Shape[] = ['glow', 'star', 'spark', 'confetti', 'ring', 'heart'];

/** Pixel size per shape: rings and glows are drawn large on screen, so they get more pixels. */
const SIZES: Readonly<Record<Shape, number>> = {
  glow: 128,
  star: 64,
  spark: 64,
  confetti: 64,
  ring: 256,
  heart: 64,
};

function draw(shape: Shape, g: CanvasRenderingContext2D): void {
  const size = SIZES[shape];
  const c = size / 2;
  g.fillStyle = '#fff';
  g.strokeStyle = '#fff';
  switch (shape) {
    case 'glow': {
      const grad = g.createRadialGradient(c, c, 0, c, c, c);
      grad.addColorStop(0, 'rgba(255,255,255,1)');
      grad.addColorStop(0.25, 'rgba(255,255,255,0.8)');
      grad.addColorStop(1, 'rgba(255,255,255,0)');
      g.fillStyle = grad;
      g.fillRect(0, 0, size, size);
      return;
    }
    case 'star': {
      g.beginPath();
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? c - 2 : c * 0.38;
        const a = (i / 10) * Math.PI * 2 - Math.PI / 2;
        g.lineTo(c + r * Math.cos(a), c + r * Math.sin(a));
      }
      g.closePath();
      g.fill();
      return;
    }
    case 'spark': {
      const grad = g.createLinearGradient(0, c, size, c);
      grad.addColorStop(0, 'rgba(255,255,255,0)');
      grad.addColorStop(0.7, 'rgba(255,255,255,1)');
      grad.addColorStop(1, 'rgba(255,255,255,0.6)');
      g.fillStyle = grad;
      g.fillRect(0, c - 4, size, 8);
      return;
    }
    case 'confetti':
      g.fillRect(c - 14, c - 22, 28, 44);
      return;
    case 'ring':
      g.lineWidth = size / 13;
      g.beginPath();
      g.arc(c, c, c - size / 13, 0, Math.PI * 2);
      g.stroke();
      return;
    case 'heart':
      g.beginPath();
      g.moveTo(c, size - 8);
      g.bezierCurveTo(2, c + 2, 4, 6, c, 18);
      g.bezierCurveTo(size - 4, 6, size - 2, c + 2, c, size - 8);
      g.fill();
      return;
  }
}

/**
 * Particle textures drawn once with Canvas 2D. A canvas keeps its pixels on the CPU side, so after
 * a WebGL context loss Pixi simply uploads them again: nothing to rebuild by hand.
 */
export class ParticleTextures {
  readonly #textures = new Map<Shape, Texture>();

  get(shape: Shape): Texture {
    let texture = this.#textures.get(shape);
    if (!texture) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = SIZES[shape];
      const g = canvas.getContext('2d');
      if (g) draw(shape, g);
      texture = new Texture({ source: new CanvasSource({ resource: canvas }) });
      this.#textures.set(shape, texture);
    }
    return texture;
  }

  get count(): number {
    return this.#textures.size;
  }

  destroy(): void {
    for (const texture of this.#textures.values()) texture.destroy(true);
    this.#textures.clear();
  }
}
