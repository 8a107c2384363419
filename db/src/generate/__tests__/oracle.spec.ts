import { describe, expect, it } from '@jest/globals';
import type { TrajectoryModel } from '@cairn/shared';
import { homeworkLowOnsets, offTrackOnsets, stalledOnsets, type VisitScore } from '../oracle.js';

// Hand-made curves, so the expectations below are worked out on paper, not read from the shared defaults.
const MODELS: Record<'PHQ9' | 'GAD7', TrajectoryModel> = {
  PHQ9: {
    instrument: 'PHQ9',
    bands: [
      { band: 'moderate', intercept: 12, slope: -2, tolerance: 4, source: 'DEFAULT', episodes: 0, lastSession: 20 },
      { band: 'severe', intercept: 22, slope: -4, tolerance: 6, source: 'DEFAULT', episodes: 0, lastSession: 20 },
    ],
  },
  GAD7: {
    instrument: 'GAD7',
    bands: [
      { band: 'moderate', intercept: 12, slope: -2, tolerance: 4, source: 'DEFAULT', episodes: 0, lastSession: 20 },
    ],
  },
};

const visit = (at: number, instrument: 'PHQ9' | 'GAD7', total: number, session: number): VisitScore => ({
  at,
  instrument,
  total,
  session,
});

describe('NOT_ON_TRACK ground truth', () => {
  it('holds above expected + tolerance from session 3, for the baseline band, and reports onsets only', () => {
    // Baseline 14 is moderate. Session 3: 12 - 2 ln 3 = 9.80, upper 13.80: 13 is inside, 14 is above.
    // Session 4: upper 12 - 2 ln 4 + 4 = 13.23: 14 still above (no new onset), 13 inside, 15 a new onset.
    const hits = offTrackOnsets(
      [
        visit(1, 'PHQ9', 14, 1),
        visit(2, 'PHQ9', 20, 2), // before session 3: never judged
        visit(3, 'PHQ9', 13, 3),
        visit(4, 'PHQ9', 14, 3),
        visit(5, 'PHQ9', 14, 4),
        visit(6, 'PHQ9', 13, 4),
        visit(7, 'PHQ9', 15, 4),
      ],
      MODELS,
      3,
    );
    expect(hits.map((h) => [h.at, h.band, h.upper])).toEqual([
      [4, 'moderate', 13.8],
      [7, 'moderate', 13.23],
    ]);
  });

  it('holds the curve at its last session (20) instead of extrapolating', () => {
    // Session 42 reads session 20: 12 - 2 ln 20 + 4 = 10.01, so 10 is inside (extrapolated, the
    // edge would be 12 - 2 ln 42 + 4 = 8.52 and 10 would count as behind); 11 is behind.
    const inside = offTrackOnsets([visit(1, 'PHQ9', 14, 1), visit(2, 'PHQ9', 10, 42)], MODELS, 3);
    expect(inside).toEqual([]);
    const behind = offTrackOnsets([visit(1, 'PHQ9', 14, 1), visit(2, 'PHQ9', 11, 42)], MODELS, 3);
    expect(behind.map((h) => h.upper)).toEqual([10.01]);
  });

  it('holds while either instrument is behind', () => {
    // GAD-7 baseline 10 (moderate) then 15 at session 3 (> 13.80); PHQ-9 stays on track.
    const hits = offTrackOnsets(
      [visit(1, 'PHQ9', 22, 1), visit(2, 'GAD7', 10, 1), visit(3, 'GAD7', 15, 3), visit(4, 'PHQ9', 10, 3)],
      MODELS,
      3,
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ at: 3, instrument: 'GAD7', baseline: 10, score: 15 });
  });
});

