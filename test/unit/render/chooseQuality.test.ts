// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chooseQuality } from '../../../src/render/chooseQuality';
import { SLOW_FILL_NS } from '../../../src/render/fillRate';

const never = () => {
  throw new Error('the probe should not run');
};

describe('chooseQuality', () => {
  it('on auto runs the probe: a fast GPU draws in full at its own resolution, every frame', () => {
    const choice = chooseQuality({ quality: 'auto', fps: 'auto' }, () => 1.26, 2);
    expect(choice).toMatchObject({ light: false, fillNs: 1.26, resolution: 2 });
    expect(choice.pacer.cap).toBe(Infinity);
  });

  it('on auto makes a slow GPU light: half resolution and at most 30 fps', () => {
    const choice = chooseQuality({ quality: 'auto', fps: 'auto' }, () => SLOW_FILL_NS + 1, 1);
    expect(choice).toMatchObject({ light: true, fillNs: SLOW_FILL_NS + 1, resolution: 0.5 });
    expect(choice.pacer.cap).toBe(30);
  });

  it('never probes when the quality is forced', () => {
    expect(chooseQuality({ quality: 'light', fps: 'auto' }, never, 1)).toMatchObject({
      light: true,
      fillNs: 0,
      resolution: 0.5,
    });
    expect(chooseQuality({ quality: 'high', fps: 'auto' }, never, 1)).toMatchObject({
      light: false,
      fillNs: 0,
      resolution: 1,
    });
  });

  it('keeps a fixed fps cap whatever the quality', () => {
    expect(chooseQuality({ quality: 'light', fps: 60 }, never, 1).pacer.cap).toBe(60);
  });
});
