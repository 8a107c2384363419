import { describe, expect, it } from '@jest/globals';
import { evaluateDeterioration } from '../deterioration.js';
import type { ScorePoint } from '../types.js';

const totals = (...values: number[]): ScorePoint[] => values.map((total, i) => ({ id: `r${i}`, total }));

describe('DETERIORATION', () => {
  it('fires when PHQ-9 has risen exactly 6 from the episode baseline', () => {
    const flag = evaluateDeterioration({ phq9: totals(10, 12, 16) });
    expect(flag).toMatchObject({ kind: 'DETERIORATION', severity: 'HIGH' });
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'RELIABLE_DETERIORATION',
        instrument: 'PHQ9',
        baseline: 10,
        score: 16,
        change: 6,
        threshold: 6,
        baselineResponse: { id: 'r0' },
        response: { id: 'r2' },
      },
    ]);
  });

  it('does not fire on a rise of 5', () => {
    expect(evaluateDeterioration({ phq9: totals(10, 15) })).toBeNull();
  });

  it('fires on a GAD-7 rise of 4 but not 3', () => {
    expect(evaluateDeterioration({ gad7: totals(5, 9) })?.evidence.triggers[0]?.instrument).toBe('GAD7');
    expect(evaluateDeterioration({ gad7: totals(5, 8) })).toBeNull();
  });

  it('measures from the first score of the episode, not the best one', () => {
    // 4 → 10 is +6 from the low point, but only +5 from the baseline of 5.
    expect(evaluateDeterioration({ phq9: totals(5, 4, 10) })).toBeNull();
  });

  it('needs two scores', () => {
    expect(evaluateDeterioration({ phq9: totals(27) })).toBeNull();
  });
});
