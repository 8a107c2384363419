import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../dates/local-date.js';
import type { MoodEntry } from '../../statistics/mood.js';
import { DEFAULT_TRAJECTORY_MODELS, type TrajectoryModel } from '../../statistics/trajectory.js';
import { evaluateClearing, isClearable } from '../clearing.js';
import { describeClearance } from '../describe.js';
import type { ClientFlagInput } from '../evaluate.js';
import { evaluateDisengaging } from '../disengaging.js';
import type { ScorePoint, SessionPoint, SessionStatus } from '../types.js';

const AS_OF = '2025-03-31';

function client(over: Partial<ClientFlagInput>): ClientFlagInput {
  return { asOf: AS_OF, attendedSessions: 0, phq9: [], gad7: [], alliance: [], moods: [], sessions: [], ...over };
}

function sessions(...statuses: SessionStatus[]): SessionPoint[] {
  return statuses.map((status, i) => ({ id: `s${i + 1}`, status }));
}

function series(...points: [session: number, total: number][]): ScorePoint[] {
  return points.map(([sessionNumber, total]) => ({ sessionNumber, total }));
}

// Flat 12 ± 3 for moderate PHQ-9: the band's worse edge is 15 at every session.
const FLAT: TrajectoryModel = {
  instrument: 'PHQ9',
  bands: [
    { band: 'moderate', intercept: 12, slope: 0, tolerance: 3, source: 'PRACTICE', episodes: 40, lastSession: 20 },
  ],
};
const MODELS = { PHQ9: FLAT, GAD7: DEFAULT_TRAJECTORY_MODELS.GAD7 };

describe('which kinds the engine may clear', () => {
  it('never RISK, DETERIORATION or ALLIANCE_RUPTURE', () => {
    expect(isClearable('RISK')).toBe(false);
    expect(isClearable('DETERIORATION')).toBe(false);
    expect(isClearable('ALLIANCE_RUPTURE')).toBe(false);
    expect(['NOT_ON_TRACK', 'STALLED', 'DISENGAGING'].every((k) => isClearable(k as 'STALLED'))).toBe(true);
  });
});

describe('DISENGAGING clears on re-engagement', () => {
  it('two missed sessions and then four attended: no longer disengaging', () => {
    const input = client({
      sessions: sessions('ATTENDED', 'NO_SHOW', 'NO_SHOW', 'ATTENDED', 'ATTENDED', 'ATTENDED', 'ATTENDED'),
    });
    expect(evaluateClearing('DISENGAGING', input)?.evidence.trigger).toEqual({
      rule: 'RE_ENGAGED',
      asOf: AS_OF,
      lastMoodDate: null,
      missed: 0,
      of: 4,
    });
  });

  it('two missed and two attended: 2 of the last 4 still missed, not cleared', () => {
    const input = client({ sessions: sessions('ATTENDED', 'NO_SHOW', 'NO_SHOW', 'ATTENDED', 'ATTENDED') });
    expect(evaluateDisengaging(input)).not.toBeNull();
    expect(evaluateClearing('DISENGAGING', input)).toBeNull();
  });

  it('after a mood gap, one entry today ends it; the gap alone does not', () => {
    // 14 daily entries ending 9 days ago: the gap rule holds (9 >= 7 days, 14 >= 10 entries).
    const before: MoodEntry[] = Array.from({ length: 14 }, (_, i) => ({ date: addDays(AS_OF, -(9 + i)), rating: 6 }));
    expect(evaluateClearing('DISENGAGING', client({ moods: before }))).toBeNull();
    const back = [...before, { date: AS_OF, rating: 5 }];
    const cleared = evaluateClearing('DISENGAGING', client({ moods: back }));
    expect(cleared?.evidence.trigger).toMatchObject({ rule: 'RE_ENGAGED', lastMoodDate: AS_OF });
    expect(describeClearance(cleared!.evidence.trigger)).toBe(
      'Re-engaged: no sign of disengagement as of 31 Mar (last mood entry 31 Mar)',
    );
  });
});

