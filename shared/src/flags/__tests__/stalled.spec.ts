import { describe, expect, it } from '@jest/globals';
import type { MoodEntry } from '../../statistics/mood.js';
import { DEFAULT_FLAG_SETTINGS } from '../settings.js';
import { evaluateStalled } from '../stalled.js';
import type { ScorePoint } from '../types.js';

const totals = (...values: number[]): ScorePoint[] => values.map((total) => ({ total }));

describe('STALLED: scores', () => {
  it('fires after 6 sessions with the last 3 PHQ-9 scores within 3 points (half of 6)', () => {
    const flag = evaluateStalled({ attendedSessions: 6, phq9: totals(15, 14, 16, 13) });
    expect(flag).toMatchObject({ kind: 'STALLED', severity: 'MEDIUM' });
    expect(flag?.evidence.triggers).toEqual([
      {
        rule: 'SCORES_FLAT',
        instrument: 'PHQ9',
        attendedSessions: 6,
        recentScores: [14, 16, 13],
        spread: 3,
        allowedSpread: 3,
        responses: [{}, {}, {}],
      },
    ]);
  });

  it('does not fire when the last 3 PHQ-9 scores spread over 4 points', () => {
    expect(evaluateStalled({ attendedSessions: 6, phq9: totals(15, 14, 17, 13) })).toBeNull();
  });

  it('does not fire after only 5 sessions', () => {
    expect(evaluateStalled({ attendedSessions: 5, phq9: totals(15, 14, 16, 13) })).toBeNull();
  });

  it('uses GAD-7 half-threshold of 2 points', () => {
    expect(evaluateStalled({ attendedSessions: 7, gad7: totals(10, 9, 11, 9) })?.evidence.triggers[0]).toMatchObject({
      instrument: 'GAD7',
      spread: 2,
      allowedSpread: 2,
    });
    expect(evaluateStalled({ attendedSessions: 7, gad7: totals(10, 9, 12, 9) })).toBeNull();
  });

  it('does not fire once the client has reliably improved, however flat the recent scores', () => {
    // 20 → 14 is a fall of 6: reliable improvement on PHQ-9.
    expect(evaluateStalled({ attendedSessions: 8, phq9: totals(20, 14, 15, 14) })).toBeNull();
    // Reliable improvement on PHQ-9 also clears a flat GAD-7, as in the NHS definition.
    expect(evaluateStalled({ attendedSessions: 8, phq9: totals(20, 14, 15, 14), gad7: totals(6, 6, 6, 6) })).toBeNull();
  });
});

describe('STALLED: mood flat and low over 28 days', () => {
  const asOf = '2025-03-28'; // window 1-28 March; day index d is 2025-03-(d + 1)
  const on = (day: number, rating: number): MoodEntry => ({
    date: `2025-03-${String(day + 1).padStart(2, '0')}`,
    rating,
  });
  // 11 entries found so that the trend is exactly +0.1 a week. By hand: Σx = 154, x̄ = 14;
  // Sxx = 81+64+49+16+4+0+1+9+16+81+169 = 490; Sxy = Σ(x - 14)·y = -36-24-28-16-6+0+5+12+12+36+52 = 7;
  // slope = 7/490 = 1/70 a day = 0.1 a week. Mean 41/11 = 3.73.
  const days = [5, 6, 7, 10, 12, 14, 15, 17, 18, 23, 27];
  const ratings = [4, 3, 4, 4, 3, 3, 5, 4, 3, 4, 4];
  const slopeExactlyPointOne = days.map((d, i) => on(d, ratings[i] ?? 0));

  it('fires on a trend of exactly +0.1 a week', () => {
    const trigger = evaluateStalled({ attendedSessions: 0, moods: slopeExactlyPointOne, asOf })?.evidence.triggers[0];
    expect(trigger).toMatchObject({ rule: 'MOOD_FLAT_LOW', entries: 11, from: '2025-03-01', to: asOf });
    expect(trigger?.rule === 'MOOD_FLAT_LOW' && trigger.slopePerWeek).toBeCloseTo(0.1, 12);
  });

  it('fires on a trend of exactly -0.1 a week (the same series mirrored)', () => {
    const mirrored = days.map((d, i) => on(32 - d, ratings[i] ?? 0));
    expect(evaluateStalled({ attendedSessions: 0, moods: mirrored, asOf })?.kind).toBe('STALLED');
  });

  it('does not fire on a trend of +0.114 a week', () => {
    // Raising the 5 at day 15 (x - x̄ = 1) to 6 makes Sxy 8: 8/490 × 7 = 0.114.
    const steeper = days.map((d, i) => on(d, d === 15 ? 6 : (ratings[i] ?? 0)));
    expect(evaluateStalled({ attendedSessions: 0, moods: steeper, asOf })).toBeNull();
  });

  it('fires at a mean of exactly 4 and not at 4.09', () => {
    const flatFours = Array.from({ length: 11 }, (_, i) => on(i, 4));
    expect(evaluateStalled({ attendedSessions: 0, moods: flatFours, asOf })?.kind).toBe('STALLED');
    // One 5 in the middle (day 5 of 0-10) keeps the slope at 0; mean 45/11 = 4.09.
    const slightlyHigher = flatFours.map((entry, i) => (i === 5 ? { ...entry, rating: 5 } : entry));
    expect(evaluateStalled({ attendedSessions: 0, moods: slightlyHigher, asOf })).toBeNull();
  });

  it('treats the slope limit as inclusive: a limit of 0 still accepts a perfectly flat trend', () => {
    const flatFours = Array.from({ length: 10 }, (_, i) => on(i, 4));
    const settings = { ...DEFAULT_FLAG_SETTINGS, moodStallSlopeWithin: 0 };
    expect(evaluateStalled({ attendedSessions: 0, moods: flatFours, asOf }, settings)?.kind).toBe('STALLED');
  });

  it('needs 10 entries in the window, not 9', () => {
    const fours = (n: number) => Array.from({ length: n }, (_, i) => on(2 * i, 4));
    expect(evaluateStalled({ attendedSessions: 0, moods: fours(10), asOf })?.kind).toBe('STALLED');
    expect(evaluateStalled({ attendedSessions: 0, moods: fours(9), asOf })).toBeNull();
  });
});
