/** Counters always kept up to date (cheap): the debug hook, tests and the bench read them. */
export interface StageStats {
  /** Frames drawn since start: stays still while idle. */
  frames: number;
  /** 'light' when asked for (quality=light) or when the start-up probe found a slow GPU. */
  quality: 'full' | 'light';
  /** What that probe measured: ns per blended pixel (0: not measured, quality was forced). */
  fillNs: number;
  /** The frame-rate cap in force (0: every display frame). */
  fpsCap: number;
  /** The size in CSS px of the part of the canvas that shows (only what plays). */
  canvas: { width: number; height: number };
  activeEffects: number;
  /** Display objects in the scene graph right now. */
  displayObjects: number;
  /** GPU textures Pixi manages, plus our cached ones. */
  textures: number;
  pooledSprites: number;
  contextLosses: number;
  running: boolean;
}