describe('DISENGAGING clears only on something the client did after the flag opened', () => {
  const opened = { at: '2025-03-01T09:00:00Z', on: '2025-03-01' };

  it('not when the gap only slid out of the mood data read (no entries at all now)', () => {
    expect(evaluateClearing('DISENGAGING', client({ moods: [] }), undefined, undefined, opened)).toBeNull();
  });

  it('not on entries from before the flag opened', () => {
    const old: MoodEntry[] = [{ date: '2025-02-28', rating: 5 }];
    expect(evaluateClearing('DISENGAGING', client({ moods: old }), undefined, undefined, opened)).toBeNull();
  });

  it('on a mood entry dated the day it opened or later', () => {
    const back: MoodEntry[] = [{ date: '2025-03-01', rating: 5 }];
    expect(evaluateClearing('DISENGAGING', client({ moods: back }), undefined, undefined, opened)).not.toBeNull();
  });

  it('on a session attended after it opened', () => {
    const attended: SessionPoint[] = [{ status: 'ATTENDED', at: '2025-03-08T15:00:00Z' }];
    expect(
      evaluateClearing('DISENGAGING', client({ sessions: attended }), undefined, undefined, opened),
    ).not.toBeNull();
    const before: SessionPoint[] = [{ status: 'ATTENDED', at: '2025-02-22T15:00:00Z' }];
    expect(evaluateClearing('DISENGAGING', client({ sessions: before }), undefined, undefined, opened)).toBeNull();
    // Recorded late: held before the flag opened, but after the last no-show.
    const late = sessions('NO_SHOW', 'NO_SHOW', 'ATTENDED', 'ATTENDED', 'ATTENDED');
    expect(evaluateClearing('DISENGAGING', client({ sessions: late }), undefined, undefined, opened)).not.toBeNull();
  });
});

describe('NOT_ON_TRACK clears after two scores in a row back in the band', () => {
  it('one score back in band is not enough', () => {
    // 16 at session 3 is above 15; 14 at session 4 is inside.
    expect(
      evaluateClearing('NOT_ON_TRACK', client({ phq9: series([1, 12], [3, 16], [4, 14]) }), undefined, MODELS),
    ).toBeNull();
  });

  it('clears on the second: 14 then 15 (the edge counts as inside)', () => {
    const cleared = evaluateClearing(
      'NOT_ON_TRACK',
      client({ phq9: series([1, 12], [3, 16], [4, 14], [5, 15]) }),
      undefined,
      MODELS,
    );
    expect(cleared?.evidence.trigger).toEqual({
      rule: 'BACK_IN_BAND',
      scores: [
        { instrument: 'PHQ9', score: 14, sessionNumber: 4, upper: 15, response: {} },
        { instrument: 'PHQ9', score: 15, sessionNumber: 5, upper: 15, response: {} },
      ],
    });
    expect(describeClearance(cleared!.evidence.trigger)).toBe(
      'Back within the expected range for two scores in a row: PHQ-9 14 at session 4 and 15 at session 5',
    );
  });

  it('does not clear while the other measure is off track', () => {
    // GAD-7 moderate default at session 5: 12 - 2.4 × ln 5 + 4.5 = 12.64; 14 is worse.
    const input = client({ phq9: series([1, 12], [4, 14], [5, 15]), gad7: series([1, 12], [4, 11], [5, 14]) });
    expect(evaluateClearing('NOT_ON_TRACK', input, undefined, MODELS)).toBeNull();
  });

  it('does not clear on a score without a session number', () => {
    const phq9: ScorePoint[] = [...series([1, 12], [3, 16], [4, 14]), { total: 13 }];
    expect(evaluateClearing('NOT_ON_TRACK', client({ phq9 }), undefined, MODELS)).toBeNull();
  });
});

describe('STALLED clears on reliable improvement', () => {
  it('a PHQ-9 fall of 6 from the first score clears it', () => {
    const cleared = evaluateClearing(
      'STALLED',
      client({ attendedSessions: 8, phq9: series([1, 15], [6, 15], [7, 15], [8, 9]) }),
    );
    expect(cleared?.evidence.trigger).toEqual({
      rule: 'RELIABLE_IMPROVEMENT',
      instrument: 'PHQ9',
      baseline: 15,
      score: 9,
      change: 6,
      threshold: 6,
      response: {},
    });
    expect(describeClearance(cleared!.evidence.trigger)).toBe(
      'PHQ-9 fell 6 points since the start of the episode (15 to 9): reliable improvement',
    );
  });

  it('a fall of 5 does not', () => {
    expect(evaluateClearing('STALLED', client({ phq9: series([1, 15], [6, 15], [7, 15], [8, 10]) }))).toBeNull();
  });

  it('a GAD-7 fall of 4 clears it', () => {
    expect(evaluateClearing('STALLED', client({ gad7: series([1, 12], [8, 8]) }))?.evidence.trigger).toMatchObject({
      instrument: 'GAD7',
      change: 4,
    });
  });
});
