import { describe, expect, it } from '@jest/globals';
import { episodeOutcome, jointOccasions, type OutcomeMeasure } from '../episode-outcome.js';

// Cases worked by hand from the NHS Talking Therapies definitions: PHQ-9 caseness >= 10,
// GAD-7 >= 8; reliable change PHQ-9 6, GAD-7 4.
describe('episodeOutcome', () => {
  it('PHQ-9 18 → 11 with GAD-7 7 → 5 is reliable improvement but not recovery, since 11 is still a case', () => {
    expect(
      episodeOutcome({ attendedSessions: 6, paired: { phq9: { first: 18, last: 11 }, gad7: { first: 7, last: 5 } } }),
    ).toEqual({
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
    expect(
      episodeOutcome({ attendedSessions: 8, paired: { phq9: { first: 18, last: 8 }, gad7: { first: 12, last: 6 } } }),
    ).toEqual({
      finished: true,
      caseness: true,
      recovery: true, // 8 < 10 and 6 < 8
      reliableImprovement: true, // -10 and -6
      reliableDeterioration: false,
      reliableRecovery: true,
      phq9Response: true, // 10 / 18 = 56%
      phq9Remission: false, // 8 is not < 5
    });
  });

  it('PHQ-9 8 → 14 is reliable deterioration', () => {
    const outcome = episodeOutcome({
      attendedSessions: 4,
      paired: { phq9: { first: 8, last: 14 }, gad7: { first: 7, last: 7 } },
    });
    expect(outcome).toMatchObject({
      finished: true,
      caseness: false,
      reliableDeterioration: true,
      reliableImprovement: false,
    });
  });

  it('a reliable fall on one measure with a reliable rise on the other is deterioration, not improvement', () => {
    const outcome = episodeOutcome({
      attendedSessions: 5,
      paired: { phq9: { first: 18, last: 10 }, gad7: { first: 5, last: 9 } },
    });
    expect(outcome).toMatchObject({ reliableImprovement: false, reliableDeterioration: true, reliableRecovery: false });
  });

  it('is not recovery while either measure is still at caseness', () => {
    // GAD-7 9 is still >= 8, although PHQ-9 8 is below 10.
    const outcome = episodeOutcome({
      attendedSessions: 5,
      paired: { phq9: { first: 18, last: 8 }, gad7: { first: 12, last: 9 } },
    });
    expect(outcome).toMatchObject({ recovery: false, reliableImprovement: true, reliableRecovery: false });
  });

  it('cannot count recovery for a client who was not a case at the start', () => {
    const outcome = episodeOutcome({
      attendedSessions: 6,
      paired: { phq9: { first: 9, last: 2 }, gad7: { first: 7, last: 1 } },
    });
    expect(outcome).toMatchObject({
      caseness: false,
      recovery: false,
      reliableImprovement: true,
      reliableRecovery: false,
    });
    expect(outcome.phq9Remission).toBe(true);
  });

  it('counts PHQ-9 response at exactly a 50% drop and remission below 5', () => {
    const gad7 = { first: 10, last: 6 };
    const half = episodeOutcome({ attendedSessions: 4, paired: { phq9: { first: 20, last: 10 }, gad7 } });
    const lessThanHalf = episodeOutcome({ attendedSessions: 4, paired: { phq9: { first: 20, last: 11 }, gad7 } });
    expect([half.phq9Response, lessThanHalf.phq9Response]).toEqual([true, false]);
    const four = episodeOutcome({ attendedSessions: 4, paired: { phq9: { first: 12, last: 4 }, gad7 } });
    const five = episodeOutcome({ attendedSessions: 4, paired: { phq9: { first: 12, last: 5 }, gad7 } });
    expect([four.phq9Remission, five.phq9Remission]).toEqual([true, false]);
  });

  it('is not finished with fewer than 2 attended sessions or no paired scores', () => {
    const oneSession = episodeOutcome({
      attendedSessions: 1,
      paired: { phq9: { first: 18, last: 8 }, gad7: { first: 12, last: 6 } },
    });
    const noPairs = episodeOutcome({ attendedSessions: 6, paired: null });
    for (const outcome of [oneSession, noPairs]) {
      expect(Object.values(outcome).every((value) => value === false)).toBe(true);
    }
  });
});

/** A response at a session (sN) or, with session null, outside one on the given day. */
function at(session: string | null, localDate: string, instrumentCode: 'PHQ9' | 'GAD7', total: number): OutcomeMeasure {
  return { instrumentCode, total, sessionId: session, localDate };
}

// Hand-worked episodes; responses listed oldest first, as the rollup and report read them.
describe('jointOccasions (NHS Talking Therapies paired scores)', () => {
  it("pairs the first and last sessions with both measures, not each measure's own last score", () => {
    const responses = [
      at('s1', '2025-03-03', 'PHQ9', 18),
      at('s1', '2025-03-03', 'GAD7', 12),
      at('s2', '2025-03-10', 'PHQ9', 12),
      at('s2', '2025-03-10', 'GAD7', 9),
      at('s3', '2025-03-17', 'PHQ9', 8), // PHQ-9 only
      at('s4', '2025-03-24', 'GAD7', 6), // GAD-7 only
    ];
    const joint = jointOccasions(responses);
    // Joint occasions: s1 and s2. Each measure's own last (PHQ-9 8 at s3, GAD-7 6 at s4) is not used.
    expect(joint).toEqual({ occasions: 2, paired: { phq9: { first: 18, last: 12 }, gad7: { first: 12, last: 9 } } });
    // 18 -> 12 keeps PHQ-9 at caseness (>= 10): no recovery; -6 on PHQ-9 is reliable improvement.
    // Pairing each measure on its own (18 -> 8, 12 -> 6) would have called this recovery.
    expect(episodeOutcome({ attendedSessions: 4, paired: joint.paired })).toMatchObject({
      finished: true,
      caseness: true,
      recovery: false,
      reliableImprovement: true,
      reliableRecovery: false,
    });
    expect(
      episodeOutcome({ attendedSessions: 4, paired: { phq9: { first: 18, last: 8 }, gad7: { first: 12, last: 6 } } })
        .recovery,
    ).toBe(true);
  });

  it('gives no paired scores to an episode that only ever completed one measure', () => {
    const phq9Only = [at('s1', '2025-03-03', 'PHQ9', 16), at('s2', '2025-03-10', 'PHQ9', 6)];
    expect(jointOccasions(phq9Only)).toEqual({ occasions: 0, paired: null });
    expect(episodeOutcome({ attendedSessions: 2, paired: null }).finished).toBe(false);
  });

  it('gives no paired scores with only one joint occasion', () => {
    const responses = [
      at('s1', '2025-03-03', 'PHQ9', 16),
      at('s1', '2025-03-03', 'GAD7', 11),
      at('s2', '2025-03-10', 'PHQ9', 9),
      at('s3', '2025-03-17', 'GAD7', 5),
    ];
    expect(jointOccasions(responses)).toEqual({ occasions: 1, paired: null });
  });

  it('joins responses given outside a session on the same local day, and only those', () => {
    const responses = [
      at(null, '2025-03-01', 'PHQ9', 15),
      at(null, '2025-03-01', 'GAD7', 10),
      at(null, '2025-03-05', 'PHQ9', 13), // no GAD-7 that day
      at(null, '2025-03-06', 'GAD7', 9),
      at('s2', '2025-03-08', 'PHQ9', 11), // a session's PHQ-9 and a same-day GAD-7 outside it
      at(null, '2025-03-08', 'GAD7', 8),
      at(null, '2025-03-12', 'GAD7', 7),
      at(null, '2025-03-12', 'PHQ9', 7),
    ];
    // Joint: 1 March (15, 10) and 12 March (7, 7); 5, 6 and 8 March are not.
    expect(jointOccasions(responses)).toEqual({
      occasions: 2,
      paired: { phq9: { first: 15, last: 7 }, gad7: { first: 10, last: 7 } },
    });
  });

  it('orders occasions by their first response and takes the later of two answers at one occasion', () => {
    const responses = [
      at('s1', '2025-03-03', 'PHQ9', 14),
      at('s2', '2025-03-10', 'PHQ9', 12),
      at('s2', '2025-03-10', 'GAD7', 9),
      at('s1', '2025-03-11', 'GAD7', 11), // session 1's GAD-7, given late: s1 is still the first occasion
      at('s2', '2025-03-11', 'PHQ9', 10), // a second PHQ-9 for session 2 replaces 12
    ];
    expect(jointOccasions(responses)).toEqual({
      occasions: 2,
      paired: { phq9: { first: 14, last: 10 }, gad7: { first: 11, last: 9 } },
    });
  });

  it('ignores other instruments', () => {
    const alliance = { instrumentCode: 'ALLIANCE4', total: 30, sessionId: 's1', localDate: '2025-03-03' };
    expect(jointOccasions([alliance, at('s1', '2025-03-03', 'PHQ9', 9)])).toEqual({ occasions: 0, paired: null });
  });
});
