import { describe, expect, it } from '@jest/globals';
import { homeworkAdherence, type HomeworkStatus } from '../homework.js';

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
