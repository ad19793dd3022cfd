import { SLOW_FILL_NS } from './fillRate';
import { FramePacer, type FpsSetting } from './framePacer';

export type Quality = 'auto' | 'high' | 'light';

/** Drawing resolution on a slow GPU: a quarter of the pixels to fill, upscaled by the compositor. */
const LIGHT_RESOLUTION = 0.5;

/** How the stage draws on this machine, decided once at start. */
export interface QualityChoice {
  /** Light effects: asked for (quality=light), or the start-up probe found a slow GPU. */
  light: boolean;
  /** What that probe measured: ns per blended pixel (0: not measured, quality was forced). */
  fillNs: number;
  /** The drawing resolution the canvas is sized with. */
  resolution: number;
  /** The frame-rate cap (`fps=`), which starts lower on a slow GPU. */
  pacer: FramePacer;
}

/**
 * A GPU that needs many ns per pixel (software GL) gets calmer effects at half resolution: a gift
 * battle on it otherwise drops to a few frames per second (docs/PERFORMANCE.md). `measureFillNs`
 * runs the probe (see fillRate.ts), only under `auto`; `resolution` is the display's own.
 */
export function chooseQuality(
  options: { quality: Quality; fps: FpsSetting },
  measureFillNs: () => number,
  resolution: number,
): QualityChoice {
  const { quality, fps } = options;
  const fillNs = quality === 'auto' ? measureFillNs() : 0;
  const light = quality === 'light' || (quality === 'auto' && fillNs > SLOW_FILL_NS);
  return {
    light,
    fillNs,
    resolution: light ? LIGHT_RESOLUTION : resolution,
    pacer: new FramePacer(fps, light),
  };
}
