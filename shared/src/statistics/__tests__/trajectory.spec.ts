import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_TRAJECTORY_MODELS,
  expectedTrajectory,
  fitTrajectoryModel,
  trajectorySignal,
  type ExpectedScore,
  type TrajectoryEpisode,
  type TrajectoryModel,
} from '../trajectory.js';

/** A PHQ-9 model with a flat expected score of 12 ± 4 in the moderate band, for clean boundaries. */
const FLAT: TrajectoryModel = {
  instrument: 'PHQ9',
  bands: [{ band: 'moderate', intercept: 12, slope: 0, tolerance: 4, source: 'DEFAULT', episodes: 0, lastSession: 20 }],
};

describe('default trajectory models', () => {
  it('are the documented priors', () => {
    const rows = (model: TrajectoryModel): [string, number, number, number][] =>
      model.bands.map((b) => [b.band, b.intercept, b.slope, b.tolerance]);
    expect(rows(DEFAULT_TRAJECTORY_MODELS.PHQ9)).toEqual([
      ['minimal', 2, -0.3, 3],
      ['mild', 7, -1.2, 4],
      ['moderate', 12, -2.4, 5],
      ['moderately severe', 17, -3.2, 5.5],
      ['severe', 22, -4, 6],
    ]);
    expect(rows(DEFAULT_TRAJECTORY_MODELS.GAD7)).toEqual([
      ['minimal', 2, -0.3, 3],
      ['mild', 7, -1.3, 3.5],
      ['moderate', 12, -2.4, 4.5],
      ['severe', 17, -3.3, 5],
    ]);
  });
});

describe('expectedTrajectory', () => {
  it('predicts a + b·ln(session) with the band tolerance', () => {
    // Moderate PHQ-9 default: 12 - 2.4 × ln 4 = 12 - 2.4 × 1.386294 = 8.672894; tolerance 5.
    const expected = expectedTrajectory('moderate', 4, DEFAULT_TRAJECTORY_MODELS.PHQ9);
    expect(expected.expected).toBeCloseTo(8.672894, 6);
    expect(expected.lower).toBeCloseTo(3.672894, 6);
    expect(expected.upper).toBeCloseTo(13.672894, 6);
    expect(expected).toMatchObject({
      instrument: 'PHQ9',
      band: 'moderate',
      sessionNumber: 4,
      curveSession: 4,
      tolerance: 5,
      direction: 'HIGHER_IS_WORSE',
    });
  });

  it('holds the value of the last session the curve covers instead of extrapolating', () => {
    // Moderate GAD-7 default, read at session 20 for session 42: 12 - 2.4 × ln 20 = 12 - 2.4 × 2.995732
    // = 4.810243 (extrapolated, 12 - 2.4 × ln 42 would give 3.03). GAD-7 13 is still above 4.81 + 4.5.
    const expected = expectedTrajectory('moderate', 42, DEFAULT_TRAJECTORY_MODELS.GAD7);
    expect(expected.expected).toBeCloseTo(4.810243, 6);
    expect(expected).toMatchObject({ sessionNumber: 42, curveSession: 20 });
    expect(expectedTrajectory('moderate', 20, DEFAULT_TRAJECTORY_MODELS.GAD7).expected).toBeCloseTo(4.810243, 6);
    expect(expectedTrajectory('moderate', 19, DEFAULT_TRAJECTORY_MODELS.GAD7).expected).toBeCloseTo(
      12 - 2.4 * Math.log(19),
      9,
    );
  });

  it('expects the intake score at session 1, since ln 1 = 0', () => {
    expect(expectedTrajectory('severe', 1, DEFAULT_TRAJECTORY_MODELS.GAD7).expected).toBe(17);
  });

  it('rejects an unknown band and a session number below 1', () => {
    expect(() => expectedTrajectory('extreme', 3, DEFAULT_TRAJECTORY_MODELS.PHQ9)).toThrow(/No PHQ9 trajectory/);
    expect(() => expectedTrajectory('mild', 0, DEFAULT_TRAJECTORY_MODELS.PHQ9)).toThrow(RangeError);
  });
});

