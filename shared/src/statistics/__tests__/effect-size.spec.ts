import { describe, expect, it } from '@jest/globals';
import { prePostEffectSize } from '../effect-size.js';

describe('prePostEffectSize', () => {
  it('divides the mean fall by the pre-treatment sample SD', () => {
    // Pre 10, 14, 18, 22: mean 16, squared deviations 36 + 4 + 4 + 36 = 80, SD = √(80/3) = 5.163978.
    // Post 6, 9, 12, 9: mean 9. d = (16 - 9) / 5.163978 = 1.355544.
    expect(prePostEffectSize([10, 14, 18, 22], [6, 9, 12, 9])).toBeCloseTo(1.355544, 6);
  });

  it('is negative when scores rose', () => {
    // Pre 4, 8: mean 6, SD √((4 + 4) / 1) = 2.828427; post mean 8; d = -2 / 2.828427 = -0.707107.
    expect(prePostEffectSize([4, 8], [8, 8])).toBeCloseTo(-0.707107, 6);
  });

  it('returns null without a usable pre SD or any post scores', () => {
    expect(prePostEffectSize([12], [6])).toBeNull();
    expect(prePostEffectSize([12, 12, 12], [6, 7, 8])).toBeNull();
    expect(prePostEffectSize([10, 14], [])).toBeNull();
  });
});
