import { describe, expect, it } from '@jest/globals';
import { episodeOutcome } from '../episode-outcome.js';

// Cases worked by hand from the NHS Talking Therapies definitions: PHQ-9 caseness >= 10,
// GAD-7 >= 8; reliable change PHQ-9 6, GAD-7 4.
describe('episodeOutcome', () => {
  it('PHQ-9 18 → 11 is reliable improvement but not recovery, since 11 is still a case', () => {
    expect(episodeOutcome({ attendedSessions: 6, phq9: { first: 18, last: 11 }, gad7: null })).toEqual({
      finished: true,
      caseness: true,
      recovery: false,
      reliableImprovement: true, // 18 - 11 = 7 >= 6
      reliableDeterioration: false,
      reliableRecovery: false,
      phq9Response: false, // 7 / 18 = 39% < 50%
      phq9Remission: false,
    });
  });

  it('PHQ-9 18 → 8 with GAD-7 12 → 6 is reliable recovery', () => {
    expect(episodeOutcome({ attendedSessions: 8, phq9: { first: 18, last: 8 }, gad7: { first: 12, last: 6 } })).toEqual(
      {
        finished: true,
        caseness: true,
        recovery: true, // 8 < 10 and 6 < 8
        reliableImprovement: true, // -10 and -6
        reliableDeterioration: false,
        reliableRecovery: true,
        phq9Response: true, // 10 / 18 = 56%
        phq9Remission: false, // 8 is not < 5
      },
    );
  });

  it('PHQ-9 8 → 14 is reliable deterioration', () => {
    const outcome = episodeOutcome({ attendedSessions: 4, phq9: { first: 8, last: 14 }, gad7: { first: 7, last: 7 } });
    expect(outcome).toMatchObject({
      finished: true,
      caseness: false,
      reliableDeterioration: true,
      reliableImprovement: false,
    });
  });

  it('a reliable fall on one measure with a reliable rise on the other is deterioration, not improvement', () => {
    const outcome = episodeOutcome({ attendedSessions: 5, phq9: { first: 18, last: 10 }, gad7: { first: 5, last: 9 } });
    expect(outcome).toMatchObject({ reliableImprovement: false, reliableDeterioration: true, reliableRecovery: false });
  });

  it('is not recovery while either measure is still at caseness', () => {
    // GAD-7 9 is still >= 8, although PHQ-9 8 is below 10.
    const outcome = episodeOutcome({ attendedSessions: 5, phq9: { first: 18, last: 8 }, gad7: { first: 12, last: 9 } });
    expect(outcome).toMatchObject({ recovery: false, reliableImprovement: true, reliableRecovery: false });
  });

  it('uses the one paired measure when the other is missing', () => {
    expect(episodeOutcome({ attendedSessions: 3, phq9: null, gad7: { first: 15, last: 7 } })).toEqual({
      finished: true,
      caseness: true,
      recovery: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
      phq9Response: false,
      phq9Remission: false,
    });
  });

  it('cannot count recovery for a client who was not a case at the start', () => {
    const outcome = episodeOutcome({ attendedSessions: 6, phq9: { first: 9, last: 2 }, gad7: { first: 7, last: 1 } });
    expect(outcome).toMatchObject({
      caseness: false,
      recovery: false,
      reliableImprovement: true,
      reliableRecovery: false,
    });
    expect(outcome.phq9Remission).toBe(true);
  });

  it('counts PHQ-9 response at exactly a 50% drop and remission below 5', () => {
    const half = episodeOutcome({ attendedSessions: 4, phq9: { first: 20, last: 10 }, gad7: null });
    const lessThanHalf = episodeOutcome({ attendedSessions: 4, phq9: { first: 20, last: 11 }, gad7: null });
    expect([half.phq9Response, lessThanHalf.phq9Response]).toEqual([true, false]);
    const four = episodeOutcome({ attendedSessions: 4, phq9: { first: 12, last: 4 }, gad7: null });
    const five = episodeOutcome({ attendedSessions: 4, phq9: { first: 12, last: 5 }, gad7: null });
    expect([four.phq9Remission, five.phq9Remission]).toEqual([true, false]);
  });

  it('is not finished with fewer than 2 attended sessions or no paired scores', () => {
    const oneSession = episodeOutcome({ attendedSessions: 1, phq9: { first: 18, last: 8 }, gad7: null });
    const noPairs = episodeOutcome({ attendedSessions: 6, phq9: null, gad7: null });
    for (const outcome of [oneSession, noPairs]) {
      expect(Object.values(outcome).every((value) => value === false)).toBe(true);
    }
  });
});