describe('trajectorySignal', () => {
  const atSession3 = expectedTrajectory('moderate', 3, FLAT); // 12 ± 4: band 8-16, 1.5 × 4 = 6 → 18

  it.each([
    [7, 'GREEN'],
    [8, 'WHITE'],
    [12, 'WHITE'],
    [16, 'WHITE'],
    [17, 'YELLOW'],
    [18, 'YELLOW'],
    [19, 'RED'],
  ] as const)('PHQ-9 %i against 12 ± 4 is %s', (score, signal) => {
    expect(trajectorySignal(score, atSession3)).toBe(signal);
  });

  it('is WHITE before the third session whatever the score', () => {
    expect(trajectorySignal(27, expectedTrajectory('moderate', 2, FLAT))).toBe('WHITE');
    expect(trajectorySignal(0, expectedTrajectory('moderate', 2, FLAT))).toBe('WHITE');
  });

  it('reads a higher-is-better scale the other way round', () => {
    const expected: ExpectedScore = {
      instrument: 'PHQ9',
      direction: 'HIGHER_IS_BETTER',
      band: 'x',
      sessionNumber: 5,
      curveSession: 5,
      expected: 30,
      tolerance: 4,
      lower: 26,
      upper: 34,
    };
    expect(trajectorySignal(35, expected)).toBe('GREEN');
    expect(trajectorySignal(25, expected)).toBe('YELLOW');
    expect(trajectorySignal(23, expected)).toBe('RED');
  });
});

describe('fitTrajectoryModel', () => {
  // 32 moderate episodes at sessions 1-4 scattered around y = 14 - 3·ln(s): 14 pairs at ±1 and
  // 2 pairs at ±3. Every session has equal + and - residuals, so least squares recovers a = 14,
  // b = -3 exactly. Of the 128 |residuals|, 112 are 1 and 16 are 3: the nearest-rank 87.5th
  // percentile is the 112th smallest, 1, leaving 16/128 = 12.5% of points outside the band.
  function moderateEpisodes(): TrajectoryEpisode[] {
    const offsets = [...Array<number>(14).fill(1), 3, 3];
    return offsets.flatMap((d) =>
      [d, -d].map((sign) => ({
        baseline: 12,
        scores: [1, 2, 3, 4].map((session) => ({ session, score: 14 - 3 * Math.log(session) + sign })),
      })),
    );
  }

  it('fits a band with 30 or more finished episodes from the practice data', () => {
    const oneScoreOnly = { baseline: 12, scores: [{ session: 1, score: 40 }] };
    const model = fitTrajectoryModel([...moderateEpisodes(), oneScoreOnly], 'PHQ9');
    const moderate = model.bands.find((b) => b.band === 'moderate');
    expect(moderate?.intercept).toBeCloseTo(14, 10);
    expect(moderate?.slope).toBeCloseTo(-3, 10);
    expect(moderate?.tolerance).toBeCloseTo(1, 10);
    expect(moderate).toMatchObject({ source: 'PRACTICE', episodes: 32, lastSession: 4 });
    // Fitted on sessions 1-4 only: session 10 reads the session-4 value, 14 - 3 × ln 4 = 9.841117.
    expect(expectedTrajectory('moderate', 10, model).expected).toBeCloseTo(9.841117, 6);
  });

  it('keeps the default for a band with only 29 episodes', () => {
    const severe = Array.from({ length: 29 }, () => ({
      baseline: 22,
      scores: [
        { session: 1, score: 22 },
        { session: 2, score: 30 },
      ],
    }));
    const model = fitTrajectoryModel(severe, 'PHQ9');
    expect(model.bands.find((b) => b.band === 'severe')).toEqual(
      DEFAULT_TRAJECTORY_MODELS.PHQ9.bands.find((b) => b.band === 'severe'),
    );
    expect(model.bands.every((b) => b.source === 'DEFAULT')).toBe(true);
  });

  it('groups GAD-7 episodes by GAD-7 bands', () => {
    // Baseline 12 is "moderate" on GAD-7 too; the fitted line is the same construction.
    const model = fitTrajectoryModel(moderateEpisodes(), 'GAD7');
    expect(model.instrument).toBe('GAD7');
    expect(model.bands.find((b) => b.band === 'moderate')?.source).toBe('PRACTICE');
    expect(model.bands.find((b) => b.band === 'severe')?.source).toBe('DEFAULT');
  });
});
