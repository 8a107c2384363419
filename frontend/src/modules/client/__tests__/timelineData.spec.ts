import { describe, expect, it } from '@jest/globals';
import type { ScoreSummary } from '../../common/graphql/types';
import type { TherapySession } from '../graphql/client';
import { expectedBandOnTimeline } from '../timelineData';

const session = (
  number: number,
  scheduledAt: string,
  status: TherapySession['status'] = 'ATTENDED',
): TherapySession => ({
  id: `s${number}`,
  scheduledAt,
  durationMinutes: 50,
  number,
  status,
  alliance: null,
});

const summary: ScoreSummary = {
  instrumentCode: 'PHQ9',
  baseline: 18,
  latest: 15,
  latestAt: '2024-03-08T09:00:00.000Z',
  change: -3,
  changeClass: 'NO_RELIABLE_CHANGE',
  band: null,
  isCase: true,
  points: [
    { at: '2024-03-01T09:00:00.000Z', sessionNumber: 1, total: 18 },
    { at: '2024-03-08T09:00:00.000Z', sessionNumber: 2, total: 15 },
  ],
};

describe('expectedBandOnTimeline', () => {
  it('places each session number at its score date, else its session date, and drops the unknown', () => {
    const bands = [1, 2, 3, 4].map((sessionNumber) => ({ sessionNumber, expected: 10, lower: 8, upper: 12 }));
    const sessions = [
      session(1, '2024-03-01T10:00:00.000Z'),
      session(2, '2024-03-08T10:00:00.000Z'),
      session(3, '2024-03-15T10:00:00.000Z', 'SCHEDULED'),
      // An earlier episode's session 4 is not this episode's.
      session(4, '2023-01-01T10:00:00.000Z'),
    ];
    const placed = expectedBandOnTimeline(bands, summary, sessions, '2024-02-28');
    expect(placed.map((band) => band.date.toISOString())).toEqual([
      '2024-03-01T09:00:00.000Z',
      '2024-03-08T09:00:00.000Z',
      '2024-03-15T10:00:00.000Z',
    ]);
    expect(placed[0]).toMatchObject({ lower: 8, upper: 12 });
  });
});