describe('HOMEWORK_LOW ground truth', () => {
  const rule = { windowDays: 21, below: 0.3, minDue: 3 };

  it('counts due reports by frequency and judges only once 3 were due', () => {
    // WEEKLY assigned day 0, due 28: due on days 7, 14, 21, 28. Nothing reported.
    // Day 20: due {7, 14} = 2 < 3, not judged. Day 21: 3 due, adherence 0: onset.
    const hits = homeworkLowOnsets([{ frequency: 'WEEKLY', assignedDay: 0, dueDay: 28 }], [], 0, 0, 30, rule);
    expect(hits).toEqual([{ day: 21, adherence: 0, due: 3 }]);
  });

  it('gives half credit for partial and stops holding at 30%', () => {
    // DAILY assigned day 0, due 30: due days 1..30. Window of day 21 is days 1..21 (21 due).
    // 12 partial reports on days 1..12 = 6 credit: 6/21 = 0.286 < 0.3 on day 21 -> onset.
    // Day 22 window 2..22: 11 partial = 5.5/21 = 0.26, still holding (no new onset).
    // A done report on day 22 makes it 6.5/21 = 0.31: not holding; day 23: 6/21 again -> onset.
    const reports = Array.from({ length: 12 }, (_, i) => ({ task: 0, day: i + 1, status: 'PARTIAL' as const }));
    const tasks = [{ frequency: 'DAILY' as const, assignedDay: 0, dueDay: 30 }];
    expect(homeworkLowOnsets(tasks, reports, 0, 0, 21, rule).map((h) => h.day)).toEqual([21]);
    const withDone = [...reports, { task: 0, day: 22, status: 'DONE' as const }];
    const hits = homeworkLowOnsets(tasks, withDone, 0, 0, 23, rule);
    expect(hits.map((h) => [h.day, h.adherence])).toEqual([
      [21, 0.29],
      [23, 0.29],
    ]);
  });

  it('credits a one-off report to its due date and needs something due in every week', () => {
    // One-offs due on days 5, 12 and 19: by day 19 three were due, one in each week of [-1, 19].
    const tasks = [
      { frequency: 'ONCE' as const, assignedDay: 0, dueDay: 5 },
      { frequency: 'ONCE' as const, assignedDay: 7, dueDay: 12 },
      { frequency: 'ONCE' as const, assignedDay: 14, dueDay: 19 },
    ];
    expect(homeworkLowOnsets(tasks, [], 0, 0, 19, rule)).toEqual([{ day: 19, adherence: 0, due: 3 }]);
    // The first done early (day 3): 1/3 = 0.33, not low.
    expect(homeworkLowOnsets(tasks, [{ task: 0, day: 3, status: 'DONE' }], 0, 0, 19, rule)).toEqual([]);
    // All three due in the last week (days 17-19): too soon to call it a habit.
    const bunched = tasks.map((t, i) => ({ ...t, assignedDay: 10 + i, dueDay: 17 + i }));
    expect(homeworkLowOnsets(bunched, [], 0, 0, 19, rule)).toEqual([]);
  });

  it('credits a weekly report made early to the next due day', () => {
    // WEEKLY set on day 0: due 7, 14, 21. Reports on days 5 and 12 answer 7 and 14; 2/3 on day 21.
    const tasks = [{ frequency: 'WEEKLY' as const, assignedDay: 0, dueDay: 28 }];
    const reports = [5, 12].map((day) => ({ task: 0, day, status: 'DONE' as const }));
    expect(homeworkLowOnsets(tasks, reports, 0, 0, 21, rule)).toEqual([]);
    // Day 27 window [7, 27]: due 7, 14, 21; the report of day 5 still answers day 7.
    expect(homeworkLowOnsets(tasks, reports.slice(0, 1), 0, 0, 27, rule)).toEqual([]);
  });
});

describe('STALLED (scores) ground truth', () => {
  it('waits for the 6th attended session, judged when attendance is recorded', () => {
    // PHQ-9 15, 14, 15, 14 (spread 1 <= 3, no reliable improvement): flat from the 4th score, but only
    // 5 sessions attended until the 6th is recorded at t=60.
    const scores = [10, 20, 30, 40].map((at, i) => ({ at, instrument: 'PHQ9' as const, total: [15, 14, 15, 14][i]! }));
    const hits = stalledOnsets(scores, [11, 21, 31, 41, 51, 60], 6);
    expect(hits).toEqual([{ at: 60, instrument: 'PHQ9', baseline: 15, recent: [14, 15, 14], attended: 6 }]);
  });

  it('does not hold while the other instrument shows reliable improvement', () => {
    // PHQ-9 flat; GAD-7 12 -> 8 is a reliable improvement (>= 4), so not stalled; 12 -> 9 is not.
    const phq = [1, 2, 3].map((at) => ({ at, instrument: 'PHQ9' as const, total: 16 }));
    const attended = [0, 0, 0, 0, 0, 0];
    const flatThenImproved = [
      ...phq,
      { at: 0, instrument: 'GAD7' as const, total: 12 },
      { at: 4, instrument: 'GAD7' as const, total: 8 },
    ];
    expect(stalledOnsets(flatThenImproved, attended, 6).map((h) => h.at)).toEqual([3]);
    const improved = [
      { at: 0, instrument: 'GAD7' as const, total: 12 },
      { at: 2.5, instrument: 'GAD7' as const, total: 8 },
      ...phq,
    ];
    expect(stalledOnsets(improved, attended, 6)).toEqual([]);
  });
});
