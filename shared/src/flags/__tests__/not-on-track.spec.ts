import { describe, expect, it } from '@jest/globals';
import type { TrajectoryModel } from '../../statistics/trajectory.js';
import { DEFAULT_TRAJECTORY_MODELS } from '../../statistics/trajectory.js';
import { evaluateNotOnTrack } from '../not-on-track.js';
import { DEFAULT_FLAG_SETTINGS } from '../settings.js';
import type { ScorePoint } from '../types.js';

// Flat 12 ± 3 for the moderate band, so the band's upper edge is exactly 15.
const flat: TrajectoryModel = {
  instrument: 'PHQ9',
  bands: [
    { band: 'moderate', intercept: 12, slope: 0, tolerance: 3, source: 'PRACTICE', episodes: 40, lastSession: 20 },
  ],
};
const models = { PHQ9: flat, GAD7: DEFAULT_TRAJECTORY_MODELS.GAD7 };

function series(...points: [session: number, total: number][]): ScorePoint[] {
  return points.map(([sessionNumber, total]) => ({ sessionNumber, total }));
}

describe('NOT_ON_TRACK', () => {
  it('fires when the latest score is one point worse than the band (16 > 15 at session 3)', () => {
    const flag = evaluateNotOnTrack({ phq9: series([1, 12], [3, 16]) }, DEFAULT_FLAG_SETTINGS, models);
    expect(flag).toMatchObject({ kind: 'NOT_ON_TRACK', severity: 'HIGH' });
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'OFF_TRACK',
        instrument: 'PHQ9',
        baseline: 12,
        baselineBand: 'moderate',
        score: 16,
        sessionNumber: 3,
        expected: 12,
        lower: 9,
        upper: 15,
        signal: 'YELLOW', // 4 worse, within 1.5 × 3 = 4.5
        modelSource: 'PRACTICE',
        response: {},
      },
    ]);
  });

  it('does not fire on the upper edge of the band (15)', () => {
    expect(evaluateNotOnTrack({ phq9: series([1, 12], [3, 15]) }, DEFAULT_FLAG_SETTINGS, models)).toBeNull();
  });

  it('marks a score more than 1.5 tolerances worse as RED', () => {
    const flag = evaluateNotOnTrack({ phq9: series([1, 12], [4, 17]) }, DEFAULT_FLAG_SETTINGS, models);
    expect(flag?.evidence.triggers[0]?.signal).toBe('RED');
  });

  it('does not judge before the third session', () => {
    expect(evaluateNotOnTrack({ phq9: series([1, 12], [2, 27]) }, DEFAULT_FLAG_SETTINGS, models)).toBeNull();
  });

  it('does not judge a latest score without a session number', () => {
    const phq9: ScorePoint[] = [{ sessionNumber: 1, total: 12 }, { total: 27 }];
    expect(evaluateNotOnTrack({ phq9 }, DEFAULT_FLAG_SETTINGS, models)).toBeNull();
  });

  it('uses the built-in curves by default: moderate PHQ-9 at session 4 has upper edge 13.67', () => {
    // 12 - 2.4 × ln 4 + 5 = 13.672894, so 14 is worse than expected and 13 is not.
    expect(evaluateNotOnTrack({ phq9: series([1, 12], [4, 14]) })?.evidence.triggers[0]?.upper).toBeCloseTo(
      13.672894,
      6,
    );
    expect(evaluateNotOnTrack({ phq9: series([1, 12], [4, 13]) })).toBeNull();
  });

  it('checks GAD-7 against its own bands: moderate at session 4 has upper edge 13.17', () => {
    // 12 - 2.4 × ln 4 + 4.5 = 13.172894.
    expect(evaluateNotOnTrack({ gad7: series([1, 12], [4, 14]) })?.evidence.triggers[0]?.instrument).toBe('GAD7');
    expect(evaluateNotOnTrack({ gad7: series([1, 12], [4, 13]) })).toBeNull();
  });
});
