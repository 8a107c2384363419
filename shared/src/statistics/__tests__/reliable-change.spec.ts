import { describe, expect, it } from '@jest/globals';
import type { InstrumentDefinition } from '../../instruments/types.js';
import { classifyChange, isReliable, reliableChangeIndex, reliableChangeThreshold } from '../reliable-change.js';

describe('reliableChangeIndex (Jacobson & Truax 1991)', () => {
  it('divides change by S_diff = SD·√2·√(1 - r): SD 10, r .5', () => {
    // S_diff = 10 × √2 × √0.5 = 10 × 1 = 10; RCI for 50 → 30 = -20 / 10 = -2.0.
    expect(reliableChangeIndex(50, 30, 10, 0.5)).toBeCloseTo(-2, 12);
    // Threshold 1.96 × 10 = 19.6 points.
    expect(reliableChangeThreshold(10, 0.5)).toBeCloseTo(19.6, 12);
  });

  it('handles SD 7.5, r .92 by hand', () => {
    // √2 × √0.08 = √0.16 = 0.4, so S_diff = 7.5 × 0.4 = 3.0.
    expect(reliableChangeIndex(20, 14, 7.5, 0.92)).toBeCloseTo(-2, 12); // -6 / 3
    expect(reliableChangeIndex(20, 15, 7.5, 0.92)).toBeCloseTo(-5 / 3, 12);
    expect(reliableChangeThreshold(7.5, 0.92)).toBeCloseTo(5.88, 12); // 1.96 × 3
  });

  it('handles SD 5, r .8 by hand, as for a PHQ-9-like scale', () => {
    // S_diff = 5 × √2 × √0.2 = 5 × √0.4 = 3.162278; 18 → 11 gives -7 / 3.162278 = -2.213594.
    expect(reliableChangeIndex(18, 11, 5, 0.8)).toBeCloseTo(-2.213594, 6);
    expect(reliableChangeThreshold(5, 0.8)).toBeCloseTo(6.198064, 6); // 1.96 × 3.162278
  });

  it('calls a change reliable only when |RCI| exceeds 1.96', () => {
    expect(isReliable(1.96)).toBe(false);
    expect(isReliable(1.9601)).toBe(true);
    expect(isReliable(-2)).toBe(true);
    expect(isReliable(-1.5)).toBe(false);
  });

  it('rejects an SD of 0 and a reliability of 1', () => {
    expect(() => reliableChangeIndex(1, 2, 0, 0.8)).toThrow(RangeError);
    expect(() => reliableChangeThreshold(5, 1)).toThrow(RangeError);
  });
});

describe('classifyChange', () => {
  it.each([
    ['PHQ9', 18, 12, 'RELIABLE_IMPROVEMENT'], // -6, exactly the threshold
    ['PHQ9', 18, 13, 'NO_RELIABLE_CHANGE'], // -5
    ['PHQ9', 12, 18, 'RELIABLE_DETERIORATION'], // +6
    ['PHQ9', 12, 17, 'NO_RELIABLE_CHANGE'], // +5
    ['GAD7', 10, 6, 'RELIABLE_IMPROVEMENT'], // -4
    ['GAD7', 10, 7, 'NO_RELIABLE_CHANGE'], // -3
    ['GAD7', 6, 10, 'RELIABLE_DETERIORATION'], // +4
  ] as const)('%s %i → %i is %s', (code, first, last, expected) => {
    expect(classifyChange(code, first, last)).toBe(expected);
  });

  it('reads a higher-is-better instrument the other way round', () => {
    const wellbeing: InstrumentDefinition = {
      code: 'WELLBEING',
      version: '1',
      title: 'Wellbeing',
      items: [{ id: 'a', text: 'a', min: 0, max: 40 }],
      total: { min: 0, max: 40 },
      direction: 'HIGHER_IS_BETTER',
      reliableChange: 5,
      licence: 'test',
    };
    expect(classifyChange(wellbeing, 20, 25)).toBe('RELIABLE_IMPROVEMENT');
    expect(classifyChange(wellbeing, 25, 20)).toBe('RELIABLE_DETERIORATION');
    expect(classifyChange(wellbeing, 20, 24)).toBe('NO_RELIABLE_CHANGE');
  });

  it('refuses an instrument without a threshold', () => {
    expect(() => classifyChange('ALLIANCE4', 30, 38)).toThrow(/no reliable-change threshold/);
  });
});
