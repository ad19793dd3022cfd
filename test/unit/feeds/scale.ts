import { DEFAULT_SCALE, type ValueScale } from '../../../src/core/event/value';

/** The default scale: 1 coin = 1 bit = 1 point, Tier 1 = 500, Tier 2 = 1000, Tier 3 = 2500. */
export const SCALE: ValueScale = { ...DEFAULT_SCALE };
