import type { Tier } from '../../core/alerts/tiers';
import type { Particles } from './Particles';

/** How one tier looks: its length (s), art size (units) and the particles it throws at start. */
export interface Recipe {
  length: number;
  artSize: number;
  halo: boolean;
  spawn(p: Particles, pick: Picker, screen: { top: number; left: number; width: number }): void;
}

export interface Picker {
  random(): number;
  colour(): number;
}

const TAU = Math.PI * 2;

function burst(
  p: Particles,
  pick: Picker,
  n: number,
  speed: number,
  x = 0,
  y = 0,
  delay = 0,
): void {
  for (let i = 0; i < n; i++) {
    const a = (i / n) * TAU + pick.random() * 0.4;
    const v = speed * (0.55 + pick.random() * 0.6);
    const shape = i % 3 === 0 ? 'star' : i % 3 === 1 ? 'spark' : 'glow';
    p.add(shape, {
      x,
      y,
      vx: Math.cos(a) * v,
      vy: Math.sin(a) * v,
      drag: 2.6,
      gravity: 90,
      delay,
      life: 0.9 + pick.random() * 0.7,
      size: shape === 'spark' ? 34 : 20 + pick.random() * 16,
      spin: shape === 'spark' ? 0 : (pick.random() - 0.5) * 6,
      tint: pick.colour(),
      additive: shape !== 'star',
    });
  }
}

function ring(p: Particles, pick: Picker, size: number, delay = 0): void {
  p.add('ring', {
    x: 0,
    y: 0,
    vx: 0,
    vy: 0,
    delay,
    life: 0.7,
    size,
    grow: 3,
    tint: pick.colour(),
    additive: true,
  });
}

function confetti(
  p: Particles,
  pick: Picker,
  n: number,
  area: { top: number; left: number; width: number },
  span: number,
): void {
  for (let i = 0; i < n; i++) {
    const heart = i % 7 === 0;
    p.add(heart ? 'heart' : 'confetti', {
      x: area.left + pick.random() * area.width,
      y: area.top - 40 - pick.random() * 200,
      vx: (pick.random() - 0.5) * 120,
      vy: 180 + pick.random() * 160,
      gravity: 60,
      delay: pick.random() * span,
      life: 2.6 + pick.random() * 1.2,
      size: heart ? 30 : 16 + pick.random() * 10,
      spin: (pick.random() - 0.5) * 10,
      tint: pick.colour(),
    });
  }
}

/** The four tiers: a small pop, a burst, a fountain with rain, a screen-filling celebration. */
export const RECIPES: Readonly<Record<Tier, Recipe>> = {
  1: {
    length: 1.6,
    artSize: 110,
    halo: false,
    spawn: (p, pick) => {
      ring(p, pick, 90);
      burst(p, pick, 14, 320);
    },
  },
  2: {
    length: 2.4,
    artSize: 150,
    halo: true,
    spawn: (p, pick) => {
      ring(p, pick, 110);
      ring(p, pick, 80, 0.18);
      burst(p, pick, 42, 520);
    },
  },
  3: {
    length: 3.4,
    artSize: 200,
    halo: true,
    spawn: (p, pick, screen) => {
      ring(p, pick, 140);
      burst(p, pick, 36, 600);
      for (let i = 0; i < 70; i++) {
        const side = i % 2 === 0 ? -1 : 1;
        p.add(i % 4 === 0 ? 'star' : 'glow', {
          x: side * 60,
          y: 160,
          vx: side * (60 + pick.random() * 220),
          vy: -(520 + pick.random() * 360),
          gravity: 620,
          delay: (i / 70) * 1.2,
          life: 1.5 + pick.random() * 0.5,
          size: 16 + pick.random() * 18,
          spin: 3,
          tint: pick.colour(),
          additive: true,
        });
      }
      confetti(p, pick, 50, screen, 1.4);
    },
  },
  4: {
    length: 4.8,
    artSize: 280,
    halo: true,
    spawn: (p, pick, screen) => {
      ring(p, pick, 200);
      ring(p, pick, 150, 0.2);
      ring(p, pick, 110, 0.4);
      burst(p, pick, 48, 760);
      for (let k = 0; k < 4; k++) {
        const x = (pick.random() - 0.5) * screen.width * 0.8;
        const y = screen.top * 0.5 + pick.random() * 200;
        burst(p, pick, 30, 420, x, y, 0.5 + k * 0.55);
      }
      confetti(p, pick, 150, screen, 2.2);
    },
  },
};

/**
 * Confetti falling around the art only (not the whole screen): light mode's lasting sparkle, from
 * `top` units above the art.
 */
function shower(
  p: Particles,
  pick: Picker,
  n: number,
  halfWidth: number,
  span: number,
  top = 300,
): void {
  for (let i = 0; i < n; i++) {
    p.add(i % 5 === 0 ? 'heart' : 'confetti', {
      x: (pick.random() * 2 - 1) * halfWidth,
      y: -top - pick.random() * 120,
      vx: (pick.random() - 0.5) * 80,
      vy: 120 + pick.random() * 90,
      gravity: 50,
      delay: pick.random() * span,
      life: 2 + pick.random() * 0.6,
      size: i % 5 === 0 ? 26 : 14 + pick.random() * 8,
      spin: (pick.random() - 0.5) * 8,
      tint: pick.colour(),
    });
  }
}

/**
 * quality=light (or a slow GPU): no halo and nothing screen-wide, so the canvas stays the size of
 * the art and its sparkle; the big tiers still pop twice and shower the gift with confetti.
 */
export const LIGHT_RECIPES: Readonly<Record<Tier, Omit<Recipe, 'artSize'>>> = {
  1: RECIPES[1],
  2: { ...RECIPES[2], halo: false },
  3: {
    length: 3,
    halo: false,
    spawn: (p, pick) => {
      ring(p, pick, 130);
      burst(p, pick, 30, 520);
      shower(p, pick, 24, 300, 1);
    },
  },
  // Issue 25: its shower set most of its box (896x960 px on a 1080p screen) and its length; now a
  // narrower, shorter one from closer above, so the box the compositor blends stays near the art,
  // and 2.4 s long (was 3.8): on software GL its cost is frames x box.
  4: {
    length: 2.4,
    halo: false,
    spawn: (p, pick) => {
      ring(p, pick, 160);
      ring(p, pick, 110, 0.2);
      burst(p, pick, 36, 560);
      burst(p, pick, 20, 400, 0, 0, 0.6);
      shower(p, pick, 20, 180, 0.6, 160);
    },
  },
};
