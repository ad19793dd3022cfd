import { numberIn, onOff, spec } from './paramTypes';

/**
 * The credits roll's parameters (overlays/credits.html, issue 24): how fast it scrolls and
 * whether it starts again. params.ts spreads them into the one table.
 */

const onOffText = (value: boolean) => (value ? 'on' : 'off');

export const CREDITS_FIELDS = {
  speed: spec(
    numberIn(10, 400, true),
    50,
    'from 10 to 400',
    'Credits roll: how fast it scrolls, in pixels a second (50 reads comfortably at 1080p)',
    'credits',
  ),
  loop: spec(
    onOff(),
    false,
    'on or off',
    'Credits roll: start again from the top once the last name has gone (off: it rolls once and stops)',
    'credits',
    onOffText,
  ),
};
