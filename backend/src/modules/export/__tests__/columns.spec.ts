import { episodeFacts } from '../../report/report.figures.js';
import type { EpisodeRow } from '../../report/report.sql.js';
import { episodeColumns } from '../columns.js';

const ROW: EpisodeRow = {
  episodeId: 'e1',
  clientCode: 'EX-001',
  clientName: null,
  therapistId: 't1',
  startedOn: '2025-03-01',
  endedOn: '2025-03-31',
  endReason: 'COMPLETED',
  attended: 4,
  ratedSessions: 0,
  // Sessions 1 and 2 had both measures (PHQ-9 18 then 12, GAD-7 12 then 9); session 3 a PHQ-9
  // of 8 only and session 4 a GAD-7 of 6 only, so each measure's own last score is not paired.
  jointOccasions: 2,
  pairedPhq9First: 18,
  pairedPhq9Last: 12,
  pairedGad7First: 12,
  pairedGad7Last: 9,
  phq9Count: 3,
  gad7Count: 3,
  allianceTotals: null,
  episodeDays: 31,
  moodDays: 0,
  assignments: null,
  homeworkDone: 0,
  homeworkPartial: 0,
  homeworkNotDone: 0,
};

function csvRow(row: EpisodeRow): Record<string, string | number | null> {
  const facts = episodeFacts(row);
  return Object.fromEntries(episodeColumns(false).map((c) => [c.header, c.value(facts)]));
}

describe('episode export columns', () => {
  it('give the paired scores of the first and last joint occasions and the outcome they make', () => {
    // 18 -> 12 leaves PHQ-9 at caseness (>= 10): not recovered; -6 on PHQ-9 is reliable improvement.
    expect(csvRow(ROW)).toMatchObject({
      joint_occasions: 2,
      paired_scores: 1,
      phq9_first: 18,
      phq9_last: 12,
      phq9_scores: 3,
      gad7_first: 12,
      gad7_last: 9,
      caseness: 1,
      recovery: 0,
      reliable_improvement: 1,
    });
  });

  it('leave the scores blank for a finished course with one joint occasion, which has no paired scores', () => {
    const once = {
      ...ROW,
      jointOccasions: 1,
      pairedPhq9First: null,
      pairedPhq9Last: null,
      pairedGad7First: null,
      pairedGad7Last: null,
    };
    expect(csvRow(once)).toMatchObject({
      joint_occasions: 1,
      paired_scores: 0,
      phq9_first: null,
      gad7_last: null,
      caseness: 0,
      recovery: 0,
    });
  });
});
