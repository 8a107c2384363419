import { describe, expect, it } from '@jest/globals';
import {
  adherenceBetween,
  answeredDueDay,
  dueDaysBetween,
  expectedReports,
  homeworkAdherence,
  type HomeworkSchedule,
  type HomeworkStatus,
} from '../homework.js';

const reports = (...statuses: HomeworkStatus[]): { status: HomeworkStatus }[] => statuses.map((status) => ({ status }));

describe('homeworkAdherence', () => {
  it('counts done as 1 and partial as 0.5 over the expected reports', () => {
    // (3 + 2 × 0.5) / 7 = 4 / 7.
    expect(homeworkAdherence(reports('DONE', 'DONE', 'DONE', 'PARTIAL', 'PARTIAL', 'NOT_DONE'), 7)).toBeCloseTo(
      4 / 7,
      12,
    );
  });

  it('caps at 1 when the client reports more often than expected', () => {
    expect(homeworkAdherence(reports('DONE', 'DONE', 'DONE', 'DONE', 'DONE'), 4)).toBe(1);
  });

  it('is null when nothing was expected and refuses a negative expectation', () => {
    expect(homeworkAdherence(reports('DONE'), 0)).toBeNull();
    expect(() => homeworkAdherence([], -1)).toThrow(RangeError);
  });
});

describe('due reports and the due day a report answers', () => {
  // Set on Monday 3 March 2025.
  const daily: HomeworkSchedule = { id: 'd', frequency: 'DAILY', assignedOn: '2025-03-03', dueOn: '2025-03-16' };
  const weekly: HomeworkSchedule = { id: 'w', frequency: 'WEEKLY', assignedOn: '2025-03-03', dueOn: '2025-03-31' };
  const once: HomeworkSchedule = { id: 'o', frequency: 'ONCE', assignedOn: '2025-03-03', dueOn: '2025-03-10' };

  it('counts daily from the day after it was set to the due date', () => {
    expect(dueDaysBetween(daily, '2025-03-01', '2025-03-31')).toBe(13); // 4-16 March
    expect(dueDaysBetween(daily, '2025-03-03', '2025-03-03')).toBe(0); // not on the day it is set
    expect(dueDaysBetween({ ...daily, dueOn: null }, '2025-03-10', '2025-03-20')).toBe(11);
  });

  it('counts weekly every 7 days after it was set, and a one-off on its due date', () => {
    expect(dueDaysBetween(weekly, '2025-03-01', '2025-03-31')).toBe(4); // 10, 17, 24, 31 March
    expect(dueDaysBetween(weekly, '2025-03-11', '2025-03-23')).toBe(1); // 17 March
    expect(dueDaysBetween(once, '2025-03-01', '2025-03-09')).toBe(0);
    expect(dueDaysBetween(once, '2025-03-10', '2025-03-10')).toBe(1);
    expect(expectedReports([daily, weekly, once], '2025-03-01', '2025-03-31')).toBe(18); // 13 + 4 + 1
  });

  it('maps a report to the due day it answers', () => {
    expect(answeredDueDay(daily, '2025-03-05')).toBe('2025-03-05');
    expect(answeredDueDay(daily, '2025-03-03')).toBeNull(); // nothing due the day it was set
    expect(answeredDueDay(daily, '2025-03-17')).toBeNull(); // after the due date
    expect(answeredDueDay(weekly, '2025-03-08')).toBe('2025-03-10'); // done two days early
    expect(answeredDueDay(weekly, '2025-03-10')).toBe('2025-03-10');
    expect(answeredDueDay(weekly, '2025-03-11')).toBe('2025-03-17');
    expect(answeredDueDay(weekly, '2025-04-02')).toBe('2025-03-31'); // late for the last one
    expect(answeredDueDay(once, '2025-03-04')).toBe('2025-03-10');
  });

  it('credits each report in the window of the due day it answers', () => {
    // 10-23 March: weekly due 10 and 17 March (2). Reports on 8 March (answers 10) and 16 March
    // (answers 17) both count; one on 18 March answers 24 March, outside.
    const reports = [
      { assignmentId: 'w', date: '2025-03-08', status: 'DONE' as const },
      { assignmentId: 'w', date: '2025-03-16', status: 'PARTIAL' as const },
      { assignmentId: 'w', date: '2025-03-18', status: 'DONE' as const },
    ];
    expect(adherenceBetween([weekly], reports, '2025-03-10', '2025-03-23')).toEqual({
      adherence: 0.75,
      expected: 2,
      done: 1,
      partial: 1,
      notDone: 0,
    });
    expect(adherenceBetween([weekly], reports, '2025-03-01', '2025-03-09')).toBeNull(); // nothing due
  });
});
